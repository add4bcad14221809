/*
 * npm run bench:archive -- [--sizes 1000,10000,100000] [--skip-build] [--index-dir .cache/content-index]
 *                          [--load-seconds 15] [--connections 20] [--search-rounds 5] [--keep]
 *
 * Issue 22's targets ("Archive scale", archive-targets.ts) at each corpus size, every server being
 * the production one, `node server/main.mjs`, as readers get it:
 *
 *   1. build: `npm run build` into its own NEXT_DIST_DIR (.next-archive-<size>): wall time and peak
 *      RSS of the whole process tree (every 0.5 s from /proc); `content:check` in full, then again
 *      after one file changed;
 *   2. start: spawn to the first 200 of the front page with the content index removed (cold; and
 *      what the server answered meanwhile), then restarted with it present; RSS after warm-up;
 *   3. publish: one story's headline edited in the corpus copy, then POST /api/revalidate naming the
 *      file ({"files": ["articles/…"]}): answer time, the server's CPU for it (/proc, net of its idle
 *      use over as long a window), the event loop's longest turn, and after a second edit how long
 *      until the story, the front, its section, topic and author pages, /feed.xml, its sitemap
 *      (lastmod) and a search for the new headline show it; then a story added, one retracted and
 *      one deleted; RSS after two publishes;
 *   4. the event loop's longest turn (GET /api/health, server/event-loop.mjs) during each of these;
 *   5. 20 connections of autocannon on an old story, the front and a search, without and then with a
 *      publish in the middle: failed requests, p99, longest request;
 *   6. search p95 over a fixed set of queries;
 *   7. click depth: a breadth-first crawl from the front page over the site's own links, against the
 *      stories in the sitemap (sizes up to --click-depth-max, 10,000 by default).
 *
 * Corpora: 10,000 and 100,000 come from /tmp/c10k and /tmp/c100k when present (--corpora moves them),
 * other sizes are generated once into bench-results/archive/source-<size>; each run copies the source,
 * since it edits stories. Everything on 127.0.0.1, free ports; every process it starts runs in its
 * own process group and is killed when it ends, on error or interrupt; --timeout-minutes bounds the
 * whole run. Results print per target with PASS/FAIL and go to bench-results/archive-<time>.{json,md}.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import yaml from "js-yaml";
import { freePort } from "../tools/cluster";
import {
  BASELINE_SIZE,
  TARGETS,
  atMost,
  clickDepths,
  holds,
  netCpuMs,
  pageLinks,
  quantile,
  round,
  verdictLabel,
  type Verdict,
} from "./archive-targets";
import { BUILD_REWRITES, ROOT, keepFiles, log, resultsDir, treeCpuMs, treeRss } from "./lib";

const { values: opts } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,100000" },
    corpora: { type: "string", default: "10000=/tmp/c10k,100000=/tmp/c100k" },
    "skip-build": { type: "boolean", default: false },
    "index-dir": { type: "string", default: ".cache/content-index" },
    "load-seconds": { type: "string", default: "15" },
    connections: { type: "string", default: "20" },
    "idle-seconds": { type: "string", default: "2" },
    "settle-seconds": { type: "string", default: "2" },
    "search-rounds": { type: "string", default: "5" },
    "start-timeout": { type: "string", default: "600" },
    "visible-timeout": { type: "string", default: "60" },
    "click-depth-max": { type: "string", default: "10000" },
    "crawl-limit": { type: "string", default: "50000" },
    "timeout-minutes": { type: "string", default: "240" },
    keep: { type: "boolean", default: false },
  },
});

const SIZES = opts.sizes.split(",").map(Number);
if (SIZES.some((s) => !Number.isInteger(s) || s < 1)) throw new Error("--sizes takes whole numbers, e.g. 1000,10000");
const INDEX_DIR = path.resolve(ROOT, opts["index-dir"]);
const LOAD_SECONDS = Number(opts["load-seconds"]);
const CONNECTIONS = Number(opts.connections);
const IDLE_MS = Number(opts["idle-seconds"]) * 1000;
const SETTLE_MS = Number(opts["settle-seconds"]) * 1000;
const SEARCH_ROUNDS = Number(opts["search-rounds"]);
const START_TIMEOUT_MS = Number(opts["start-timeout"]) * 1000;
const VISIBLE_TIMEOUT_MS = Number(opts["visible-timeout"]) * 1000;
const WORK = path.join(resultsDir(), "archive");
const SECRET = crypto.randomBytes(24).toString("hex");
const TSX_CLI = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

/** Queries of the generator's vocabulary (tools/corpus-generator.ts), two with a typo. */
const SEARCH_QUERIES = [
  "energy",
  "middle east",
  "indonesia",
  "parliamentary vote",
  "trade talks",
  "infrastructure financing",
  "indonesai",
  "enrgy",
  "ministers",
  "cooperation agreement",
  "household prices",
  "summit",
];

const label = (size: number) => (size % 1000 === 0 ? `${size / 1000}k` : String(size));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => round(bytes / 2 ** 20);

