/*
 * How many clicks each address is from the front page, measured as a reader
 * or a crawler finds it: a breadth-first walk over the `<a href>` links the
 * site's own HTML pages render, same origin only. Used by e2e/archive.spec.ts
 * (every public story within 4 clicks of the fixture corpus' front page) and
 * by the archive benchmark at 10,000 stories.
 */

export type ClickDepthOptions = {
  /** Where the walk starts (depth 0). */
  start?: string;
  /** Deepest level recorded; pages at this depth are not fetched, as their links would lie deeper still. */
  maxDepth: number;
  /** Pages fetched at once. */
  concurrency?: number;
  /** Origins whose links count as the site's own (the canonical origin a page names in absolute links). */
  sameOrigins?: string[];
  /** Which reached pages are opened for their links (default all): to measure what one part of the site guarantees alone. */
  follow?: (path: string) => boolean;
};

export type ClickDepths = {
  /** Every address reached (path and query), with its fewest clicks from the start. */
  depths: Map<string, number>;
  /** HTML pages fetched. */
  fetched: number;
  /** Pages that answered with an error status, with it. */
  errors: Map<string, number>;
};

/** Not pages: feeds, images, share cards, icons. */
const NOT_HTML = /\.(?:xml|png|jpe?g|webp|avif|gif|svg|ico|txt|json|css|js)$/i;

/**
 * The `<a href>` targets of an HTML page, as absolute URLs without fragment.
 *
 * @example
 * pageLinks('<a class="x" href="/world?a=1&amp;b=2#top">', "http://h/") // ["http://h/world?a=1&b=2"]
 */
export function pageLinks(html: string, pageUrl: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(/<a\s[^>]*?\bhref="([^"]*)"/gi)) {
    try {
      const url = new URL(match[1]!.replace(/&amp;/g, "&"), pageUrl);
      url.hash = "";
      out.push(url.toString());
    } catch {
      // Not a URL: nothing a crawler could follow either.
    }
  }
  return out;
}

export async function clickDepths(origin: string, options: ClickDepthOptions): Promise<ClickDepths> {
  const { start = "/", maxDepth, concurrency = 4, sameOrigins = [], follow = () => true } = options;
  const own = new URL(origin).origin;
  const toOwn = (url: string): string | undefined => {
    const parsed = new URL(url);
    if (parsed.origin !== own && !sameOrigins.includes(parsed.origin)) return undefined;
    return parsed.pathname + parsed.search;
  };
  const depths = new Map<string, number>([[start, 0]]);
  const errors = new Map<string, number>();
  let fetched = 0;
  let frontier = [start];
  for (let depth = 0; depth < maxDepth && frontier.length; depth++) {
    const next: string[] = [];
    const queue = frontier.filter((path) => (path === start || follow(path)) && !NOT_HTML.test(new URL(path, own).pathname));
    const worker = async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const response = await fetch(own + path);
        fetched++;
        if (!response.ok) {
          errors.set(path, response.status);
          await response.body?.cancel();
          continue;
        }
        if (!(response.headers.get("content-type") ?? "").includes("text/html")) {
          await response.body?.cancel();
          continue;
        }
        // A redirect's target is the page the link leads to, one click as well.
        const final = toOwn(response.url);
        if (final && !depths.has(final)) depths.set(final, depth);
        if (final !== path && (final === undefined || !follow(final))) {
          await response.body?.cancel();
          continue;
        }
        for (const link of pageLinks(await response.text(), response.url)) {
          const target = toOwn(link);
          if (target === undefined || depths.has(target)) continue;
          depths.set(target, depth + 1);
          next.push(target);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    frontier = next;
  }
  return { depths, fetched, errors };
}

/**
 * The paths of `wanted` not reached within `limit` clicks, each with the
 * depth it was found at (undefined: not found at all).
 */
export function beyond(depths: Map<string, number>, wanted: Iterable<string>, limit: number): { path: string; depth: number | undefined }[] {
  const out: { path: string; depth: number | undefined }[] = [];
  for (const path of wanted) {
    const depth = depths.get(path);
    if (depth === undefined || depth > limit) out.push({ path, depth });
  }
  return out;
}

/** The deepest of `wanted` (Infinity when one was not reached). */
export function deepest(depths: Map<string, number>, wanted: Iterable<string>): number {
  let max = 0;
  for (const path of wanted) max = Math.max(max, depths.get(path) ?? Infinity);
  return max;
}

/**
 * The public stories a server names in its sitemap (following a sitemap
 * index to its parts): the addresses of two segments under a section, a
 * section being an address of one segment the sitemap lists too.
 */
export async function sitemapStories(origin: string, sitemap = "/sitemap.xml"): Promise<string[]> {
  const read = async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.text();
  };
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, "&")));
  const root = await read(origin + sitemap);
  const parts = root.includes("<sitemapindex") ? await Promise.all(locs(root).map((u) => read(origin + u.pathname))) : [root];
  const paths = parts.flatMap(locs).map((u) => u.pathname);
  const sections = new Set(paths.filter((p) => /^\/[^/]+$/.test(p)));
  return paths.filter((p) => /^\/[^/]+\/[^/]+$/.test(p) && sections.has(p.slice(0, p.indexOf("/", 1))));
}
