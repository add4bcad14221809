/*
 * What `npm run bench` and `npm run lighthouse` share: building the site and the
 * framework floor when needed, capturing the site's markup for the floor,
 * starting and stopping the servers they measure (only the ones they started,
 * by process id), and small statistics. Servers listen on 127.0.0.1 only, on
 * ports 3410–3419 (BENCH_PORT moves the block).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { statCpuMs } from "./archive-targets";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const FLOOR_DIR = path.join(ROOT, "bench/floor");
const GENERATED = path.join(FLOOR_DIR, ".generated");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

export const BASE_PORT = Number(process.env.BENCH_PORT ?? 3410);
export const PORTS = { site: BASE_PORT, floor: BASE_PORT + 1, memory: BASE_PORT + 2, variant: BASE_PORT + 3 } as const;
export const HOST = "127.0.0.1";
export const origin = (port: number) => `http://${HOST}:${port}`;

/** The pages measured: the seed article, the front page, a section front, a search. */
export const PAGES = [
  { name: "article", path: "/world/russia-and-china-agree-to-accelerate-construction-of-power-of-siberia-2" },
  { name: "front", path: "/" },
  { name: "section", path: "/world" },
  { name: "search", path: "/search?q=russia" },
] as const;
export type PageName = (typeof PAGES)[number]["name"];
/** The floor serves each captured page as a static page at /<name>. */
export const floorPath = (name: string) => `/${name}`;

export function log(message: string) {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

export function args(): Map<string, string> {
  const out = new Map<string, string>();
  for (const arg of process.argv.slice(2)) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
    if (m) out.set(m[1]!, m[2] ?? "true");
  }
  return out;
}

