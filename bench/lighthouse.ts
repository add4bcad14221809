/*
 * npm run lighthouse [-- --runs=5 --forms=mobile,desktop --cpu-slowdown=8 --rebuild]
 *
 * Lighthouse 12 (mobile and desktop presets) with the system Chromium against
 * the site's article and front page and the framework floor's same two pages
 * (bench/floor: the same body markup as static pages, no client component, no
 * font, no image), in the same run: for each run, every target once per form
 * factor, in rotated order (site, floor and control alternate). The control is a
 * trivial HTML page (a heading and a paragraph, no stylesheet) served from memory
 * (bench/memory-server.mjs): what Lighthouse reports for a page that costs the
 * browser next to nothing on this host, so a figure of the site or the floor can
 * be read against the host's own floor. Prints the medians of
 * the four category scores and LCP/TBT/CLS side by side, with each metric's
 * range over the runs, and Lighthouse's benchmarkIndex of every run (how fast
 * the host was then: a lower index means a slower host, and TBT grows with it).
 *
 * "obs. FCP" is the first paint Chromium really made, unthrottled: Lighthouse
 * simulates LCP from the work seen before it, so when a busy machine delays that
 * paint past the scripts' execution, the simulated LCP jumps by about a second.
 * Reports go to bench-results/lighthouse/.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { systemChromium } from "../e2e/helpers/browser";
import {
  PAGES,
  ROOT,
  args,
  captureAndBuildFloor,
  ensureSiteBuild,
  floorPath,
  log,
  median,
  memoryResponse,
  resultsDir,
  startFloor,
  startMemory,
  startSite,
  stop,
  stopAllOnExit,
  table,
  type Server,
} from "./lib";

const opts = args();
const RUNS = Number(opts.get("runs") ?? 5);
const FORMS = (opts.get("forms") ?? "mobile,desktop").split(",") as ("mobile" | "desktop")[];
/** Lighthouse's CPU slowdown (mobile default 4): a higher one stands in for a slower host. */
const CPU_SLOWDOWN = opts.get("cpu-slowdown");
const LH_BIN = path.join(ROOT, "node_modules/lighthouse/cli/index.js");
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

/** The control: valid, complete HTML that needs no stylesheet, no image and no script. */
const CONTROL_PATH = "/control";
const CONTROL_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<title>Control page</title><meta name="description" content="A trivial page: what Lighthouse measures for next to no work."></head>' +
  "<body><h1>Control page</h1><p>A heading and a paragraph: the least a page can ask of the browser.</p></body></html>";

type Score = { scores: Record<string, number>; lcp: number; tbt: number; cls: number; fcp: number; observedFcp: number; benchmarkIndex: number };

function lighthouse(url: string, form: "mobile" | "desktop", out: string): Score | null {
  const chrome = systemChromium();
  const argv = [
    LH_BIN,
    url,
    "--quiet",
    "--output=json",
    `--output-path=${out}`,
    `--only-categories=${CATEGORIES.join(",")}`,
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run",
    ...(form === "desktop" ? ["--preset=desktop"] : []),
    ...(CPU_SLOWDOWN ? [`--throttling.cpuSlowdownMultiplier=${CPU_SLOWDOWN}`] : []),
  ];
  const run = () =>
    spawnSync(process.execPath, argv, {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, ...(chrome ? { CHROME_PATH: chrome } : {}) },
    });
  // Lighthouse sometimes loses the trace (NO_NAVSTART) on a busy machine: up to three tries, then
  // the run is left out of the medians (and counted) rather than losing the whole measurement.
  let result = run();
  for (let attempt = 2; result.status !== 0 && attempt <= 3; attempt++) result = run();
  if (result.status !== 0) return null;
  const lhr = JSON.parse(fs.readFileSync(out, "utf8")) as {
    categories: Record<string, { score: number | null }>;
    environment?: { benchmarkIndex?: number };
    audits: Record<string, { numericValue?: number; details?: { items?: Record<string, number>[] } }>;
  };
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? NaN) * 100)])),
    lcp: metric("largest-contentful-paint"),
    tbt: metric("total-blocking-time"),
    cls: metric("cumulative-layout-shift"),
    fcp: metric("first-contentful-paint"),
    observedFcp: lhr.audits.metrics?.details?.items?.[0]?.observedFirstContentfulPaint ?? NaN,
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? NaN,
  };
}

