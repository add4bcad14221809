/*
 * npm run bench:load — the production server under load: 50 connections for 60 s
 * on the article page, the front page and search, one after the other, with
 * autocannon. Starts its own server (node server/main.mjs, as npm start does) on a free
 * port on 127.0.0.1 from the existing build, prints req/s, p50/p99 latency, errors,
 * non-2xx and 5xx answers per target and the server's RSS at the start and end of
 * each run (sampled every 5 s), then stops the server. Exits 1 on any error or
 * non-2xx answer.
 *
 *   npm run bench:load [-- --duration 60 --connections 50 --only article,front,search]
 *   npm run bench:load -- --server next     # plain `next start` instead, for comparison
 *
 * Needs a build (npm run build); NEXT_DIST_DIR and CONTENT_DIR choose it as for npm start.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { freePort } from "../tools/cluster";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    connections: { type: "string", default: "50" },
    only: { type: "string" },
    server: { type: "string", default: "server/main.mjs" },
    warmup: { type: "string", default: "3" },
  },
});

const TARGETS = {
  article: "/world/russia-and-china-agree-to-accelerate-construction-of-power-of-siberia-2",
  front: "/",
  search: "/search?q=russia",
} as const;
type Target = keyof typeof TARGETS;

const duration = Number(values.duration);
const connections = Number(values.connections);
const warmup = Number(values.warmup);
const chosen = (values.only?.split(",") ?? Object.keys(TARGETS)) as Target[];
const distDir = process.env.NEXT_DIST_DIR || ".next";

if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
  console.error(`bench:load: no build in ${distDir}; run npm run build first`);
  process.exit(1);
}

/** Resident set size of a process in MiB (Linux /proc). */
function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

async function waitUntilUp(origin: string, server: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${origin}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not come up within 60 s");
}

function load(url: string, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, timeout: 10 }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function main(): Promise<number> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const command =
    values.server === "next" ? ["node_modules/.bin/next", "start", "-p", String(port), "-H", "127.0.0.1"] : [process.execPath, "server/main.mjs", "-p", String(port), "-H", "127.0.0.1"];
  const server = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = () => {
    if (server.exitCode === null) server.kill("SIGTERM");
  };
  process.on("exit", stop);

  type Row = {
    target: Target;
    reqPerSec: number;
    p50: number;
    p99: number;
    requests: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    status5xx: number;
    rssStart: number;
    rssEnd: number;
    rssSamples: number[];
  };

  const rows: Row[] = [];
  try {
    await waitUntilUp(origin, server);
    console.log(`bench:load: ${values.server} on ${origin} (${distDir}), ${connections} connections, ${duration} s per target`);
    for (const target of chosen) {
      const url = origin + TARGETS[target];
      // Fill the caches first so the run measures the steady state.
      if (warmup > 0) await load(url, warmup);
      const rssStart = rssMiB(server.pid!);
      const samples: number[] = [rssStart];
      const sampler = setInterval(() => samples.push(rssMiB(server.pid!)), 5000);
      const result = await load(url, duration);
      clearInterval(sampler);
      const rssEnd = rssMiB(server.pid!);
      samples.push(rssEnd);
      const status5xx = Object.entries(result.statusCodeStats ?? {})
        .filter(([code]) => code.startsWith("5"))
        .reduce((sum, [, stat]) => sum + (stat as { count: number }).count, 0);
      rows.push({
        target,
        reqPerSec: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        requests: result.requests.total,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        status5xx,
        rssStart,
        rssEnd,
        rssSamples: samples,
      });
      const r = rows.at(-1)!;
      console.log(
        `${target.padEnd(8)} ${String(r.reqPerSec).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ` +
          `${r.requests} requests  errors ${r.errors} (of which timeouts ${r.timeouts})  non-2xx ${r.non2xx}  5xx ${r.status5xx}  ` +
          `RSS ${r.rssStart} → ${r.rssEnd} MiB  (every 5 s: ${r.rssSamples.join(" ")})`,
      );
    }
  } finally {
    stop();
  }

  console.log("\n| target | req/s | p50 ms | p99 ms | requests | errors | non-2xx | 5xx | RSS start MiB | RSS end MiB |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(`| ${r.target} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors} (${r.timeouts} timeouts) | ${r.non2xx} | ${r.status5xx} | ${r.rssStart} | ${r.rssEnd} |`);
  }
  const failed = rows.some((r) => r.errors || r.timeouts || r.non2xx);
  if (failed) console.error("bench:load: errors or non-2xx answers under load");
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
