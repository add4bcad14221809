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
import { type Article, isPublic } from "../lib/content";
import { updatePath } from "../lib/paths";
import { matcher } from "./leak-matcher";

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

/** Every trace of a story that is not public at `now` in what the build in `distDir` serves. */
export function findBuildLeaks(distDir: string, articles: Article[], now: Date): LeakReport {
  const hidden = articles.filter((a) => !isPublic(a, now));
  // A story is recognised by its slug and its headline; both are long enough not to occur by chance.
  const needles = hidden.flatMap((a) => [
    { story: a.file, text: a.slug, what: "slug" },
    { story: a.file, text: a.title, what: "headline" },
  ]);
  // A live update not public yet (or of a story that is not) by its permalink, in every page's links and
  // every feed's ids: a headline may be short or shared, an anchor alone another story's update's too.
  for (const a of articles) {
    for (const u of a.live?.updates ?? []) {
      if (isPublic(a, now) && u.time <= now) continue;
      needles.push({ story: a.file, text: updatePath(a.path, u.id), what: `update ${u.id}` });
    }
  }
  // One pass per file whatever the number of needles: at 10,000 articles there are hundreds of
  // non-public stories and tens of thousands of files, and an includes() per needle took minutes.
  const find = matcher(needles.map((n) => n.text));
  const leaks: string[] = [];
  let scanned = 0;
  for (const root of servedRoots(distDir)) {
    for (const file of files(root.dir, root.served)) {
      // A route's own file name may contain a slug only if the story was prerendered — that is a leak too.
      const name = path.relative(distDir, file);
      const body = fs.readFileSync(file); // bytes: the matcher needs no decoding
      scanned++;
      // The editors' desk and shared preview links show drafts: they must render per request, never be in the output.
      if (PER_REQUEST_ONLY.test(name) && root.dir.endsWith(`${path.sep}app`)) leaks.push(`${name}: a page of the desk or a preview link, prerendered`);
      const hits = new Set([...find.findIn(name), ...find.findIn(body)]);
      for (const i of [...hits].sort((a, b) => a - b)) {
        const n = needles[i]!;
        leaks.push(`${name}: ${n.what} of ${n.story} (not public)`);
      }
    }
  }
  return { leaks, scanned, hidden: hidden.length };
}
