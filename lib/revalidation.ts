import { revalidatePath } from "next/cache";
import { reloadCorpus } from "./content";

/*
 * Refreshing a running deployment after content changed or a scheduled story
 * came due: the corpus is read again, then every page (all pages hang off the
 * root layout) and every route handler that lists stories is marked stale, so
 * the next request to each renders fresh. A corpus that no longer validates
 * throws before anything is invalidated, and the previous one stays in service.
 */

/** Route handlers outside the layout tree that list stories. */
export const LISTING_ROUTE_HANDLERS: string[] = [];

export function revalidateEverything(): { articles: number; paths: string[] } {
  const corpus = reloadCorpus();
  revalidatePath("/", "layout");
  for (const path of LISTING_ROUTE_HANDLERS) revalidatePath(path);
  return { articles: corpus.articles.length, paths: ["/ (layout: every page)", ...LISTING_ROUTE_HANDLERS] };
}
