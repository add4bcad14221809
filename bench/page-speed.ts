/*
 * npm run bench [-- --rounds=3 --duration=10 --connections=20 --pages=article,front
 *                   --servers=site,floor,memory --encoding=gzip --rebuild]
 *
 * Builds the site if needed, starts its production server, captures its pages
 * for the framework floor (a bare Next.js app of the same version serving the
 * same body markup as static pages, bench/floor) and for a plain in-memory Node
 * server sending the site's exact response bytes (bench/memory-server.mjs), and
 * measures the three side by side for the article page, the front page, a
 * section front and search:
 *   - bytes a phone-sized Chromium loads: HTML/JS/CSS/images, raw and as sent;
 *   - TTFB (sequential keep-alive requests), median;
 *   - autocannon -c 20 -d 10 with `accept-encoding: gzip`: req/s, p50/p99, errors.
 * Servers are measured alternately (site, floor, memory, then rotated) for
 * several rounds; figures are medians and the spread says how noisy they were.
 * Everything targets 127.0.0.1. Results also go to bench-results/bench-<time>.json.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, systemChromium } from "../e2e/helpers/browser";
import {
  PAGES,
  args,
  captureAndBuildFloor,
  cpuMs,
  ensureSiteBuild,
  fetchRaw,
  floorPath,
  kb,
  log,
  median,
  resultsDir,
  spread,
  startFloor,
  startMemory,
  startSite,
  stop,
  stopAllOnExit,
  table,
  type Server,
} from "./lib";

const opts = args();
const ROUNDS = Number(opts.get("rounds") ?? 3);
const DURATION = Number(opts.get("duration") ?? 10);
const CONNECTIONS = Number(opts.get("connections") ?? 20);
const ENCODING = opts.get("encoding") ?? "gzip";
const TTFB_SAMPLES = Number(opts.get("ttfb-samples") ?? 20);
const pageNames = (opts.get("pages") ?? PAGES.map((p) => p.name).join(",")).split(",");
const pages = PAGES.filter((p) => pageNames.includes(p.name));
const serverNames = (opts.get("servers") ?? "site,floor,memory").split(",") as ServerName[];

type ServerName = "site" | "floor" | "memory";
type Bytes = { files: number; raw: number; sent: number };
type PageBytes = Record<"html" | "js" | "css" | "image" | "other", Bytes> & { rscShare: number };
type Load = { reqPerSec: number; p50: number; p99: number; errors: number; non2xx: number; cpuMsPerReq: number };

function urlFor(server: ServerName, origin: string, page: (typeof PAGES)[number]): string {
  return origin + (server === "floor" ? floorPath(page.name) : page.path);
}

/** Share of the HTML that is the inlined React Server Components payload. */
function rscShare(html: string): number {
  let payload = 0;
  for (const m of html.matchAll(/<script>(self\.__next_f[^<]*)<\/script>/g)) payload += m[1]!.length;
  return html.length ? payload / html.length : 0;
}