// ---------------------------------------------------------------------------------------------
// Processes: each in its own group, all killed when this one ends.

const groups = new Set<number>();

function killGroup(pid: number | undefined, signal: NodeJS.Signals) {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

process.on("exit", () => {
  for (const pid of groups) killGroup(pid, "SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping every process this benchmark started`);
    process.exit(130);
  });
}

function spawnGroup(command: string, argv: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const out = fs.openSync(logFile, "a");
  const child = spawn(command, argv, { cwd: ROOT, env, stdio: ["ignore", out, out], detached: true });
  fs.closeSync(out);
  if (child.pid) groups.add(child.pid);
  child.once("exit", () => groups.delete(child.pid!));
  return child;
}

/** Runs a command to its end, sampling the RSS of its whole process tree every 0.5 s. */
async function measured(command: string, argv: string[], env: NodeJS.ProcessEnv, logFile: string, timeoutMs: number) {
  const started = performance.now();
  const child = spawnGroup(command, argv, env, logFile);
  let peak = 0;
  const sample = () => (peak = Math.max(peak, treeRss(child.pid!).total));
  const timer = setInterval(sample, 500);
  const killer = setTimeout(() => killGroup(child.pid, "SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  clearInterval(timer);
  clearTimeout(killer);
  return { seconds: (performance.now() - started) / 1000, peakMb: mb(peak), code };
}

// ---------------------------------------------------------------------------------------------
// Corpus: a copy of the source, and the stories the benchmark edits.

function sourceCorpus(size: number): string {
  const given = new Map(opts.corpora.split(",").filter(Boolean).map((kv) => kv.split("=") as [string, string]));
  const dir = given.get(String(size));
  if (dir && fs.existsSync(path.join(dir, "articles"))) return dir;
  const generated = path.join(WORK, `source-${label(size)}`);
  if (!fs.existsSync(path.join(generated, ".complete"))) {
    log(`${label(size)}: npm run content:generate -- --count ${size}`);
    fs.rmSync(generated, { recursive: true, force: true });
    const run = spawnSync("npm", ["run", "content:generate", "--", "--count", String(size), "--out", generated], { cwd: ROOT, stdio: "ignore" });
    if (run.status !== 0) throw new Error(`content:generate --count ${size} failed`);
    fs.writeFileSync(path.join(generated, ".complete"), "");
  }
  return generated;
}

type Story = { file: string; rel: string; path: string; section: string; tag: string; author: string; title: string; publishedAt: Date };

function splitStory(text: string): { fm: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error("no front matter");
  return { fm: yaml.load(m[1]!) as Record<string, unknown>, body: m[2]! };
}

const joinStory = (fm: Record<string, unknown>, body: string) => `---\n${yaml.dump(fm, { lineWidth: -1 })}---\n${body}`;

function readStory(dir: string, file: string): Story | undefined {
  const { fm } = splitStory(fs.readFileSync(file, "utf8"));
  const publishedAt = new Date(String(fm.publishedAt));
  if (fm.status !== "published" || fm.live || publishedAt.getTime() > Date.now()) return undefined;
  const slug = path.basename(file, ".md");
  return {
    file,
    rel: path.relative(dir, file).split(path.sep).join("/"),
    path: `/${fm.section}/${slug}`,
    section: String(fm.section),
    tag: String((fm.tags as string[])[0]),
    author: String((fm.authors as string[])[0]),
    title: String(fm.title),
    publishedAt,
  };
}

/** Month folders (articles/YYYY/MM), newest first. */
function monthFolders(dir: string): string[] {
  const articles = path.join(dir, "articles");
  const out: string[] = [];
  for (const year of fs.readdirSync(articles).filter((y) => /^\d{4}$/.test(y)).sort().reverse()) {
    for (const month of fs.readdirSync(path.join(articles, year)).filter((m) => /^\d{2}$/.test(m)).sort().reverse()) out.push(path.join(articles, year, month));
  }
  return out;
}

/** The `count` newest public stories, and one of the oldest (an archive page few readers open). */
function pickStories(dir: string, count: number): { newest: Story[]; old: Story } {
  const folders = monthFolders(dir);
  const found: Story[] = [];
  for (const folder of folders) {
    // A folder is one month: once it gave enough, no older one has a newer story.
    for (const name of fs.readdirSync(folder).filter((n) => n.endsWith(".md"))) {
      const story = readStory(dir, path.join(folder, name));
      if (story) found.push(story);
    }
    if (found.length >= count) break;
  }
  found.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.path < b.path ? -1 : 1));
  let old: Story | undefined;
  for (const folder of [...folders].reverse()) {
    for (const name of fs.readdirSync(folder).filter((n) => n.endsWith(".md")).sort()) {
      old = readStory(dir, path.join(folder, name));
      if (old) break;
    }
    if (old) break;
  }
  if (found.length < count || !old) throw new Error(`${dir}: fewer than ${count} public stories`);
  return { newest: found.slice(0, count), old };
}

/** A made-up word for a headline, found nowhere else in the corpus: "Quorvex" + letters. */
function marker(): string {
  return `Quorvex${Array.from(crypto.randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join("")}`;
}

/** Rewrites a story's front matter; `undefined` removes a field. */
function editStory(file: string, change: Record<string, unknown>) {
  const { fm, body } = splitStory(fs.readFileSync(file, "utf8"));
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) delete fm[k];
    else fm[k] = v;
  }
  fs.writeFileSync(file, joinStory(fm, body));
}

