/*
 * npm run bench:build -- [--sizes 1000,10000] [--seed 1] [--prerender N|all] [--samples 30]
 *                        [--port 3302] [--repeat 3] [--keep]
 *
 * For each corpus size: generates a synthetic corpus (content:generate), then
 * measures
 *   1. content load + validation (content:check, median of --repeat runs);
 *   2. related stories for every public article, in process (µs per article);
 *   3. `next build` with CONTENT_DIR pointed at the corpus, into its own
 *      NEXT_DIST_DIR (.next-bench-<size>): wall time, peak memory of the whole
 *      process tree (RSS summed over next and its workers, sampled every
 *      250 ms), and the size of the build output;
 *   4. per-page render time: `next start` on every build at once (ports
 *      --port, --port+1, …), then the first request of --samples articles
 *      that were not prerendered (each is rendered by the server, then
 *      cached), spread over the archive. Requests take turns between the
 *      sizes, so load from other work on the machine weighs on all alike.
 *      (At sizes where the default would prerender everything, the oldest
 *      --samples+2 stories are left to render on demand.)
 *
 * Corpora and builds go to bench-results/ and .next-bench-*, both git-ignored,
 * and are deleted afterwards unless --keep. Results: a table on stdout and
 * bench-results/bench-<time>.json. Other work on the machine makes the numbers
 * noisy: run it more than once and compare medians.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DatabaseSync } from "node:sqlite";
import { articleBody, latestPublic, loadCorpus, type Article } from "../lib/content";
import { DEFAULT_PRERENDER_ARTICLES } from "../lib/publishing/prerender";
import { relatedStories } from "../lib/publishing/related";
import { createSearchSchema, searchDocFor, upsertSearchDoc } from "../lib/content/search-index";
import { generateCorpus } from "../tools/corpus-generator";
import { BUILD_REWRITES, keepFiles, treeRss } from "./lib";

const ROOT = process.cwd();
const RESULTS = path.join(ROOT, "bench-results");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const TSX_CLI = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

type Result = {
  size: number;
  publicArticles: number;
  prerendered: number;
  generateSeconds: number;
  loadValidateMs: { median: number; runs: number[] };
  related: { medianUs: number; p99Us: number; maxUs: number; meanExamined: number; meanSharing: number };
  build: { wallSeconds: number; peakTreeRssMb: number; peakProcessRssMb: number; exitCode: number | null; staticPages: number };
  /** scripts/check-build-leaks.ts, which `npm run build` runs after `next build`. */
  leakCheckSeconds: number;
  /** lib/publishing/search.ts: the in-memory index built on a server's first search. */
  search: { buildMs: number; heapMb: number };
  output: { totalMb: number; withoutCacheMb: number; files: number };
  render:
    | { samples: number; medianMs: number; p90Ms: number; maxMs: number; cachedMedianMs: number; serverRssMb: number }
    | undefined;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

function label(size: number): string {
  return size % 1000 === 0 ? `${size / 1000}k` : String(size);
}

/** Content load + validation as content:check reports it, in a fresh process each time. */
function measureContentCheck(dir: string, repeat: number): number[] {
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const run = spawnSync(process.execPath, [TSX_CLI, "scripts/content-check.ts"], {
      env: { ...process.env, CONTENT_DIR: dir },
      encoding: "utf8",
    });
    const ms = /loaded and validated in (\d+) ms/.exec(run.stdout)?.[1];
    if (run.status !== 0 || !ms) throw new Error(`content:check failed on ${dir}:\n${run.stdout}${run.stderr}`);
    runs.push(Number(ms));
  }
  return runs;
}

function measureRelated(articles: Article[], all: Article[], bySlug: Map<string, Article>, byTag: Map<string, Article[]>) {
  const index = { bySlug, byTag, total: all.length };
  const now = new Date();
  // Each article's best of three passes: the first warms the JIT up, and the minimum drops GC pauses.
  const times = articles.map(() => Infinity);
  let examined = 0;
  let sharing = 0;
  for (let pass = 0; pass < 3; pass++) {
    articles.forEach((article, i) => {
      const probe = { examined: 0 };
      const started = process.hrtime.bigint();
      relatedStories(article, index, now, 4, probe);
      times[i] = Math.min(times[i]!, Number(process.hrtime.bigint() - started) / 1000);
      if (pass === 0) {
        examined += probe.examined;
        for (const tag of article.tags) sharing += byTag.get(tag.slug)?.length ?? 0;
      }
    });
  }
  return {
    medianUs: round(median(times), 1),
    p99Us: round(quantile(times, 0.99), 1),
    maxUs: round(Math.max(...times), 1),
    meanExamined: round(examined / articles.length),
    meanSharing: round(sharing / articles.length),
  };
}

