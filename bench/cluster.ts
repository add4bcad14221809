/*
 * npm run bench:cluster [-- --rounds=3 --duration=10 --connections=20 --pages=article,front,section --rebuild]
 *
 * The scale-out on this machine (tools/cluster.ts: Redis, instances of server/main.mjs, nginx), two
 * comparisons, each alternating within every round (A B, then B A, …), medians over the rounds:
 *
 * 1. Through the load balancer: a fleet of one instance against a fleet of two (req/s, ratio), on
 *    cached pages (the seed article, the front page, a section front).
 * 2. What a cache hit costs: one instance asked directly, its pages in Redis (REDIS_URL), against one
 *    without REDIS_URL, its pages in the file-system cache (CPU ms per request, req/s, ratio).
 *
 * Two instances cannot double on two cores, so every run also samples the CPU time of each process
 * (/proc/<pid>/stat, the process and its children: nginx's master and workers, redis-server, each
 * instance) and of the load generator itself (autocannon runs in this process: process.cpuUsage()),
 * and the whole machine's (/proc/stat), and reports each one's share of the machine.
 *
 * Everything runs on 127.0.0.1 in the bench port block (BENCH_PORT, default 3410): the one-instance
 * fleet on +20 (its instance +21), the two-instance fleet on +24 (+25, +26), the file-cache instance on
 * +30. Each fleet has its own private redis-server (REDIS_URL is ignored). Needs redis-server and nginx
 * (Debian's packages) and a build (built here when missing or stale). Results print as Markdown tables
 * and go to bench-results/cluster-<time>.json.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createClient } from "@redis/client";
import { startCluster, type Cluster } from "../tools/cluster";
import { BASE_PORT, PAGES, ROOT, args, cpuMs, ensureSiteBuild, fetchRaw, log, median, resultsDir, startSite, stop, stopAllOnExit, type Server } from "./lib";

const opts = args();
const ROUNDS = Number(opts.get("rounds") ?? 3);
const DURATION = Number(opts.get("duration") ?? 10);
const CONNECTIONS = Number(opts.get("connections") ?? 20);
const ENCODING = "gzip";
const pageNames = (opts.get("pages") ?? "article,front,section").split(",");
const pages = PAGES.filter((p) => pageNames.includes(p.name));
const DIST_DIR = ".next";
const CORES = os.cpus().length;
const PORTS = { one: BASE_PORT + 20, two: BASE_PORT + 24, file: BASE_PORT + 30 } as const;

type SetupName = "1 instance" | "2 instances" | "Redis hit" | "file hit";
/** A named group of processes whose CPU time is summed (each with its children). */
type Component = { name: string; pid: number | undefined };
type Setup = { name: SetupName; origin: string; components: () => Component[]; redisUrl?: string };

type Run = {
  setup: SetupName;
  page: string;
  round: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  wallMs: number;
  /** CPU ms per component during the run, "load generator" and "rest of the machine" included. */
  cpu: Record<string, number>;
  /** CPU ms the whole machine was busy (every process, ours and others'). */
  machineBusyMs: number;
};

/** Parent of every process, from /proc (to sum a process with its children: nginx's workers). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ");
      out.set(Number(entry), Number(fields[1]));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** CPU ms so far of `pid` and every process below it. */
function treeCpuMs(pid: number | undefined, ppids: Map<number, number>): number {
  if (!pid) return NaN;
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of ppids) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  return [...tree].reduce((sum, p) => sum + (cpuMs(p) || 0), 0);
}

/** CPU ms the machine has been busy so far, all cores (/proc/stat: everything but idle and iowait). */
function machineBusyMs(): number {
  const [, ...fields] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const n = fields.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return ((total - n[3]! - n[4]!) * 1000) / 100;
}

function snapshot(components: Component[]) {
  const ppids = parents();
  const self = process.cpuUsage();
  return {
    at: performance.now(),
    machine: machineBusyMs(),
    self: (self.user + self.system) / 1000,
    parts: Object.fromEntries(components.map((c) => [c.name, treeCpuMs(c.pid, ppids)])),
  };
}

