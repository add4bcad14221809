/*
 * After `next build` (scripts/check-build-leaks.ts, a step of `npm run build`): no story that is not public now (draft, scheduled),
 * and no live update that is not public now, may appear in what the build emits for public serving — prerendered pages,
 * their RSC payloads and route-handler bodies under <distDir>/server/app, and
 * the static assets under <distDir>/static. Fails the build naming the file
 * and the story when one does, and when the output holds a prerendered page of
 * the editors' desk or of a shared preview link (they must render per request).
 */
import fs from "node:fs";
import path from "node:path";
import { type Article, articleBody, isPublic } from "../lib/content";
import { updatePath } from "../lib/paths";
import { byteClass, matcher, type Needle } from "./leak-matcher";

// What is served as it is: prerendered output (not the server's compiled code or its
// file-trace manifests, which name content files but never leave the server) and static assets.
function servedRoots(distDir: string) {
  return [
    { dir: path.join(distDir, "server", "app"), served: /\.(html|rsc|body|meta|segment|xml|txt)$|(?<!\.nft)\.json$/ },
    { dir: path.join(distDir, "static"), served: /./ },
  ];
}

function* files(dir: string, served: RegExp): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full, served);
    else if (served.test(entry.name)) yield full;
  }
}

/** Addresses that show drafts to editors and link holders (app/desk, app/preview): rendered per request only. */
const PER_REQUEST_ONLY = /^server[\\/]app[\\/](?:desk|preview)(?:[\\/.].*)?\.(?:html|rsc|body|meta)$/;

export type LeakReport = { leaks: string[]; scanned: number; hidden: number };

/** What a slug is made of (lib/content's SLUG_PATTERN): an address ends where these end. */
const SLUG_BYTES = byteClass(/[a-z0-9-]/);
/** What words are made of: a headline is not found inside a longer word. */
const WORD_BYTES = byteClass(/[A-Za-z0-9]/);

type Trace = { story: string; text: string; what: string; token: Uint8Array };

/** A text as the build writes it: as it is (RSC payloads, JSON, feeds), escaped in HTML, escaped in a JSON string. */
function renderings(text: string): string[] {
  const html = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  const json = JSON.stringify(text).slice(1, -1);
  return [...new Set([text, html, json])];
}

/**
 * Every text the public may see now that a headline or standfirst of a hidden story could also be:
 * public stories (headline, standfirst, kicker, body, picture, public live updates) and the sections,
 * topics and authors they name.
 */
function* publicTexts(articles: Article[], now: Date): Generator<string> {
  const named = new Set<string>();
  for (const a of articles) {
    if (!isPublic(a, now)) continue;
    yield* [a.title, a.standfirst, a.kicker ?? "", articleBody(a), a.image.alt, a.image.caption];
    for (const u of a.live?.updates ?? []) if (u.time <= now) yield* [u.title, u.text];
    for (const t of [a.section, ...a.tags, ...a.authors]) {
      for (const text of Object.values(t)) if (typeof text === "string") named.add(text);
    }
  }
  yield* named;
}

/**
 * What identifies each story that is not public at `now`, and that no public text carries:
 * - its address, as a whole (`/world/x-mounts` is not in `/world/x-mounts-70065`): every page that
 *   renders, lists, links or feeds it writes it, and its own prerendered files are named by it;
 * - its headline and its standfirst, unless a public story or a section, topic or author carries the
 *   same text ("Morning briefing"): then it identifies nothing, and the address still does;
 * - each live update not public yet, by its permalink (a headline may be short or shared, an anchor
 *   alone another story's update's too).
 */
export function hiddenTraces(articles: Article[], now: Date): Trace[] {
  const hidden = articles.filter((a) => !isPublic(a, now));
  const traces: Trace[] = hidden.map((a) => ({ story: a.file, text: a.path, what: "address", token: SLUG_BYTES }));
  for (const a of articles) {
    for (const u of a.live?.updates ?? []) {
      if (isPublic(a, now) && u.time <= now) continue;
      traces.push({ story: a.file, text: updatePath(a.path, u.id), what: `update ${u.id}`, token: SLUG_BYTES });
    }
  }
  const texts = hidden.flatMap((a) => [
    { story: a.file, text: a.title, what: "headline", token: WORD_BYTES },
    { story: a.file, text: a.standfirst, what: "standfirst", token: WORD_BYTES },
  ]);
  const carried = new Set<number>();
  const find = matcher(texts);
  for (const text of publicTexts(articles, now)) for (const i of find.findIn(text)) carried.add(i);
  for (const [i, t] of texts.entries()) {
    if (carried.has(i)) continue;
    for (const text of renderings(t.text)) traces.push({ ...t, text });
  }
  return traces;
}

/** Every trace of a story that is not public at `now` in what the build in `distDir` serves. */
export function findBuildLeaks(distDir: string, articles: Article[], now: Date): LeakReport {
  const traces = hiddenTraces(articles, now);
  // One pass per file whatever the number of needles: at 10,000 articles there are hundreds of
  // non-public stories and tens of thousands of files, and an includes() per needle took minutes.
  const find = matcher(traces satisfies Needle[]);
  const leaks: string[] = [];
  let scanned = 0;
  for (const root of servedRoots(distDir)) {
    for (const file of files(root.dir, root.served)) {
      // A route's own file is named by its address: a hidden story's prerendered page is a leak too.
      const name = path.relative(distDir, file);
      const body = fs.readFileSync(file); // bytes: the matcher needs no decoding
      scanned++;
      // The editors' desk and shared preview links show drafts: they must render per request, never be in the output.
      if (PER_REQUEST_ONLY.test(name) && root.dir.endsWith(`${path.sep}app`)) leaks.push(`${name}: a page of the desk or a preview link, prerendered`);
      // Each story and kind of trace once per file, however many renderings were found.
      const found = new Set<string>();
      for (const i of new Set([...find.findIn(`/${name}`), ...find.findIn(body)])) {
        const t = traces[i]!;
        found.add(`${name}: ${t.what} of ${t.story} (not public)`);
      }
      leaks.push(...[...found].sort());
    }
  }
  return { leaks, scanned, hidden: articles.filter((a) => !isPublic(a, now)).length };
}