/** What a phone-sized Chromium loads for the page on a first, uncached visit (before scrolling). */
async function measureBytes(url: string): Promise<PageBytes> {
  const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
      isMobile: true,
      hasTouch: true,
      userAgent:
        "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36",
    });
    const page = await context.newPage();
    const seen: Promise<{ type: string; raw: number; sent: number; html?: string }>[] = [];
    page.on("requestfinished", (request) => {
      if (request.url().startsWith("data:")) return;
      seen.push(
        (async () => {
          const response = await request.response();
          const body = (await response?.body().catch(() => undefined)) ?? Buffer.alloc(0);
          const sizes = await request.sizes();
          const type = request.resourceType();
          return {
            type,
            raw: body.length,
            sent: sizes.responseBodySize,
            html: type === "document" ? body.toString("utf8") : undefined,
          };
        })(),
      );
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    const entries = await Promise.all(seen);
    const empty = (): Bytes => ({ files: 0, raw: 0, sent: 0 });
    const out: PageBytes = { html: empty(), js: empty(), css: empty(), image: empty(), other: empty(), rscShare: 0 };
    for (const e of entries) {
      const key = e.type === "document" ? "html" : e.type === "script" ? "js" : e.type === "stylesheet" ? "css" : e.type === "image" ? "image" : "other";
      out[key].files++;
      out[key].raw += e.raw;
      out[key].sent += e.sent;
      if (e.html) out.rscShare = rscShare(e.html);
    }
    return out;
  } finally {
    await browser.close();
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Time to the first byte of the response, on a warm keep-alive connection, in ms. */
function ttfb(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.get(url, { agent, headers: { "accept-encoding": ENCODING } }, (res) => {
      res.once("data", () => {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        res.resume();
        res.on("end", () => resolve(ms));
      });
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

function load(url: string, duration: number, pid?: number): Promise<Load> {
  const cpu0 = cpuMs(pid);
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: CONNECTIONS, duration, headers: { "accept-encoding": ENCODING } },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          reqPerSec: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          cpuMsPerReq: (cpuMs(pid) - cpu0) / Math.max(1, result.requests.total),
        });
      },
    );
  });
}

/** Captures the site's responses (as sent, gzipped) for the in-memory server. */
async function captureResponses(site: Server): Promise<string> {
  const out: Record<string, { status: number; headers: Record<string, string>; body: string }> = {};
  for (const page of pages) {
    const res = await fetchRaw(site.origin + page.path, ENCODING);
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (!["date", "connection", "keep-alive", "transfer-encoding", "content-length"].includes(k)) headers[k] = v;
    });
    out[page.path] = { status: res.status, headers, body: res.body.toString("base64") };
  }
  const file = path.join(resultsDir(), "memory-responses.json");
  fs.writeFileSync(file, JSON.stringify(out));
  return file;
}

const loadAtStart = os.loadavg()[0]!;

async function main() {
  stopAllOnExit();
  ensureSiteBuild(opts.has("rebuild"));
  const servers: Partial<Record<ServerName, Server>> = {};
  try {
    servers.site = await startSite();
    for (const page of PAGES) await fetchRaw(servers.site.origin + page.path); // render on-demand pages once
    if (serverNames.includes("floor")) {
      await captureAndBuildFloor(servers.site, opts.has("rebuild"));
      servers.floor = await startFloor();
    }
    if (serverNames.includes("memory")) servers.memory = await startMemory(await captureResponses(servers.site));
    const active = serverNames.filter((n) => servers[n]);
    log(`servers: ${active.map((n) => `${n} ${servers[n]!.origin}`).join(", ")}`);

    // Bytes (deterministic): the site and the floor as a phone loads them.
    const bytes: Record<string, Partial<Record<ServerName, PageBytes>>> = {};
    for (const page of pages) {
      bytes[page.name] = {};
      for (const name of active.filter((n) => n !== "memory")) {
        bytes[page.name]![name] = await measureBytes(urlFor(name, servers[name]!.origin, page));
      }
    }

    // TTFB and throughput, alternating servers within each round, order rotated per round.
    const ttfbs: Record<string, Record<string, number[]>> = {};
    const loads: Record<string, Record<string, Load[]>> = {};
    for (const page of pages) {
      ttfbs[page.name] = Object.fromEntries(active.map((n) => [n, []]));
      loads[page.name] = Object.fromEntries(active.map((n) => [n, []]));
      for (const name of active) await load(urlFor(name, servers[name]!.origin, page), 2); // warm-up
      for (let round = 0; round < ROUNDS; round++) {
        const order = active.map((_, i) => active[(i + round) % active.length]!);
        for (const name of order) {
          const url = urlFor(name, servers[name]!.origin, page);
          for (let i = 0; i < TTFB_SAMPLES; i++) ttfbs[page.name]![name]!.push(await ttfb(url));
          const result = await load(url, DURATION, servers[name]!.proc.pid);
          loads[page.name]![name]!.push(result);
          log(
            `${page.name} round ${round + 1}/${ROUNDS} ${name}: ${result.reqPerSec.toFixed(0)} req/s, ` +
              `p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.cpuMsPerReq.toFixed(2)} CPU ms/req`,
          );
        }
      }
    }
    report(bytes, ttfbs, loads, active, servers);
  } finally {
    for (const s of Object.values(servers)) await stop(s);
    agent.destroy();
  }
}

