/*
 * What `npm run bench:archive` holds the site to (issue 22, "Archive scale"), and the pure pieces
 * of its arithmetic: verdicts, a publish's CPU net of the idle baseline, quantiles, the links of a
 * page and a breadth-first crawl. The targets live here, never in timed tests.
 */

export const TARGETS = {
  /** `npm run build`: wall time and peak RSS of the whole process tree. */
  buildSeconds: 600,
  buildPeakMb: 4096,
  /** `npm run content:check`: the whole corpus, then again after one file changed. */
  checkFullSeconds: 10,
  checkChangedSeconds: 1,
  /** Spawn to the first 200 of the front page, with the content index on disk. */
  restartSeconds: 10,
  /** Resident memory of one instance, after warm-up and after two publishes. */
  serverRssMb: 1024,
  /** CPU of the server for one changed story, net of its idle use over the same time. */
  publishCpuMs: 200,
  /** …and at most this multiple of the same figure at 1,000 stories. */
  publishCpuRatio: 2,
  /** From the publish's answer until the change is on every surface it reaches. */
  visibleSeconds: 2,
  /** Longest event-loop turn (monitorEventLoopDelay, 10 ms resolution) during content work. */
  eventLoopMaxMs: 50,
  /** Load during a publish: failed requests, p99 against the same run without one, longest request. */
  loadFailed: 0,
  loadP99Ratio: 2,
  loadMaxMs: 500,
  searchP95Ms: 100,
  /** Every public story within this many clicks of the front page. */
  clickDepth: 4,
} as const;

/** The size whose publish CPU the other sizes are compared with. */
export const BASELINE_SIZE = 1000;

export type Verdict = { target: string; limit: string; figure: string; pass: boolean | null; note?: string };

/**
 * A figure held to an upper limit; `pass` is null when the figure could not be measured.
 *
 * @example
 * atMost("build wall time", 412.3, TARGETS.buildSeconds, "s") // { pass: true, figure: "412.3 s", limit: "≤ 600 s", … }
 */
export function atMost(target: string, value: number | undefined, limit: number, unit: string, note?: string): Verdict {
  const measured = value !== undefined && Number.isFinite(value);
  return {
    target,
    limit: `≤ ${limit} ${unit}`.trim(),
    figure: measured ? `${round(value, value < 10 ? 2 : 1)} ${unit}`.trim() : "not measured",
    pass: measured ? value <= limit : null,
    ...(note ? { note } : {}),
  };
}

/** A yes/no target. */
export function holds(target: string, limit: string, ok: boolean | undefined, figure: string, note?: string): Verdict {
  return { target, limit, figure, pass: ok ?? null, ...(note ? { note } : {}) };
}

export const verdictLabel = (v: Verdict) => (v.pass === null ? "N/A " : v.pass ? "PASS" : "FAIL");

export const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

/** CPU time and the wall time it was measured over. */
export type CpuWindow = { cpuMs: number; wallMs: number };

/**
 * CPU a piece of work cost: what the process used over the work's window, less what it uses
 * idle over as long a time (timers, the cache handler), never below 0.
 *
 * @example
 * netCpuMs({ cpuMs: 260, wallMs: 3000 }, { cpuMs: 20, wallMs: 2000 }) // 230
 */
export function netCpuMs(work: CpuWindow, idle: CpuWindow): number {
  const idleRate = idle.wallMs > 0 ? idle.cpuMs / idle.wallMs : 0;
  return Math.max(0, work.cpuMs - idleRate * work.wallMs);
}

/** CPU ms of a process from the text of /proc/PID/stat: utime + stime, every thread, in clock ticks of 1/100 s. */
export function statCpuMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** The q-quantile (0…1) by the nearest rank, NaN for no samples. */
export function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Addresses a crawl follows: the site's pages, not its API, desk, previews, feeds, images or framework files. */
const NOT_A_PAGE = /^\/(?:api|desk|preview|_next)(?:\/|$)|\.(?:xml|png|svg|jpe?g|webp|avif|gif|ico|css|js|txt|json|woff2?)$/i;

/**
 * The distinct same-site page paths an HTML page links to (`href="/…"`), without query or fragment.
 *
 * @example
 * pageLinks('<a href="/world/a-story?x=1#top">…</a><a href="/feed.xml">') // ["/world/a-story"]
 */
export function pageLinks(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<a\b[^>]*?\shref="(\/(?!\/)[^"#?]*)/g)) {
    const href = m[1]!.replace(/&amp;/g, "&");
    if (!NOT_A_PAGE.test(href)) out.add(href.length > 1 ? href.replace(/\/$/, "") : href);
  }
  return [...out];
}

/**
 * (Branch `archive` brings tools/click-depth.ts, the crawler its e2e spec uses, with redirects
 * followed; once it is on main this benchmark should use it instead.)
 *
 * Breadth-first crawl from `start`: the fewest clicks to every page reached within `maxDepth`.
 * Pages at `maxDepth` are recorded, not fetched. `links` returns a page's links ([] for a page
 * that is not HTML or did not answer 200); `limit` bounds the pages fetched.
 */
export async function clickDepths(
  start: string,
  links: (path: string) => Promise<string[]>,
  options: { maxDepth: number; concurrency?: number; limit?: number },
): Promise<{ depth: Map<string, number>; fetched: number; truncated: boolean }> {
  const depth = new Map([[start, 0]]);
  let frontier = [start];
  let fetched = 0;
  let truncated = false;
  for (let d = 0; d < options.maxDepth && frontier.length; d++) {
    const next: string[] = [];
    let i = 0;
    const worker = async () => {
      while (i < frontier.length) {
        if (options.limit !== undefined && fetched >= options.limit) {
          truncated = true;
          return;
        }
        const page = frontier[i++]!;
        fetched++;
        for (const link of await links(page)) {
          if (depth.has(link)) continue;
          depth.set(link, d + 1);
          next.push(link);
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
    frontier = next;
  }
  return { depth, fetched, truncated };
}