function dirSize(dir: string, skip?: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (skip && full === skip) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        bytes += fs.statSync(full).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

async function runBuild(env: NodeJS.ProcessEnv, logFile: string) {
  const out = fs.openSync(logFile, "w");
  const started = performance.now();
  const child = spawn(process.execPath, [NEXT_BIN, "build"], { env, stdio: ["ignore", out, out], detached: true });
  let peakTotal = 0;
  let peakLargest = 0;
  const timer = setInterval(() => {
    const { total, largest } = treeRss(child.pid!);
    peakTotal = Math.max(peakTotal, total);
    peakLargest = Math.max(peakLargest, largest);
  }, 250);
  const exitCode = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(timer);
  fs.closeSync(out);
  // Every page the build prerendered (articles, fronts and their pages, the rest), as next build counts them.
  const counts = [...fs.readFileSync(logFile, "utf8").matchAll(/Generating static pages[^(]*\((\d+)\/(\d+)\)/g)];
  return {
    staticPages: Number(counts.at(-1)?.[2] ?? NaN),
    wallSeconds: round((performance.now() - started) / 1000, 1),
    peakTreeRssMb: round(peakTotal / 2 ** 20),
    peakProcessRssMb: round(peakLargest / 2 ** 20),
    exitCode,
  };
}

async function waitForServer(origin: string, child: ChildProcess, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${origin}/`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer on ${origin} within ${timeoutMs / 1000} s`);
}

async function timeRequest(url: string): Promise<{ ms: number; status: number; cache: string | null }> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, cache: response.headers.get("x-nextjs-cache") };
}

type Server = { name: string; origin: string; child: ChildProcess; log: number };

function startServer(name: string, env: NodeJS.ProcessEnv, port: number): Server {
  const log = fs.openSync(path.join(RESULTS, `start-${name}.log`), "w");
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", log, log],
    detached: true,
  });
  return { name, origin: `http://127.0.0.1:${port}`, child, log };
}

function stopServer(server: Server) {
  try {
    process.kill(-server.child.pid!, "SIGTERM"); // the server's own process group, which this script started
  } catch {
    // already gone
  }
  fs.closeSync(server.log);
}

/**
 * First-request render times of articles that were not prerendered, for every
 * size at once: one server per build, requests taking turns between them, so
 * whatever else the machine is doing weighs on every size alike.
 */
async function measureRenders(builds: { build: Built; port: number }[], samples: number): Promise<Map<Built, Result["render"]>> {
  const servers = builds.map(({ build, port }) => ({ build, server: startServer(build.name, build.env, port) }));
  const out = new Map<Built, Result["render"]>();
  try {
    for (const { server } of servers) await waitForServer(server.origin, server.child);
    // The first on-demand render of a process also loads the corpus: keep it out of the samples.
    for (const { build, server } of servers) for (const article of build.warmup) await timeRequest(server.origin + article.path);
    const first = servers.map(() => [] as number[]);
    const cached = servers.map(() => [] as number[]);
    for (let i = 0; i < samples; i++) {
      for (const [n, { build, server }] of servers.entries()) {
        const article = build.samples[i];
        if (!article) continue;
        const miss = await timeRequest(server.origin + article.path);
        if (miss.status !== 200) throw new Error(`${build.name} ${article.path} answered ${miss.status}`);
        first[n]!.push(miss.ms);
        cached[n]!.push((await timeRequest(server.origin + article.path)).ms);
      }
    }
    for (const [n, { build, server }] of servers.entries()) {
      const missing = await timeRequest(`${server.origin}/world/no-such-story-in-the-archive`);
      if (missing.status !== 404) throw new Error(`${build.name}: an unknown slug answered ${missing.status}, not 404`);
      out.set(
        build,
        first[n]!.length
          ? {
              samples: first[n]!.length,
              medianMs: round(median(first[n]!), 1),
              p90Ms: round(quantile(first[n]!, 0.9), 1),
              maxMs: round(Math.max(...first[n]!), 1),
              cachedMedianMs: round(median(cached[n]!), 1),
              // The server after rendering, corpus loaded: what one instance of the site holds.
              serverRssMb: round(treeRss(server.child.pid!).total / 2 ** 20),
            }
          : undefined,
      );
    }
  } finally {
    for (const { server } of servers) stopServer(server);
  }
  return out;
}