const w3cNow = () => new Date(Math.floor(Date.now() / 1000) * 1000 - 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

// ---------------------------------------------------------------------------------------------
// The server.

type Server = { child: ChildProcess; origin: string; pid: number };

function serverEnv(corpus: string, distDir: string): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CONTENT_DIR: corpus, NEXT_DIST_DIR: distDir, REVALIDATE_SECRET: SECRET };
}

type Probe = { ms: number; status?: number; retryAfter?: string | null; error?: string };

async function probe(url: string, timeoutMs = 2000): Promise<Probe> {
  const started = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return { ms: performance.now() - started, status: res.status, retryAfter: res.headers.get("retry-after") };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { ms: performance.now() - started, error: cause ?? (err as Error).name };
  }
}

type Start = {
  firstAnswerSeconds?: number;
  first200Seconds?: number;
  /** Probes (2 s timeout) that got no answer after the server had first answered: it hung. */
  hungProbes: number;
  answers: Record<string, number>;
  retryAfter: boolean;
  eventLoopMaxMs?: number;
  error?: string;
};

/** Spawns the server and probes the front page every 100 ms until its first 200. */
async function startServer(corpus: string, distDir: string, logFile: string): Promise<{ server: Server; start: Start }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawnGroup(process.execPath, ["server/main.mjs", "-H", "127.0.0.1", "-p", String(port)], serverEnv(corpus, distDir), logFile);
  const server = { child, origin, pid: child.pid! };
  const start: Start = { hungProbes: 0, answers: {}, retryAfter: false };
  const seconds = () => round((performance.now() - t0) / 1000, 2);
  while (performance.now() - t0 < START_TIMEOUT_MS) {
    if (child.exitCode !== null) {
      start.error = `server exited with ${child.exitCode} before answering 200`;
      return { server, start };
    }
    const p = await probe(`${origin}/`);
    const key = p.status ? String(p.status) : p.error!;
    start.answers[key] = (start.answers[key] ?? 0) + 1;
    if (p.status) {
      start.firstAnswerSeconds ??= seconds();
      if (p.retryAfter) start.retryAfter = true;
      if (p.status === 200) {
        start.first200Seconds = seconds();
        start.eventLoopMaxMs = (await eventLoop(server))?.maxMs;
        return { server, start };
      }
    } else if (start.firstAnswerSeconds !== undefined) start.hungProbes++;
    await sleep(100);
  }
  start.error = `no 200 from the front page within ${START_TIMEOUT_MS / 1000} s`;
  return { server, start };
}

async function stopServer(server: Server | undefined) {
  if (!server || server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once("exit", r));
  killGroup(server.pid, "SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
  killGroup(server.pid, "SIGKILL");
}

/** The event loop's longest turn since the last reset, and a reset (the secret allows it). */
async function eventLoop(server: Server): Promise<{ maxMs: number; p99Ms: number; sinceMs: number } | undefined> {
  try {
    const res = await fetch(`${server.origin}/api/health`, { headers: { authorization: `Bearer ${SECRET}` }, signal: AbortSignal.timeout(30_000) });
    return ((await res.json()) as { eventLoop?: { maxMs: number; p99Ms: number; sinceMs: number } }).eventLoop;
  } catch {
    return undefined;
  }
}

async function publish(server: Server, files: string[]): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const res = await fetch(`${server.origin}/api/revalidate`, {
    method: "POST",
    headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json" },
    body: JSON.stringify({ files }),
    signal: AbortSignal.timeout(START_TIMEOUT_MS),
  });
  const body = await res.text();
  return { ms: performance.now() - started, status: res.status, body: body.slice(0, 300) };
}

const rssMb = (server: Server) => mb(treeRss(server.pid).total);

async function text(server: Server, pathname: string): Promise<{ status: number; body: string }> {
  try {
    const res = await fetch(server.origin + pathname, { signal: AbortSignal.timeout(30_000), redirect: "manual" });
    return { status: res.status, body: await res.text() };
  } catch {
    return { status: 0, body: "" };
  }
}

/** Polls until `ok` holds for the page; seconds from `since`, or undefined at the timeout. */
async function until(server: Server, pathname: string, ok: (r: { status: number; body: string }) => boolean, since: number): Promise<number | undefined> {
  while (performance.now() - since < VISIBLE_TIMEOUT_MS) {
    if (ok(await text(server, pathname))) return round((performance.now() - since) / 1000, 2);
    await sleep(100);
  }
  return undefined;
}

