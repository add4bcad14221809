/*
 * Click depth of a running server: every public story its sitemap names,
 * and how many clicks each is from the front page by the links its pages
 * render (tools/click-depth.ts). Start a server first (under the heavy lock):
 *   npx tsx bench/click-depth.ts [ORIGIN] [--clicks=4]
 * Prints the pages fetched, the deepest story and any story beyond the budget; exits 1 if one is.
 */
import { beyond, clickDepths, deepest, sitemapStories } from "../tools/click-depth";
import { args, log } from "./lib";

const options = args();
const origin = process.argv.slice(2).find((a) => /^https?:/.test(a)) ?? "http://127.0.0.1:3000";
const clicks = Number(options.get("clicks") ?? 4);

async function main() {
  const started = performance.now();
  const stories = await sitemapStories(origin);
  log(`${stories.length} public stories in the sitemap`);
  const { depths, fetched, errors } = await clickDepths(origin, { maxDepth: clicks, sameOrigins: ["https://interbellumnews.com"] });
  const far = beyond(depths, stories, clicks);
  const histogram = new Map<number, number>();
  for (const s of stories) if (depths.has(s)) histogram.set(depths.get(s)!, (histogram.get(depths.get(s)!) ?? 0) + 1);
  log(`${fetched} pages fetched in ${((performance.now() - started) / 1000).toFixed(1)} s; ${errors.size} errors`);
  log(`stories by clicks: ${[...histogram].sort(([a], [b]) => a - b).map(([d, n]) => `${d}: ${n}`).join(", ")}`);
  log(`deepest story: ${deepest(depths, stories)} clicks; beyond ${clicks}: ${far.length}`);
  for (const { path, depth } of far.slice(0, 20)) log(`  ${path} ${depth ?? "not reached"}`);
  if (far.length) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
