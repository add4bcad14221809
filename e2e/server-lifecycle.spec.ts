import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { FIXTURE_ORIGIN } from "./helpers/origins";
import { expectSecurityHeaders } from "./helpers/security";

/*
 * The production server (server/main.mjs, what npm start runs) answers its health
 * check, and on SIGTERM stops taking connections but finishes the requests in
 * flight before it exits cleanly. A copy of the fixture build is served on its
 * own port so the shared servers are left alone.
 */

const PORT = Number(new URL(FIXTURE_ORIGIN).port) + 7;
const ORIGIN = `http://127.0.0.1:${PORT}`;

/** Opens a connection and sends `text`; collects what comes back until the server closes it. */
function connection(text: string) {
  const socket = net.connect(PORT, "127.0.0.1");
  let received = "";
  const closed = new Promise<string>((resolve) => {
    socket.on("data", (d) => (received += d.toString("utf8")));
    socket.on("close", () => resolve(received));
    socket.on("error", () => resolve(received));
  });
  socket.write(text);
  return { socket, closed };
}

test("answers /api/health, then on SIGTERM refuses new connections, finishes requests in flight and exits 0", async ({ request }) => {
  test.setTimeout(120_000);
  const dist = `.next-lifecycle-${PORT}`;
  fs.rmSync(dist, { recursive: true, force: true });
  fs.cpSync(".next-fixtures", dist, { recursive: true, filter: (src) => !src.startsWith(path.join(".next-fixtures", "cache")) });
  let output = "";
  const server = spawn(process.execPath, ["server/main.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXT_DIST_DIR: dist, CONTENT_DIR: "e2e/fixtures/content", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (d) => (output += d));
  server.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
  try {
    await expect.poll(async () => (await request.get(`${ORIGIN}/api/health`).catch(() => null))?.status(), { timeout: 30_000 }).toBe(200);
    const health = await request.get(`${ORIGIN}/api/health`);
    expect(await health.json()).toMatchObject({ status: "ok", redis: "not configured", cache: "file-system" });
    expect(health.headers()["cache-control"]).toBe("no-store");
    expectSecurityHeaders(health.headers(), "/api/health");

    // In flight when the signal comes: a page request and a health check whose headers are half sent,
    // and a keep-alive connection that has had its answer and sits idle.
    const page = connection("GET /world HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    const healthDuringDrain = connection("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    const idle = connection("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    await expect.poll(() => idle.socket.bytesRead).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));

    server.kill("SIGTERM");
    // The idle connection is closed at once, having had its full answer.
    expect(await idle.closed).toMatch(/^HTTP\/1\.1 200[\s\S]*\{"status":"ok",/);
    // No new connection is accepted.
    await expect
      .poll(
        () =>
          new Promise<string>((resolve) => {
            const probe = net.connect(PORT, "127.0.0.1");
            probe.on("connect", () => {
              probe.destroy();
              resolve("accepted");
            });
            probe.on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
          }),
      )
      .toBe("ECONNREFUSED");

    // The requests in flight are finished, completely, and their connections closed after them.
    page.socket.write("\r\n");
    healthDuringDrain.socket.write("\r\n");
    const answer = await page.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toContain("Harbour Fish Market Reopens");
    expect(answer.trimEnd()).toMatch(/<\/html>$|\r\n0$/);
    // A load balancer checking health meanwhile is told to go elsewhere.
    expect(await healthDuringDrain.closed).toMatch(/^HTTP\/1\.1 503 [\s\S]*"status":"shutting down"/);

    expect(await exited).toBe(0);
    expect(output).toContain("SIGTERM");
    expect(output).toContain("all requests answered; stopped");
    expect(output).not.toMatch(/Error|⨯/);
  } finally {
    if (server.exitCode === null) server.kill("SIGKILL");
    fs.rmSync(dist, { recursive: true, force: true });
  }
});

test("after a restart, pages cached before it show what changed on disk while the server was down", async ({ request }) => {
  test.setTimeout(150_000);
  const port = PORT + 1;
  const origin = `http://127.0.0.1:${port}`;
  const dist = `.next-restart-${port}`;
  const content = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-restart-content-"));
  const index = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-restart-index-"));
  fs.rmSync(dist, { recursive: true, force: true });
  fs.cpSync(".next-fixtures", dist, { recursive: true, filter: (src) => !src.startsWith(path.join(".next-fixtures", "cache")) });
  fs.cpSync("e2e/fixtures/content", content, { recursive: true });
  const story = "/world/harbour-fish-market-reopens";
  const start = () => {
    const server = spawn(process.execPath, ["server/main.mjs", "-p", String(port), "-H", "127.0.0.1"], {
      env: { ...process.env, NEXT_DIST_DIR: dist, CONTENT_DIR: content, CONTENT_INDEX_DIR: index, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
    });
    return { server, exited: new Promise((resolve) => server.on("exit", resolve)) };
  };
  const headline = async () => {
    const res = await request.get(origin + story).catch(() => null);
    return res?.status() === 200 ? /<h1[^>]*>([^<]*)</.exec(await res.text())?.[1] : undefined;
  };
  let running = start();
  try {
    await expect.poll(headline, { timeout: 30_000 }).toBe("Harbour Fish Market Reopens");
    running.server.kill("SIGTERM");
    await running.exited;

    const file = path.join(content, "articles", "harbour-fish-market-reopens.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("title: Harbour Fish Market Reopens", "title: Harbour Fish Market Reopens After Repairs"));
    running = start();
    // Served from the index first, then the files compared and the pages refreshed: long before the pages' own
    // 60 s lifetime would have run out.
    await expect.poll(headline, { timeout: 30_000, intervals: [500] }).toBe("Harbour Fish Market Reopens After Repairs");
  } finally {
    if (running.server.exitCode === null) running.server.kill("SIGKILL");
    fs.rmSync(dist, { recursive: true, force: true });
    fs.rmSync(content, { recursive: true, force: true });
    fs.rmSync(index, { recursive: true, force: true });
  }
});