/** The sitemap file listing `storyPath`: /sitemap.xml, or the part of the index that holds it. */
async function sitemapFor(server: Server, storyPath: string): Promise<string> {
  const index = await text(server, "/sitemap.xml");
  if (!index.body.includes("<sitemapindex")) return "/sitemap.xml";
  for (const m of index.body.matchAll(/<loc>https?:\/\/[^/<]+(\/[^<]*)<\/loc>/g)) {
    if ((await text(server, m[1]!)).body.includes(`${storyPath}</loc>`)) return m[1]!;
  }
  return "/sitemap.xml";
}

// ---------------------------------------------------------------------------------------------
// Load.

function load(server: Server, paths: string[], seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: server.origin, connections: CONNECTIONS, duration: seconds, timeout: 10, requests: paths.map((p) => ({ method: "GET", path: p })) },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

type LoadRun = { requests: number; failed: number; non2xx: number; p99Ms: number; maxMs: number; reqPerSec: number };

const loadRun = (r: autocannon.Result): LoadRun => ({
  requests: r.requests.total,
  failed: r.errors + r.timeouts + r.non2xx,
  non2xx: r.non2xx,
  p99Ms: r.latency.p99,
  maxMs: r.latency.max,
  reqPerSec: Math.round(r.requests.average),
});

// ---------------------------------------------------------------------------------------------
// One size.

type SizeResult = {
  size: number;
  errors: string[];
  build?: { seconds: number; peakMb: number; code: number | null; skipped?: boolean };
  check?: { fullSeconds: number; fullPeakMb: number; changedSeconds: number; code: number | null };
  cold?: Start;
  restart?: Start;
  rssAfterWarmupMb?: number;
  rssAfterPublishesMb?: number;
  publishCpu?: { answerMs: number; status: number; cpuMs: number; idleCpuMs: number; windowMs: number; eventLoopMaxMs?: number };
  visible?: { answerMs: number; status: number; surfaces: Record<string, number | null> };
  changes?: Record<string, { answerMs: number; status: number; checks: Record<string, number | null> }>;
  load?: { quiet: LoadRun; publish: LoadRun; publishAnswerMs?: number; eventLoopMaxMs?: number };
  search?: { p50Ms: number; p95Ms: number; samples: number };
  clickDepth?: { stories: number; within: number; deepest: number | null; beyond: string[]; pagesFetched: number; truncated: boolean; seconds: number };
  verdicts: Verdict[];
};