async function main() {
  stopAllOnExit();
  ensureSiteBuild(opts.has("rebuild"));
  let site: Server | undefined;
  let floor: Server | undefined;
  let control: Server | undefined;
  const loadAtStart = os.loadavg()[0]!;
  try {
    site = await startSite();
    for (const page of PAGES) await fetch(site.origin + page.path).then((r) => r.arrayBuffer());
    await captureAndBuildFloor(site, opts.has("rebuild"));
    floor = await startFloor();
    const controlFile = path.join(resultsDir(), "lighthouse-control.json");
    fs.writeFileSync(controlFile, JSON.stringify({ [CONTROL_PATH]: memoryResponse(CONTROL_HTML, "text/html; charset=utf-8") }));
    control = await startMemory(controlFile);
    const article = PAGES.find((p) => p.name === "article")!;
    const front = PAGES.find((p) => p.name === "front")!;
    const targets = [
      { name: "article (site)", url: site.origin + article.path },
      { name: "article (floor)", url: floor.origin + floorPath("article") },
      { name: "front (site)", url: site.origin + front.path },
      { name: "front (floor)", url: floor.origin + floorPath("front") },
      { name: "control", url: control.origin + CONTROL_PATH },
    ];
    // Warm the servers and the image optimizer's cache, as a CDN would be.
    for (const t of targets) lighthouse(t.url, "mobile", path.join(resultsDir(), "lighthouse-warmup.json"));

    const dir = path.join(resultsDir(), "lighthouse");
    fs.mkdirSync(dir, { recursive: true });
    const results: Record<string, Score[]> = {};
    const failed: Record<string, number> = {};
    for (let run = 0; run < RUNS; run++) {
      for (const form of FORMS) {
        const order = targets.map((_, i) => targets[(i + run) % targets.length]!);
        for (const t of order) {
          const key = `${t.name} ${form}`;
          const file = path.join(dir, `${key.replace(/\W+/g, "-")}-${run + 1}.json`);
          const score = lighthouse(t.url, form, file);
          if (!score) {
            failed[key] = (failed[key] ?? 0) + 1;
            log(`${key} run ${run + 1}/${RUNS}: Lighthouse failed three times; left out`);
            continue;
          }
          (results[key] ??= []).push(score);
          log(
            `${key} run ${run + 1}/${RUNS}: perf ${score.scores.performance}, LCP ${score.lcp.toFixed(0)} ms, TBT ${score.tbt.toFixed(0)} ms, ` +
              `CLS ${score.cls.toFixed(3)}, benchmarkIndex ${score.benchmarkIndex.toFixed(0)}`,
          );
        }
      }
    }

    const range = (xs: number[], digits = 0) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
    const rows = Object.entries(results).map(([key, runs]) => {
      const m = (f: (s: Score) => number) => median(runs.map(f));
      return [
        key,
        `${m((s) => s.scores.performance!)} (${range(runs.map((s) => s.scores.performance!))})`,
        m((s) => s.scores.accessibility!),
        m((s) => s.scores["best-practices"]!),
        m((s) => s.scores.seo!),
        `${(m((s) => s.lcp) / 1000).toFixed(2)} (${range(runs.map((s) => s.lcp / 1000), 2)})`,
        `${m((s) => s.tbt).toFixed(0)} (${range(runs.map((s) => s.tbt))})`,
        m((s) => s.cls).toFixed(3),
        (m((s) => s.fcp) / 1000).toFixed(2),
        `${(m((s) => s.observedFcp) / 1000).toFixed(2)} (${range(runs.map((s) => s.observedFcp / 1000), 2)})`,
        `${m((s) => s.benchmarkIndex).toFixed(0)} (${range(runs.map((s) => s.benchmarkIndex))})`,
      ];
    });
    const when = new Date().toISOString();
    const text = [
      `# npm run lighthouse — ${when}`,
      `Lighthouse 12, system Chromium, ${RUNS} runs per target and form factor, alternating site, floor and control${CPU_SLOWDOWN ? `, CPU slowdown ${CPU_SLOWDOWN}×` : ""}. Medians (range).`,
      ...Object.entries(failed).map(([key, n]) => `${key}: ${n} run(s) failed (Lighthouse lost the trace) and are left out.`),
      `Machine: ${os.cpus().length} cores, load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end.`,
      "",
      table(["target", "perf", "a11y", "best pr.", "SEO", "LCP s", "TBT ms", "CLS", "FCP s", "obs. FCP s", "benchmarkIndex"], rows),
    ].join("\n");
    console.log(text);
    fs.writeFileSync(path.join(resultsDir(), `lighthouse-${when.replace(/[:.]/g, "-")}.json`), JSON.stringify({ when, results, text }, null, 2));
  } finally {
    await stop(site);
    await stop(floor);
    await stop(control);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
