import { revalidatePath } from "next/cache";
import { contentReloaderSlot, fleetSlot, type FleetReach } from "../../server/fleet-contract.mjs";
import { getCorpus, reloadCorpus } from "../content";
import { armScheduler } from "./publication-timer";
import { prepareSearch } from "./search";

/*
 * Refreshing a running deployment after content changed or a scheduled story
 * came due: the corpus is read again, then everything under the root — every
 * page and every route handler (feeds, sitemaps, cards) — is marked stale, so
 * the next request to each renders fresh. A corpus that no longer validates
 * throws before anything is invalidated, and the previous one stays in service.
 *
 * In a fleet (REDIS_URL, server/fleet.mjs) the instance that receives the
 * publish tells every other one, waits until they have reloaded, and only then
 * lets the shared cache forget its pages, once.
 */

/** Reloads this instance's content: corpus, search index, publication timer. */
export function reloadContent(): { articles: number } {
  const corpus = reloadCorpus();
  // Now, not on a reader's first search (seconds at 10,000 stories).
  prepareSearch();
  armScheduler();
  return { articles: corpus.articles.length };
}

/** Lets the fleet reload this instance when another one announces a publish. */
export function publishContentReloader(): void {
  contentReloaderSlot.set(() => void reloadContent());
}

export type Revalidation = { articles: number; paths: string[]; fleet?: FleetReach };

/**
 * Reloads the content and revalidates every page. In a fleet, the other
 * instances reload first; when Redis cannot be reached this instance has
 * still reloaded its own content and pages, and FleetUnavailableError says the
 * rest of the fleet was not told.
 */
export async function revalidateEverything(): Promise<Revalidation> {
  const { articles } = reloadContent();
  const fleet = fleetSlot.get();
  let reach: FleetReach | undefined;
  try {
    reach = fleet ? await fleet.announceContentChange() : undefined;
  } finally {
    revalidatePath("/", "layout");
  }
  return { articles, paths: ["/ (layout: every page)"], ...(reach ? { fleet: reach } : {}) };
}

/** Whether this instance's content is loaded (health checks). */
export function contentLoaded(): boolean {
  try {
    getCorpus();
    return true;
  } catch {
    return false;
  }
}