function autocannonRun(url: string, duration: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration, headers: { "accept-encoding": ENCODING } }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function measure(setup: Setup, page: (typeof PAGES)[number], round: number): Promise<Run> {
  const components = setup.components();
  const before = snapshot(components);
  const result = await autocannonRun(setup.origin + page.path, DURATION);
  const after = snapshot(components);
  const cpu: Record<string, number> = {};
  for (const c of components) cpu[c.name] = after.parts[c.name]! - before.parts[c.name]!;
  cpu["load generator"] = after.self - before.self;
  const machine = after.machine - before.machine;
  cpu["rest of the machine"] = Math.max(0, machine - Object.values(cpu).reduce((a, b) => a + b, 0));
  return {
    setup: setup.name,
    page: page.name,
    round,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    wallMs: after.at - before.at,
    cpu,
    machineBusyMs: machine,
  };
}

/** Redis's count of key reads that found their key. */
async function redisHits(url: string): Promise<number> {
  const client = createClient({ url });
  await client.connect();
  try {
    const info = await client.info("stats");
    return Number(/keyspace_hits:(\d+)/.exec(info)?.[1] ?? NaN);
  } finally {
    await client.close();
  }
}

/** Where the build keeps a prerendered page in the file-system cache. */
function prerenderedFile(pagePath: string): string {
  return path.join(ROOT, DIST_DIR, "server/app", pagePath === "/" ? "index.html" : `${pagePath}.html`);
}

const CHECK_REQUESTS = 20;

/**
 * Every page answers 200 with a shared-cacheable Cache-Control through every setup, and after a
 * warm-up it is a hit: a Redis setup's requests each read a page that Redis holds (its hit count
 * grows by at least one per request), the file setup's page is one the build wrote to its cache.
 */
async function checkHits(setups: Setup[]) {
  for (const setup of setups) {
    for (const page of pages) {
      const url = setup.origin + page.path;
      await autocannonRun(url, 2); // warm-up
      const hits0 = setup.redisUrl ? await redisHits(setup.redisUrl) : 0;
      for (let i = 0; i < CHECK_REQUESTS; i++) {
        const res = await fetchRaw(url);
        const cacheControl = res.headers.get("cache-control") ?? "";
        if (res.status !== 200) throw new Error(`${setup.name} ${page.path}: ${res.status}, not 200`);
        if (!/s-maxage=\d+/.test(cacheControl)) throw new Error(`${setup.name} ${page.path}: Cache-Control "${cacheControl}" is not a cached page's`);
      }
      if (setup.redisUrl) {
        const hits = (await redisHits(setup.redisUrl)) - hits0;
        if (!(hits >= CHECK_REQUESTS)) throw new Error(`${setup.name} ${page.path}: ${hits} Redis hits for ${CHECK_REQUESTS} requests: not served from Redis`);
        log(`check: ${setup.name} ${page.path}: 200, cached (${hits} Redis hits for ${CHECK_REQUESTS} requests)`);
      } else {
        if (!fs.existsSync(prerenderedFile(page.path))) throw new Error(`${setup.name} ${page.path}: not in the file-system cache (${prerenderedFile(page.path)})`);
        log(`check: ${setup.name} ${page.path}: 200, cached (${path.relative(ROOT, prerenderedFile(page.path))})`);
      }
    }
  }
}

const gitCommit = () => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
};

const loadAtStart = os.loadavg();
const clusters: Cluster[] = [];

/** The processes of the fleets, by id, if this process ends before their stop() ran. */
function killFleetsOnExit() {
  process.on("exit", () => {
    for (const { state } of clusters) {
      for (const pid of [state.nginx.pid, ...state.instances.map((i) => i.pid), state.redis.pid]) {
        if (!pid) continue;
        try {
          process.kill(pid, "SIGTERM");
        } catch {
          // already gone
        }
      }
    }
  });
}