async function measureSize(size: number): Promise<SizeResult> {
  const name = label(size);
  const result: SizeResult = { size, errors: [], verdicts: [] };
  const source = sourceCorpus(size);
  const corpus = path.join(WORK, `corpus-${name}`);
  const distDir = `.next-archive-${name}`;
  const logFile = (what: string) => path.join(WORK, `${name}-${what}.log`);
  const attempt = async (stage: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      const message = `${stage}: ${err instanceof Error ? err.message : String(err)}`;
      log(`${name}: ${message}`);
      result.errors.push(message);
    }
  };

  log(`${name}: copying ${source} to ${path.relative(ROOT, corpus)}`);
  fs.rmSync(corpus, { recursive: true, force: true });
  const copy = spawnSync("cp", ["-r", source, corpus]);
  if (copy.status !== 0) throw new Error(`cp -r ${source} ${corpus} failed`);
  fs.rmSync(path.join(corpus, ".complete"), { force: true });
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CONTENT_DIR: corpus, NEXT_DIST_DIR: distDir };

  // 1. Build and content:check.
  await attempt("build", async () => {
    if (opts["skip-build"] && fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
      log(`${name}: --skip-build: reusing ${distDir}`);
      result.build = { seconds: NaN, peakMb: NaN, code: 0, skipped: true };
      return;
    }
    log(`${name}: npm run build into ${distDir}`);
    const restore = keepFiles(BUILD_REWRITES);
    try {
      result.build = await measured("npm", ["run", "build"], env, logFile("build"), 3 * 3600_000);
    } finally {
      restore();
    }
    log(`${name}: build ${round(result.build.seconds, 1)} s, peak ${result.build.peakMb} MB, exit ${result.build.code}`);
    if (result.build.code !== 0) throw new Error(`npm run build exited with ${result.build.code}: see ${path.relative(ROOT, logFile("build"))}`);
  });
  await attempt("content:check", async () => {
    const check = () => measured(process.execPath, [TSX_CLI, "scripts/content-check.ts"], env, logFile("content-check"), 600_000);
    const full = await check();
    const touched = pickStories(corpus, 1).newest[0]!.file;
    const now = new Date();
    fs.utimesSync(touched, now, now);
    const changed = await check();
    result.check = { fullSeconds: full.seconds, fullPeakMb: full.peakMb, changedSeconds: changed.seconds, code: full.code || changed.code };
    log(`${name}: content:check ${round(full.seconds, 1)} s (peak ${full.peakMb} MB), after touching one file ${round(changed.seconds, 1)} s`);
  });
  if (!fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
    result.errors.push(`no build in ${distDir}: nothing to serve`);
    return finish(result);
  }

  let server: Server | undefined;
  try {
    const { newest, old } = pickStories(corpus, 4);
    const [edited, retracted, deleted, sibling] = newest as [Story, Story, Story, Story];
    // 2. Cold start (no index), then a restart (index present).
    await attempt("cold start", async () => {
      fs.rmSync(INDEX_DIR, { recursive: true, force: true });
      log(`${name}: cold start (removed ${path.relative(ROOT, INDEX_DIR)})`);
      const cold = await startServer(corpus, distDir, logFile("server"));
      result.cold = cold.start;
      await stopServer(cold.server);
      log(`${name}: cold: first answer ${cold.start.firstAnswerSeconds} s, first 200 ${cold.start.first200Seconds} s, ${JSON.stringify(cold.start.answers)}`);
    });
    log(`${name}: restart (index present)`);
    const restarted = await startServer(corpus, distDir, logFile("server"));
    server = restarted.server;
    result.restart = restarted.start;
    log(`${name}: restart: first 200 ${restarted.start.first200Seconds} s`);
    if (restarted.start.error) throw new Error(`restart: ${restarted.start.error}`);
    const s = server;

    const surfaces: Record<string, string> = {
      story: edited.path,
      front: "/",
      section: `/${edited.section}`,
      topic: `/topic/${edited.tag}`,
      author: `/author/${edited.author}`,
      feed: "/feed.xml",
      sitemap: await sitemapFor(s, edited.path),
    };
    const warm = [...Object.values(surfaces), old.path, retracted.path, deleted.path, ...SEARCH_QUERIES.slice(0, 3).map((q) => `/search?q=${encodeURIComponent(q)}`)];
    for (let i = 0; i < 2; i++) for (const p of warm) await text(s, p);
    result.rssAfterWarmupMb = rssMb(s);
    log(`${name}: RSS after warm-up ${result.rssAfterWarmupMb} MB`);

    // 3. A publish's CPU: nothing else asked of the server meanwhile.
    await attempt("publish CPU", async () => {
      await sleep(500);
      const idle0 = { cpu: treeCpuMs(s.pid), at: performance.now() };
      await sleep(IDLE_MS);
      const idle1 = { cpu: treeCpuMs(s.pid), at: performance.now() };
      await eventLoop(s);
      const work0 = { cpu: treeCpuMs(s.pid), at: performance.now() };
      editStory(edited.file, { title: `${marker()} ${edited.title}` });
      const answer = await publish(s, [edited.rel]);
      await sleep(SETTLE_MS);
      const work1 = { cpu: treeCpuMs(s.pid), at: performance.now() };
      const loop = await eventLoop(s);
      const cpuMs = netCpuMs({ cpuMs: work1.cpu - work0.cpu, wallMs: work1.at - work0.at }, { cpuMs: idle1.cpu - idle0.cpu, wallMs: idle1.at - idle0.at });
      result.publishCpu = {
        answerMs: round(answer.ms),
        status: answer.status,
        cpuMs: round(cpuMs),
        idleCpuMs: round(idle1.cpu - idle0.cpu),
        windowMs: round(work1.at - work0.at),
        eventLoopMaxMs: loop?.maxMs,
      };
      log(`${name}: publish answered ${answer.status} in ${round(answer.ms)} ms; CPU ${round(cpuMs)} ms net; event loop max ${loop?.maxMs} ms`);
      if (answer.status !== 200) throw new Error(`revalidate answered ${answer.status}: ${answer.body}`);
    });

    // … and how soon every surface shows it.
    await attempt("publish visible", async () => {
      const word = marker();
      const lastmod = w3cNow();
      editStory(edited.file, { title: `${word} ${edited.title}`, updatedAt: lastmod });
      const answer = await publish(s, [edited.rel]);
      const since = performance.now();
      const has = (needle: string) => (r: { status: number; body: string }) => r.status === 200 && r.body.includes(needle);
      const checks: [string, string, (r: { status: number; body: string }) => boolean][] = [
        ...Object.entries(surfaces)
          .filter(([k]) => k !== "sitemap")
          .map(([k, p]): [string, string, (r: { status: number; body: string }) => boolean] => [k, p, has(word)]),
        ["sitemap", surfaces.sitemap!, (r) => r.status === 200 && new RegExp(`${edited.path}</loc>\\s*<lastmod>${lastmod}</lastmod>`).test(r.body)],
        ["search", `/search?q=${word.toLowerCase()}`, has(`"${edited.path}"`)],
      ];
      const times = await Promise.all(checks.map(([, p, ok]) => until(s, p, ok, since)));
      result.visible = { answerMs: round(answer.ms), status: answer.status, surfaces: Object.fromEntries(checks.map(([k], i) => [k, times[i] ?? null])) };
      log(`${name}: visible after the answer (${answer.status}, ${round(answer.ms)} ms): ${JSON.stringify(result.visible.surfaces)}`);
    });
    result.rssAfterPublishesMb = rssMb(s);
    log(`${name}: RSS after two publishes ${result.rssAfterPublishesMb} MB`);

    // A story added, one retracted, one deleted.
    await attempt("add/retract/delete", async () => {
      result.changes = {};
      const frontBefore = (await text(s, "/")).body;
      const change = async (kind: string, files: string[], checks: Record<string, [string, (r: { status: number; body: string }) => boolean]>) => {
        const answer = await publish(s, files);
        const since = performance.now();
        const entries = Object.entries(checks);
        const times = await Promise.all(entries.map(([, [p, ok]]) => until(s, p, ok, since)));
        result.changes![kind] = { answerMs: round(answer.ms), status: answer.status, checks: Object.fromEntries(entries.map(([k], i) => [k, times[i] ?? null])) };
        log(`${name}: ${kind}: answered ${answer.status} in ${round(answer.ms)} ms; ${JSON.stringify(result.changes![kind]!.checks)}`);
      };
      const gone = (p: string) => (r: { status: number; body: string }) => r.status === 200 && !r.body.includes(`"${p}"`);

      const word = marker();
      const now = new Date();
      const slug = `bench-archive-${word.toLowerCase()}`;
      const rel = `articles/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${slug}.md`;
      const { fm, body } = splitStory(fs.readFileSync(sibling.file, "utf8"));
      for (const k of ["updatedAt", "aliases", "corrections", "live"]) delete fm[k];
      Object.assign(fm, { title: `${word} ${sibling.title}`, publishedAt: new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, "Z") });
      fs.mkdirSync(path.dirname(path.join(corpus, rel)), { recursive: true });
      fs.writeFileSync(path.join(corpus, rel), joinStory(fm, body));
      const added = `/${sibling.section}/${slug}`;
      await change("added", [rel], {
        story: [added, (r) => r.status === 200 && r.body.includes(word)],
        front: ["/", (r) => r.status === 200 && r.body.includes(`"${added}"`)],
      });

      editStory(retracted.file, { status: "retracted", retractionNote: "Withdrawn by bench:archive." });
      await change("retracted", [retracted.rel], {
        story: [retracted.path, (r) => r.status === 410],
        ...(frontBefore.includes(`"${retracted.path}"`) ? { front: ["/", gone(retracted.path)] as [string, (r: { status: number; body: string }) => boolean] } : {}),
      });

      fs.rmSync(deleted.file);
      await change("deleted", [deleted.rel], {
        story: [deleted.path, (r) => r.status === 404],
        ...(frontBefore.includes(`"${deleted.path}"`) ? { front: ["/", gone(deleted.path)] as [string, (r: { status: number; body: string }) => boolean] } : {}),
      });
    });

    // 5. Load, without and with a publish in the middle.
    await attempt("load", async () => {
      const mix = [old.path, "/", "/search?q=energy"];
      await load(s, mix, 3); // warm-up
      const quiet = loadRun(await load(s, mix, LOAD_SECONDS));
      log(`${name}: load without a publish: ${JSON.stringify(quiet)}`);
      await eventLoop(s);
      const during = load(s, mix, LOAD_SECONDS);
      await sleep((LOAD_SECONDS * 1000) / 3);
      editStory(edited.file, { title: `${marker()} ${edited.title}` });
      const publishAnswerMs = round((await publish(s, [edited.rel])).ms);
      const withPublish = loadRun(await during);
      const loop = await eventLoop(s);
      result.load = { quiet, publish: withPublish, publishAnswerMs, eventLoopMaxMs: loop?.maxMs };
      log(`${name}: load with a publish (answered in ${publishAnswerMs} ms): ${JSON.stringify(withPublish)}; event loop max ${loop?.maxMs} ms`);
    });

    // 6. Search.
    await attempt("search", async () => {
      const times: number[] = [];
      for (let round_ = 0; round_ <= SEARCH_ROUNDS; round_++) {
        for (const q of SEARCH_QUERIES) {
          const started = performance.now();
          const r = await text(s, `/search?q=${encodeURIComponent(q)}`);
          if (r.status !== 200) throw new Error(`/search?q=${q} answered ${r.status}`);
          if (round_ > 0) times.push(performance.now() - started); // round 0 warms up
        }
      }
      result.search = { p50Ms: round(quantile(times, 0.5), 1), p95Ms: round(quantile(times, 0.95), 1), samples: times.length };
      log(`${name}: search p50 ${result.search.p50Ms} ms, p95 ${result.search.p95Ms} ms (${times.length} requests)`);
    });

    // 7. Click depth.
    if (size <= Number(opts["click-depth-max"])) {
      await attempt("click depth", async () => {
        const started = performance.now();
        const sections = new Set((yaml.load(fs.readFileSync(path.join(corpus, "sections.yaml"), "utf8")) as { slug: string }[]).map((x) => x.slug));
        const stories = new Set<string>();
        const sitemap = (await text(s, "/sitemap.xml")).body;
        const files = sitemap.includes("<sitemapindex") ? [...sitemap.matchAll(/<loc>https?:\/\/[^/<]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]!) : ["/sitemap.xml"];
        for (const f of files) {
          for (const m of (await text(s, f)).body.matchAll(/<loc>https?:\/\/[^/<]+(\/[^<]*)<\/loc>/g)) {
            const parts = m[1]!.split("/");
            if (parts.length === 3 && sections.has(parts[1]!)) stories.add(m[1]!);
          }
        }
        const crawl = await clickDepths("/", async (p) => {
          const r = await text(s, p);
          return r.status === 200 ? pageLinks(r.body) : [];
        }, { maxDepth: TARGETS.clickDepth, limit: Number(opts["crawl-limit"]) });
        const beyond = [...stories].filter((p) => !crawl.depth.has(p));
        const depths = [...stories].map((p) => crawl.depth.get(p)).filter((d): d is number => d !== undefined);
        result.clickDepth = {
          stories: stories.size,
          within: stories.size - beyond.length,
          deepest: depths.length ? Math.max(...depths) : null,
          beyond: beyond.slice(0, 5),
          pagesFetched: crawl.fetched,
          truncated: crawl.truncated,
          seconds: round((performance.now() - started) / 1000, 1),
        };
        log(`${name}: click depth: ${result.clickDepth.within} of ${stories.size} public stories within ${TARGETS.clickDepth} clicks (${crawl.fetched} pages fetched)`);
      });
    }
  } catch (err) {
    result.errors.push(err instanceof Error ? err.message : String(err));
  } finally {
    await stopServer(server);
    if (!opts.keep) fs.rmSync(corpus, { recursive: true, force: true });
  }
  return finish(result);
}