type Built = {
  name: string;
  env: NodeJS.ProcessEnv;
  corpusDir: string;
  distDir: string;
  warmup: Article[];
  samples: Article[];
  result: Omit<Result, "render">;
};

async function buildSize(size: number, options: { seed: number; prerender: string; samples: number; repeat: number }): Promise<Built> {
  const name = label(size);
  const corpusDir = path.join(RESULTS, `corpus-${name}`);
  const distDir = `.next-bench-${name}`;
  fs.rmSync(corpusDir, { recursive: true, force: true });
  fs.rmSync(path.join(ROOT, distDir), { recursive: true, force: true });

  log(`${name}: generating ${size} articles (seed ${options.seed})`);
  const started = performance.now();
  generateCorpus({ count: size, seed: options.seed, out: corpusDir });
  const generateSeconds = round((performance.now() - started) / 1000, 1);

  log(`${name}: content:check ×${options.repeat}`);
  const runs = measureContentCheck(corpusDir, options.repeat);

  const corpus = loadCorpus(corpusDir);
  const now = new Date();
  const publicArticles = latestPublic(now, { list: corpus.articles });
  log(`${name}: related stories for ${publicArticles.length} public articles`);
  const related = measureRelated(publicArticles, corpus.articles, corpus.bySlug, corpus.byTag);
  log(`${name}: search index`);
  const heapBefore = process.memoryUsage().heapUsed;
  const searchStarted = performance.now();
  const searchIndex = new DatabaseSync(":memory:");
  createSearchSchema(searchIndex);
  for (const article of corpus.articles) if (article.status === "published") upsertSearchDoc(searchIndex, searchDocFor(article, articleBody(article), now));
  const search = {
    buildMs: round(performance.now() - searchStarted),
    // Approximate: heap growth while building, garbage included.
    heapMb: round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20),
  };
  searchIndex.close();

  // Stories past the prerendered ones render on demand: sample them evenly across the archive.
  const wanted = options.prerender === "all" ? Infinity : Number(options.prerender);
  const warmupCount = 2;
  const sampleCount = options.samples + warmupCount;
  const prerendered = Math.min(wanted, Math.max(0, publicArticles.length - sampleCount));
  const rest = publicArticles.slice(prerendered);
  const picks = options.samples && rest.length
    ? Array.from({ length: Math.min(sampleCount, rest.length) }, (_, i) => rest[Math.floor((i * rest.length) / Math.min(sampleCount, rest.length))]!)
    : [];

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    CONTENT_DIR: corpusDir,
    NEXT_DIST_DIR: distDir,
    PRERENDER_ARTICLES: String(prerendered),
  };
  log(`${name}: next build into ${distDir}, prerendering ${prerendered} of ${publicArticles.length} public articles`);
  const restore = keepFiles(BUILD_REWRITES);
  let build: Result["build"];
  try {
    build = await runBuild(env, path.join(RESULTS, `build-${name}.log`));
  } finally {
    restore();
  }
  if (build.exitCode !== 0) throw new Error(`next build failed (exit ${build.exitCode}): see bench-results/build-${name}.log`);
  log(`${name}: check-build-leaks`);
  const leakStarted = performance.now();
  const leakCheck = spawnSync(process.execPath, [TSX_CLI, "scripts/check-build-leaks.ts"], { env, encoding: "utf8" });
  const leakCheckSeconds = round((performance.now() - leakStarted) / 1000, 1);
  if (leakCheck.status !== 0) throw new Error(`check-build-leaks failed:\n${leakCheck.stdout}${leakCheck.stderr}`);
  const total = dirSize(path.join(ROOT, distDir));
  const withoutCache = dirSize(path.join(ROOT, distDir), path.join(ROOT, distDir, "cache"));

  return {
    name,
    env,
    corpusDir,
    distDir,
    warmup: picks.slice(0, warmupCount),
    samples: picks.slice(warmupCount),
    result: {
      size,
      publicArticles: publicArticles.length,
      prerendered,
      generateSeconds,
      loadValidateMs: { median: median(runs), runs },
      related,
      search,
      build,
      leakCheckSeconds,
      output: { totalMb: round(total.bytes / 2 ** 20, 1), withoutCacheMb: round(withoutCache.bytes / 2 ** 20, 1), files: total.files },
    },
  };
}