async function main() {
  stopAllOnExit();
  killFleetsOnExit();
  ensureSiteBuild(opts.has("rebuild"));
  const fleetLog = (line: string) => {
    if (!/^\[instance-\d\] ▲/.test(line)) log(line);
  };
  const fleet = async (port: number, instances: number) => {
    const stateDir = path.join(ROOT, "tmp/bench-cluster", String(port));
    fs.rmSync(stateDir, { recursive: true, force: true });
    const c = await startCluster({ port, instances, distDir: DIST_DIR, stateDir, log: fleetLog });
    clusters.push(c);
    return c;
  };
  let file: Server | undefined;
  try {
    const one = await fleet(PORTS.one, 1);
    const two = await fleet(PORTS.two, 2);
    file = await startSite(PORTS.file, { REDIS_URL: "" });
    log(`fleets: ${one.state.address} (1 instance), ${two.state.address} (2 instances); file cache: ${file.origin}`);

    const lbComponents = (c: Cluster) => (): Component[] => [
      { name: "nginx", pid: c.state.nginx.pid },
      { name: "redis", pid: c.state.redis.pid },
      ...c.state.instances.map((i) => ({ name: i.name, pid: i.pid })),
    ];
    const scale: Setup[] = [
      { name: "1 instance", origin: one.state.address, components: lbComponents(one), redisUrl: one.state.redis.url },
      { name: "2 instances", origin: two.state.address, components: lbComponents(two), redisUrl: two.state.redis.url },
    ];
    const fileServer = file;
    const hit: Setup[] = [
      {
        name: "Redis hit",
        origin: one.state.instances[0]!.address,
        components: () => [
          { name: "instance-1", pid: one.state.instances[0]!.pid },
          { name: "redis", pid: one.state.redis.pid },
        ],
        redisUrl: one.state.redis.url,
      },
      { name: "file hit", origin: fileServer.origin, components: () => [{ name: "instance-1", pid: fileServer.proc.pid }] },
    ];
    await checkHits([...scale, ...hit]);

    const runs: Run[] = [];
    for (const page of pages) {
      for (let round = 0; round < ROUNDS; round++) {
        for (const pair of [scale, hit]) {
          const order = round % 2 ? [...pair].reverse() : pair;
          for (const setup of order) {
            const run = await measure(setup, page, round);
            runs.push(run);
            log(
              `${page.name} round ${round + 1}/${ROUNDS} ${setup.name}: ${run.reqPerSec.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ` +
                `CPU ${Object.entries(run.cpu)
                  .map(([k, v]) => `${k} ${(v / run.wallMs).toFixed(2)}`)
                  .join(", ")} cores`,
            );
          }
        }
      }
    }
    const failed = runs.filter((r) => r.errors || r.non2xx);
    report(runs);
    if (failed.length) {
      console.error(`bench:cluster: errors or non-2xx answers in ${failed.length} run(s)`);
      process.exitCode = 1;
    }
  } finally {
    await stop(file);
    for (const c of clusters.splice(0)) await c.stop();
  }
}

const fmt = (x: number, digits = 0) => x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const range = (xs: number[], digits = 0) => `${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)}`;