function report(
  bytes: Record<string, Partial<Record<ServerName, PageBytes>>>,
  ttfbs: Record<string, Record<string, number[]>>,
  loads: Record<string, Record<string, Load[]>>,
  active: ServerName[],
  servers: Partial<Record<ServerName, Server>>,
) {
  const when = new Date().toISOString();
  const lines: string[] = [];
  lines.push(`# npm run bench — ${when}`);
  lines.push(
    `autocannon -c ${CONNECTIONS} -d ${DURATION}, accept-encoding: ${ENCODING}, ${ROUNDS} rounds alternating ${active.join("/")}; ` +
      `TTFB: ${TTFB_SAMPLES} sequential keep-alive requests per server per round. Medians; ± is (max − min)/median over the rounds. ` +
      `CPU ms/req: the server process's CPU time during the run over its requests (÷ ratios are of req/s).`,
  );
  lines.push(
    `Machine: ${os.cpus().length} cores, load average ${loadAtStart.toFixed(1)} at the start and ${os.loadavg()[0]!.toFixed(1)} at the end ` +
      `(other work shares the machine: compare servers within this run only).`,
  );
  lines.push("");
  lines.push("## Bytes a phone loads on a first visit (412×823 @1.75, before scrolling): KB raw / KB as sent");
  const bytesRows: (string | number)[][] = [];
  for (const [page, perServer] of Object.entries(bytes)) {
    for (const [name, b] of Object.entries(perServer)) {
      if (!b) continue;
      const cell = (x: Bytes) => `${kb(x.raw)} / ${kb(x.sent)}`;
      bytesRows.push([
        `${page} (${name})`,
        cell(b.html),
        `${(b.rscShare * 100).toFixed(0)}%`,
        `${cell(b.js)} in ${b.js.files}`,
        cell(b.css),
        `${cell(b.image)} in ${b.image.files}`,
      ]);
    }
  }
  lines.push(table(["page", "HTML", "RSC share", "JS", "CSS", "images"], bytesRows));
  lines.push("");
  lines.push("## Server: TTFB, throughput, latency");
  const rows: (string | number)[][] = [];
  for (const page of Object.keys(loads)) {
    const med = (name: string, f: (l: Load) => number) => median(loads[page]![name]!.map(f));
    for (const name of active) {
      const runs = loads[page]![name]!;
      const rps = med(name, (l) => l.reqPerSec);
      const ratio = (other: ServerName) => (servers[other] && other !== name ? (rps / med(other, (l) => l.reqPerSec)).toFixed(2) : "");
      rows.push([
        `${page} (${name})`,
        median(ttfbs[page]![name]!).toFixed(2),
        `${rps.toFixed(0)} ±${spread(runs.map((l) => l.reqPerSec)).toFixed(0)}%`,
        med(name, (l) => l.p50),
        med(name, (l) => l.p99),
        `${med(name, (l) => l.cpuMsPerReq).toFixed(2)} ±${spread(runs.map((l) => l.cpuMsPerReq)).toFixed(0)}%`,
        runs.reduce((s, l) => s + l.errors + l.non2xx, 0),
        name === "site" ? ratio("floor") : "",
        name === "memory" ? "" : ratio("memory"),
      ]);
    }
  }
  lines.push(table(["page (server)", "TTFB ms", "req/s", "p50 ms", "p99 ms", "CPU ms/req", "errors", "÷ floor", "÷ memory"], rows));
  const text = lines.join("\n");
  console.log(text);
  const file = path.join(resultsDir(), `bench-${when.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify({ when, options: Object.fromEntries(opts), bytes, ttfbs, loads, text }, null, 2));
  log(`results: ${path.relative(process.cwd(), file)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