/** The verdicts of one size (the publish-CPU ratio is added once every size is known). */
function finish(r: SizeResult): SizeResult {
  const v = r.verdicts;
  const T = TARGETS;
  if (r.build && !r.build.skipped) {
    v.push(atMost("build: wall time", r.build.seconds, T.buildSeconds, "s", r.build.code ? `exit ${r.build.code}` : undefined));
    v.push(atMost("build: peak RSS of the process tree", r.build.peakMb, T.buildPeakMb, "MB"));
  }
  if (r.check) {
    // Wall time of the command as an editor runs it, tsx's start included (about 0.5 s here).
    v.push(atMost("content:check, whole corpus", r.check.fullSeconds, T.checkFullSeconds, "s", `peak ${r.check.fullPeakMb} MB${r.check.code ? `; exit ${r.check.code}` : ""}`));
    v.push(atMost("content:check after one file changed", r.check.changedSeconds, T.checkChangedSeconds, "s"));
  }
  if (r.cold) {
    const c = r.cold;
    // It may index for longer than a restart takes, but must answer (a 503 will do) as soon as a restart would, and never hang.
    const answers = c.firstAnswerSeconds !== undefined && c.firstAnswerSeconds <= T.restartSeconds && c.hungProbes === 0;
    v.push(
      holds(
        "cold start (no index): answers while indexing, never hangs",
        `an answer within ${T.restartSeconds} s, no probe hung`,
        answers,
        `first answer ${c.firstAnswerSeconds ?? "–"} s, first 200 ${c.first200Seconds ?? "–"} s, hung probes ${c.hungProbes}, answers ${JSON.stringify(c.answers)}${c.retryAfter ? ", Retry-After" : ""}`,
        c.error,
      ),
    );
    v.push(atMost("cold start: event loop max, listen → first 200", c.eventLoopMaxMs, T.eventLoopMaxMs, "ms"));
  }
  if (r.restart) {
    v.push(atMost("restart (index present): spawn → first 200 of the front", r.restart.first200Seconds, T.restartSeconds, "s", r.restart.error));
    v.push(atMost("restart: event loop max, listen → first 200", r.restart.eventLoopMaxMs, T.eventLoopMaxMs, "ms"));
  }
  v.push(atMost("server RSS after warm-up", r.rssAfterWarmupMb, T.serverRssMb, "MB"));
  v.push(atMost("server RSS after two publishes", r.rssAfterPublishesMb, T.serverRssMb, "MB"));
  if (r.publishCpu) {
    v.push(atMost("publish of one story: server CPU, net of idle", r.publishCpu.cpuMs, T.publishCpuMs, "ms", `answered ${r.publishCpu.status} in ${r.publishCpu.answerMs} ms`));
    v.push(atMost("publish: event loop max", r.publishCpu.eventLoopMaxMs, T.eventLoopMaxMs, "ms"));
  }
  if (r.visible) {
    for (const [surface, s] of Object.entries(r.visible.surfaces)) {
      v.push(atMost(`publish visible on ${surface}, after the answer`, s ?? Infinity, T.visibleSeconds, "s", s === null ? `not within ${VISIBLE_TIMEOUT_MS / 1000} s` : undefined));
    }
  }
  for (const [kind, c] of Object.entries(r.changes ?? {})) {
    for (const [surface, s] of Object.entries(c.checks)) {
      v.push(atMost(`story ${kind}: ${surface}, after the answer`, s ?? Infinity, T.visibleSeconds, "s", s === null ? `not within ${VISIBLE_TIMEOUT_MS / 1000} s` : undefined));
    }
  }
  if (r.load) {
    const { quiet, publish: p } = r.load;
    v.push(atMost("load during a publish: failed requests", p.failed, T.loadFailed, "", `${p.requests} requests; ${quiet.failed} failed without a publish`));
    v.push(atMost("load during a publish: p99 ÷ p99 without", quiet.p99Ms ? p.p99Ms / quiet.p99Ms : NaN, T.loadP99Ratio, "×", `${p.p99Ms} ms against ${quiet.p99Ms} ms`));
    v.push(atMost("load during a publish: longest request", p.maxMs, T.loadMaxMs, "ms", `${quiet.maxMs} ms without a publish`));
    v.push(atMost("load during a publish: event loop max", r.load.eventLoopMaxMs, T.eventLoopMaxMs, "ms"));
  }
  if (r.search) v.push(atMost("search p95", r.search.p95Ms, T.searchP95Ms, "ms", `p50 ${r.search.p50Ms} ms over ${r.search.samples} requests`));
  if (r.clickDepth) {
    const c = r.clickDepth;
    v.push(
      holds(
        `every public story within ${T.clickDepth} clicks of the front`,
        `${c.stories} of ${c.stories}`,
        c.within === c.stories && !c.truncated,
        `${c.within} of ${c.stories}`,
        `${c.pagesFetched} pages crawled in ${c.seconds} s${c.truncated ? ", crawl cut short by --crawl-limit" : ""}${c.beyond.length ? `; e.g. ${c.beyond.join(", ")}` : ""}`,
      ),
    );
  }
  for (const e of r.errors) v.push(holds(`error`, "none", false, e));
  return r;
}

