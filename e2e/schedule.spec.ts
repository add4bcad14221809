import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { FIXTURE_ORIGIN, REVALIDATE_SECRET } from "./helpers/origins";

/*
 * Scheduled publishing, end to end: a copy of the fixture build is served over
 * a copy of the fixture corpus plus one story due 25 seconds after the server
 * starts. Polling its page and its section front, the story must be absent from
 * every response completed before its time, and present within 60 seconds of it.
 * Then the story is corrected on disk and the server told to revalidate.
 * The server listens on one host only (127.0.0.2, -H): its timer must reach it there.
 */

const PORT = Number(new URL(FIXTURE_ORIGIN).port) + 5;
const HOST = "127.0.0.2";
const ORIGIN = `http://${HOST}:${PORT}`;
const TITLE = "Tide Tables Published for the Summer";
const SLUG = "tide-tables-published-for-the-summer";

test("a scheduled story goes public at its time on its page and its section, never before; revalidation picks up edits", async ({ request }) => {
  test.setTimeout(180_000);
  const dist = `.next-schedule-${PORT}`;
  fs.rmSync(dist, { recursive: true, force: true });
  fs.cpSync(".next-fixtures", dist, { recursive: true, filter: (src) => !src.startsWith(path.join(".next-fixtures", "cache")) });
  const content = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-schedule-"));
  fs.cpSync("e2e/fixtures/content", content, { recursive: true });

  const due = new Date(Math.ceil((Date.now() + 25_000) / 1000) * 1000);
  fs.writeFileSync(
    path.join(content, "articles", `${SLUG}.md`),
    `---
title: ${TITLE}
standfirst: A story scheduled by the end-to-end test a few seconds ahead
section: world
tags: [coast]
authors: [harbour-correspondent]
publishedAt: ${due.toISOString()}
status: published
image:
  src: /images/victory-day-ceasefire.jpg
  alt: Fixture image for the scheduled story
  caption: Fixture caption
  credit: Fixture Credit Agency
---

The harbour master has published the summer tide tables.
`,
  );

  const server = spawn(process.execPath, ["server/main.mjs", "-p", String(PORT), "-H", HOST], {
    env: { ...process.env, NEXT_DIST_DIR: dist, CONTENT_DIR: content, NEXT_TELEMETRY_DISABLED: "1", REVALIDATE_SECRET },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  server.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  try {
    await expect.poll(async () => (await request.get(`${ORIGIN}/`).catch(() => null))?.status(), { timeout: 30_000 }).toBe(200);
    expect(Date.now(), "the server must start before the story is due").toBeLessThan(due.getTime());

    const seenAt: Record<string, number> = {};
    while (Date.now() < due.getTime() + 75_000 && Object.keys(seenAt).length < 2) {
      const checks = {
        article: async () => (await request.get(`${ORIGIN}/world/${SLUG}`)).status() === 200,
        section: async () => (await (await request.get(`${ORIGIN}/world`)).text()).includes(TITLE),
      };
      for (const [surface, check] of Object.entries(checks)) {
        if (seenAt[surface]) continue;
        const started = Date.now();
        const visible = await check();
        const finished = Date.now();
        if (visible) {
          // A response completed before the due time must not show the story.
          expect(finished, `${surface} showed the story before its time`).toBeGreaterThanOrEqual(due.getTime());
          seenAt[surface] = finished;
          test.info().annotations.push({ type: surface, description: `public ${finished - due.getTime()} ms after due` });
          console.log(`schedule: ${surface} public ${finished - due.getTime()} ms after due (request started ${started - due.getTime()} ms)`);
        }
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    for (const surface of ["article", "section"]) {
      expect(seenAt[surface], `${surface} never showed the story`).toBeDefined();
      expect(seenAt[surface]! - due.getTime(), `${surface} delay`).toBeLessThanOrEqual(60_000);
    }
    // The timer revalidated through the server's own address (not only the 60 s regeneration).
    expect(errors).not.toContain("publication scheduler");

    // The publishing pipeline changes the story and asks the running server to refresh.
    const file = path.join(content, "articles", `${SLUG}.md`);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(`title: ${TITLE}`, `title: ${TITLE} (corrected)`));
    const refused = await request.post(`${ORIGIN}/api/revalidate`, { headers: { authorization: "Bearer wrong" } });
    expect(refused.status()).toBe(401);
    const refreshed = await request.post(`${ORIGIN}/api/revalidate`, { headers: { authorization: `Bearer ${REVALIDATE_SECRET}` } });
    expect(refreshed.status()).toBe(200);
    expect((await request.get(`${ORIGIN}/world/${SLUG}`)).ok()).toBe(true);
    expect(await (await request.get(`${ORIGIN}/world/${SLUG}`)).text()).toContain(`${TITLE} (corrected)`);
    expect(await (await request.get(`${ORIGIN}/world`)).text()).toContain(`${TITLE} (corrected)`);

    // A broken change is refused, and the previous content stays in service.
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("section: world", "section: nowhere"));
    const broken = await request.post(`${ORIGIN}/api/revalidate`, { headers: { authorization: `Bearer ${REVALIDATE_SECRET}` } });
    expect(broken.status()).toBe(422);
    expect((await broken.json()).problems.join("\n")).toContain(`${SLUG}.md: section: unknown section "nowhere"`);
    expect(await (await request.get(`${ORIGIN}/world/${SLUG}`)).text()).toContain(`${TITLE} (corrected)`);
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dist, { recursive: true, force: true });
    fs.rmSync(content, { recursive: true, force: true });
  }
});