function table(results: Result[]): string {
  const rows: [string, (r: Result) => string][] = [
    ["articles (public)", (r) => `${r.size.toLocaleString("en")} (${r.publicArticles.toLocaleString("en")})`],
    ["articles prerendered at build", (r) => r.prerendered.toLocaleString("en")],
    ["pages prerendered at build (all routes)", (r) => r.build.staticPages.toLocaleString("en")],
    ["content load + validation (median)", (r) => `${r.loadValidateMs.median} ms (runs: ${r.loadValidateMs.runs.join(", ")})`],
    ["related stories per article", (r) => `median ${r.related.medianUs} µs, p99 ${r.related.p99Us} µs, max ${r.related.maxUs} µs`],
    ["stories looked at per article", (r) => `${r.related.meanExamined} of ${r.related.meanSharing} sharing a topic`],
    ["search index (first search), heap", (r) => `${r.search.buildMs} ms, ~${r.search.heapMb} MB`],
    ["next build wall time", (r) => `${r.build.wallSeconds} s`],
    ["+ check-build-leaks (npm run build runs it)", (r) => `${r.leakCheckSeconds} s`],
    ["peak RSS, whole build (largest process)", (r) => `${r.build.peakTreeRssMb} MB (${r.build.peakProcessRssMb} MB)`],
    ["build output (without cache/)", (r) => `${r.output.totalMb} MB (${r.output.withoutCacheMb} MB), ${r.output.files.toLocaleString("en")} files`],
    ["article render, first request", (r) => (r.render ? `median ${r.render.medianMs} ms, p90 ${r.render.p90Ms} ms (${r.render.samples} pages)` : "—")],
    ["article, cached", (r) => (r.render ? `median ${r.render.cachedMedianMs} ms` : "—")],
    ["server RSS after rendering", (r) => (r.render ? `${r.render.serverRssMb} MB` : "—")],
  ];
  const header = `| | ${results.map((r) => label(r.size)).join(" | ")} |\n|---|${results.map(() => "---").join("|")}|`;
  return [header, ...rows.map(([name, cell]) => `| ${name} | ${results.map(cell).join(" | ")} |`)].join("\n");
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "1000,10000" },
      seed: { type: "string", default: "1" },
      prerender: { type: "string", default: String(DEFAULT_PRERENDER_ARTICLES) },
      samples: { type: "string", default: "30" },
      port: { type: "string", default: "3302" }, // one server per size: 3302, 3303, …
      repeat: { type: "string", default: "3" },
      keep: { type: "boolean", default: false },
    },
  });
  const sizes = values.sizes.split(",").map(Number);
  const port = Number(values.port);
  if (sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error("--sizes takes whole numbers, e.g. 1000,10000");
  if (values.prerender !== "all" && !/^\d+$/.test(values.prerender)) throw new Error('--prerender takes a whole number or "all"');
  fs.mkdirSync(RESULTS, { recursive: true });

  const built: Built[] = [];
  let results: Result[] = [];
  try {
    for (const size of sizes) {
      built.push(await buildSize(size, { seed: Number(values.seed), prerender: values.prerender, samples: Number(values.samples), repeat: Number(values.repeat) }));
      log(`${built.at(-1)!.name}: built\n${JSON.stringify(built.at(-1)!.result, null, 2)}`);
    }
    log(`next start for ${built.map((b) => b.name).join(", ")} on ports ${port}-${port + built.length - 1}; first requests of articles not prerendered, taking turns`);
    const renders = await measureRenders(built.map((build, i) => ({ build, port: port + i })), Number(values.samples));
    results = built.map((b) => ({ ...b.result, render: renders.get(b) }));
  } finally {
    if (!values.keep) {
      for (const b of built) {
        fs.rmSync(b.corpusDir, { recursive: true, force: true });
        fs.rmSync(path.join(ROOT, b.distDir), { recursive: true, force: true });
      }
    }
  }
  const file = path.join(RESULTS, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), args: values, results }, null, 2));
  console.log(`\n${table(results)}\n\nbench:build: results in ${path.relative(ROOT, file)}`);
}

main().catch((err: unknown) => {
  console.error(`bench:build: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