function ratioVerdicts(results: SizeResult[]) {
  const base = results.find((r) => r.size === BASELINE_SIZE)?.publishCpu?.cpuMs;
  for (const r of results) {
    if (r.size === BASELINE_SIZE || !r.publishCpu) continue;
    // A publish that costs less than a clock tick at 1,000 would make any ratio meaningless: floor it at 10 ms.
    const ratio = base === undefined ? undefined : r.publishCpu.cpuMs / Math.max(base, 10);
    r.verdicts.push(atMost(`publish CPU ÷ the same at ${BASELINE_SIZE.toLocaleString("en")}`, ratio, TARGETS.publishCpuRatio, "×", base === undefined ? `no ${label(BASELINE_SIZE)} run in this benchmark` : `${base} ms at ${label(BASELINE_SIZE)}`));
  }
}

function report(results: SizeResult[], started: Date): string {
  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  const lines = [`# npm run bench:archive — ${started.toISOString()}, commit ${commit}`, ""];
  for (const r of results) {
    const pass = r.verdicts.filter((v) => v.pass).length;
    lines.push(`## ${r.size.toLocaleString("en")} stories — ${pass} of ${r.verdicts.length} targets met`, "");
    lines.push("| | target | limit | figure | note |", "|---|---|---|---|---|");
    for (const v of r.verdicts) lines.push(`| ${verdictLabel(v).trim()} | ${v.target} | ${v.limit} | ${v.figure} | ${(v.note ?? "").replace(/\|/g, "\\|")} |`);
    lines.push("");
  }
  return lines.join("\n");
}