function markdown(head: string[], rows: (string | number)[][]): string {
  const align = head.map((_, i) => (i === 0 ? "---" : "---:"));
  return [head, align, ...rows.map((r) => r.map(String))].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

function report(runs: Run[]) {
  const when = new Date().toISOString();
  const of = (setup: SetupName, page: string) => runs.filter((r) => r.setup === setup && r.page === page);
  /** Per-round ratio of setup a to setup b on a measure. */
  const ratios = (a: SetupName, b: SetupName, page: string, f: (r: Run) => number) =>
    of(a, page).map((r) => f(r) / f(of(b, page).find((s) => s.round === r.round)!));
  const rps = (r: Run) => r.reqPerSec;
  const perReq = (name: string) => (r: Run) => (r.cpu[name] ?? 0) / Math.max(1, r.requests);
  const cores = (name: string) => (r: Run) => (r.cpu[name] ?? 0) / r.wallMs;

  const lines: string[] = [];
  lines.push(`# npm run bench:cluster — ${when}, commit ${gitCommit()}`);
  lines.push("");
  lines.push(
    `autocannon -c ${CONNECTIONS} -d ${DURATION}, accept-encoding: ${ENCODING}, ${ROUNDS} rounds per page, each comparison alternating ` +
      `(A B, then B A). Medians, with the range over the rounds. Machine: ${CORES} cores, load average ` +
      `${loadAtStart[0]!.toFixed(2)} at the start and ${os.loadavg()[0]!.toFixed(2)} at the end.`,
  );
  lines.push("");
  lines.push("## Through the load balancer: one instance against two");
  lines.push("");
  lines.push(
    markdown(
      ["page", "1 instance req/s", "2 instances req/s", "2 ÷ 1 (per round)", "p50 / p99 ms, 1", "p50 / p99 ms, 2", "errors"],
      pages.map((p) => {
        const a = of("1 instance", p.name);
        const b = of("2 instances", p.name);
        const ratio = ratios("2 instances", "1 instance", p.name, rps);
        return [
          p.name,
          `${fmt(median(a.map(rps)))} (${range(a.map(rps))})`,
          `${fmt(median(b.map(rps)))} (${range(b.map(rps))})`,
          `**${fmt(median(ratio), 2)}** (${range(ratio, 2)})`,
          `${median(a.map((r) => r.p50))} / ${median(a.map((r) => r.p99))}`,
          `${median(b.map((r) => r.p50))} / ${median(b.map((r) => r.p99))}`,
          [...a, ...b].reduce((s, r) => s + r.errors + r.non2xx, 0),
        ];
      }),
    ),
  );
  lines.push("");
  lines.push(
    `## Where the CPU went (cores in use during the run, medians over every page and round; the machine has ${CORES}; ` +
      "ms per request in brackets)",
  );
  lines.push("");
  const parts = ["instance-1", "instance-2", "nginx", "redis", "load generator", "rest of the machine"];
  const cpuRows: (string | number)[][] = [];
  for (const setup of ["1 instance", "2 instances", "Redis hit", "file hit"] as SetupName[]) {
    const rs = runs.filter((r) => r.setup === setup);
    if (!rs.length) continue;
    const cells = parts.map((name) => (rs.some((r) => name in r.cpu) ? `${fmt(median(rs.map(cores(name))), 2)} (${fmt(median(rs.map(perReq(name))), 2)})` : "–"));
    const busy = median(rs.map((r) => r.machineBusyMs / r.wallMs));
    cpuRows.push([setup, ...cells, `${fmt(busy, 2)} (${fmt((busy / CORES) * 100)}%)`]);
  }
  lines.push(markdown(["setup", ...parts, "machine busy"], cpuRows));
  lines.push("");
  lines.push("## What a cache hit costs: one instance, pages in Redis against pages in the file-system cache");
  lines.push("");
  lines.push(
    markdown(
      ["page", "req/s Redis", "req/s file", "req/s Redis ÷ file", "CPU ms/req Redis (instance + redis)", "CPU ms/req file", "CPU Redis ÷ file", "p50 ms Redis / file"],
      pages.map((p) => {
        const a = of("Redis hit", p.name);
        const b = of("file hit", p.name);
        const both = (r: Run) => perReq("instance-1")(r) + perReq("redis")(r);
        const rpsRatio = ratios("Redis hit", "file hit", p.name, rps);
        const cpuRatio = ratios("Redis hit", "file hit", p.name, both);
        return [
          p.name,
          `${fmt(median(a.map(rps)))} (${range(a.map(rps))})`,
          `${fmt(median(b.map(rps)))} (${range(b.map(rps))})`,
          `**${fmt(median(rpsRatio), 2)}** (${range(rpsRatio, 2)})`,
          `${fmt(median(a.map(both)), 2)} (${fmt(median(a.map(perReq("instance-1"))), 2)} + ${fmt(median(a.map(perReq("redis"))), 2)})`,
          fmt(median(b.map(perReq("instance-1"))), 2),
          `**${fmt(median(cpuRatio), 2)}** (${range(cpuRatio, 2)})`,
          `${median(a.map((r) => r.p50))} / ${median(b.map((r) => r.p50))}`,
        ];
      }),
    ),
  );
  const text = lines.join("\n");
  console.log(text);
  const file = path.join(resultsDir(), `cluster-${when.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify({ when, commit: gitCommit(), options: Object.fromEntries(opts), loadAtStart, loadAtEnd: os.loadavg(), runs, text }, null, 2));
  log(`results: ${path.relative(process.cwd(), file)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