function run(command: string, argv: string[], env: Record<string, string> = {}, cwd = ROOT) {
  log(`$ ${[command, ...argv].join(" ")}`);
  const result = spawnSync(command, argv, { cwd, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(" ")} failed (${result.status ?? result.signal})`);
}

/** Newest modification time under the given paths (files the site build depends on). */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ["app", "components", "lib", "server", "content", "public", "next.config.ts", "instrumentation.ts", "package-lock.json"]) walk(path.join(ROOT, p));
  return newest;
}

/** Builds the site unless `.next` holds a build newer than every source file (or `force`). */
export function ensureSiteBuild(force = false) {
  const id = fs.statSync(path.join(ROOT, ".next/BUILD_ID"), { throwIfNoEntry: false });
  if (!force && id && id.mtimeMs > newestSource()) {
    log("site: using the existing production build in .next (--rebuild to force)");
    return;
  }
  run("npm", ["run", "build"]);
}

export type Server = { name: string; proc: ChildProcess; origin: string };

async function waitFor(url: string, proc: ChildProcess, seconds = 90) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`server for ${url} exited with ${proc.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url} within ${seconds} s`);
}

const started = new Set<ChildProcess>();

function spawnServer(name: string, argv: string[], port: number, env: Record<string, string>, cwd: string, probe: string): Promise<Server> {
  const proc = spawn(process.execPath, argv, {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  started.add(proc);
  proc.on("exit", () => started.delete(proc));
  const server = { name, proc, origin: origin(port) };
  return waitFor(server.origin + probe, proc).then(() => server);
}

/**
 * The site's production build on 127.0.0.1, served as `npm start` serves it: server/main.mjs (request
 * guard, security headers, CSP) around Next.js's request handler. SITE_SERVER=next measures plain
 * `next start` instead, to see what that layer costs. `env` adds to or overrides the environment
 * (bench/cluster.ts: REDIS_URL="" for an instance on the file-system cache).
 */
export function startSite(port = PORTS.site, env: Record<string, string> = {}): Promise<Server> {
  const argv = process.env.SITE_SERVER === "next" ? [NEXT_BIN, "start"] : [path.join(ROOT, "server/main.mjs")];
  return spawnServer("site", [...argv, "-H", HOST, "-p", String(port)], port, env, ROOT, "/");
}

/** `next start` of the framework floor's build. */
export function startFloor(port = PORTS.floor): Promise<Server> {
  return spawnServer("floor", [NEXT_BIN, "start", "-H", HOST, "-p", String(port)], port, {}, FLOOR_DIR, floorPath("article"));
}

/** The plain Node server answering each path with the bytes captured in `file`. */
export function startMemory(file: string, port = PORTS.memory, proxy?: string): Promise<Server> {
  const argv = [path.join(ROOT, "bench/memory-server.mjs"), file, String(port), ...(proxy ? [proxy] : [])];
  return spawnServer("memory", argv, port, {}, ROOT, "/__ready");
}

/** A response for bench/memory-server.mjs: `body` gzipped, as the site sends it. */
export function memoryResponse(body: Buffer | string, type: string, cacheControl?: string) {
  const headers: Record<string, string> = { "content-type": type, "content-encoding": "gzip" };
  if (cacheControl) headers["cache-control"] = cacheControl;
  return { status: 200, headers, body: gzipSync(body).toString("base64") };
}

export async function stop(server: Server | undefined) {
  if (!server || server.proc.exitCode !== null) return;
  const exited = new Promise((r) => server.proc.once("exit", r));
  server.proc.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (server.proc.exitCode === null) server.proc.kill("SIGKILL");
}

/** Stops every server this process started (only those, by their own process). */
export function stopAllOnExit() {
  const killAll = () => {
    for (const proc of started) proc.kill("SIGTERM");
  };
  process.on("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

export type Fetched = { status: number; headers: Headers; body: Buffer };

/** GET with `accept-encoding: gzip`, returning the bytes as sent (still compressed). */
export async function fetchRaw(url: string, encoding = "gzip"): Promise<Fetched> {
  const { request } = await import("node:http");
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { "accept-encoding": encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

export function decoded(f: Fetched): Buffer {
  return f.headers.get("content-encoding") === "gzip" ? gunzipSync(f.body) : f.body;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * Captures each page's markup from the running site for the floor (title,
 * description, body markup) and the site's stylesheet, then builds the floor
 * unless its build already holds exactly this markup.
 */
export async function captureAndBuildFloor(site: Server, force = false) {
  const pages: Record<string, { title: string; description: string; body: string }> = {};
  let css = "";
  for (const page of PAGES) {
    const html = decoded(await fetchRaw(site.origin + page.path)).toString("utf8");
    const open = html.indexOf("<body");
    const body = html.slice(html.indexOf(">", open) + 1, html.lastIndexOf("</body>"));
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? page.name;
    const description = html.match(/<meta name="description" content="([^"]*)"/)?.[1] ?? "";
    pages[page.name] = { title: unescapeHtml(title), description: unescapeHtml(description), body };
    if (!css) {
      for (const tag of html.match(/<link rel="stylesheet"[^>]*>/g) ?? []) {
        const href = attr(tag, "href");
        if (href) css += decoded(await fetchRaw(site.origin + href)).toString("utf8") + "\n";
      }
    }
  }
  fs.mkdirSync(GENERATED, { recursive: true });
  const pagesJson = JSON.stringify(pages);
  const stamp = crypto.createHash("sha256").update(pagesJson).update(css).digest("hex");
  fs.writeFileSync(path.join(GENERATED, "pages.json"), pagesJson);
  fs.writeFileSync(path.join(GENERATED, "site.css"), css);
  const stampFile = path.join(GENERATED, "built-from");
  const built =
    fs.existsSync(path.join(FLOOR_DIR, ".next/BUILD_ID")) &&
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, "utf8").trim() === stamp;
  if (built && !force) {
    log("floor: its build already serves this markup");
    return;
  }
  fs.rmSync(stampFile, { force: true });
  // Run from its own directory: started from the repository root, next build also picks up the
  // site's instrumentation.ts.
  fs.rmSync(path.join(FLOOR_DIR, ".next"), { recursive: true, force: true });
  run(process.execPath, [NEXT_BIN, "build"], { NEXT_TELEMETRY_DISABLED: "1", FLOOR_PAGES: path.join(GENERATED, "pages.json") }, FLOOR_DIR);
  fs.writeFileSync(stampFile, stamp + "\n");
}

function unescapeHtml(s: string): string {
  return s.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;/g, "'");
}

/**
 * CPU time (user + system, all threads) a process has used so far, in ms, from
 * /proc. Per request, it is steadier than req/s on a machine shared with other
 * work: contention stretches wall time, much less the CPU a request costs.
 */
export function cpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in 1/100 s
  } catch {
    return NaN;
  }
}

/** Every process of the tree under `root`, itself included (Linux /proc), each with its stat line. */
function processTree(root: number): Map<number, string> {
  const stats = new Map<number, string>();
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    const pid = Number(entry);
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    stats.set(pid, stat);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tree = new Map<number, string>();
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    const stat = stats.get(pid);
    if (stat === undefined) continue;
    tree.set(pid, stat);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Resident memory in bytes of `root` and every process below it, and of the largest one. */
export function treeRss(root: number): { total: number; largest: number } {
  let total = 0;
  let largest = 0;
  for (const stat of processTree(root).values()) {
    const bytes = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[21]) * 4096;
    total += bytes;
    largest = Math.max(largest, bytes);
  }
  return { total, largest };
}

/** CPU ms (user + system, every thread) used so far by `root` and every process below it. */
export function treeCpuMs(root: number): number {
  let total = 0;
  for (const stat of processTree(root).values()) total += statCpuMs(stat);
  return total;
}

/** `next build` rewrites these for its dist directory; a benchmark must leave the checkout as it was. */
export const BUILD_REWRITES = [path.join(ROOT, "tsconfig.json"), path.join(ROOT, "next-env.d.ts")];

/** Saves the files' text now; the function returned puts it back. */
export function keepFiles(files: string[]): () => void {
  const saved = files.map((f) => ({ f, text: fs.existsSync(f) ? fs.readFileSync(f, "utf8") : undefined }));
  return () => {
    for (const { f, text } of saved) {
      if (text === undefined) fs.rmSync(f, { force: true });
      else if (!fs.existsSync(f) || fs.readFileSync(f, "utf8") !== text) fs.writeFileSync(f, text);
    }
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Spread of repeated runs: (max − min) / median, as a percentage. */
export function spread(xs: number[]): number {
  const m = median(xs);
  return m ? ((Math.max(...xs) - Math.min(...xs)) / m) * 100 : 0;
}

/** Renders rows as an aligned text table. */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  return cells
    .map((r, j) => {
      const line = r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
      return j === 0 ? `${line}\n${widths.map((w) => "-".repeat(w)).join("  ")}` : line;
    })
    .join("\n");
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export function resultsDir(): string {
  const dir = path.join(ROOT, "bench-results");
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