async function main() {
  const started = new Date();
  fs.mkdirSync(WORK, { recursive: true });
  const watchdog = setTimeout(() => {
    log(`bench:archive: still running after --timeout-minutes ${opts["timeout-minutes"]}; stopping everything`);
    process.exit(2);
  }, Number(opts["timeout-minutes"]) * 60_000);
  watchdog.unref();
  const results: SizeResult[] = [];
  for (const size of SIZES) {
    log(`——— ${size.toLocaleString("en")} stories ———`);
    results.push(await measureSize(size));
    const r = results.at(-1)!;
    for (const v of r.verdicts) console.log(`${label(size).padStart(5)}  ${verdictLabel(v)}  ${v.target}: ${v.figure} (${v.limit})${v.note ? ` — ${v.note}` : ""}`);
  }
  ratioVerdicts(results);
  const md = report(results, started);
  const stamp = started.toISOString().replace(/[:.]/g, "-");
  const base = path.join(resultsDir(), `archive-${stamp}`);
  fs.writeFileSync(`${base}.json`, JSON.stringify({ date: started.toISOString(), options: opts, targets: TARGETS, results }, null, 2));
  fs.writeFileSync(`${base}.md`, md);
  console.log(`\n${md}\nbench:archive: ${path.relative(ROOT, base)}.{json,md}`);
  const failed = results.flatMap((r) => r.verdicts).filter((v) => v.pass === false).length;
  log(`bench:archive: ${failed} target(s) missed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`bench:archive: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);

