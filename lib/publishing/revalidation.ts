import { revalidatePath } from "next/cache";
import { reloadCorpus } from "../content";

/*
 * Refreshing a running deployment after content changed or a scheduled story
 * came due: the corpus is read again, then everything under the root — every
 * page and every route handler (feeds, sitemaps, cards) — is marked stale, so
 * the next request to each renders fresh. A corpus that no longer validates
 * throws before anything is invalidated, and the previous one stays in service.
 */

export function revalidateEverything(): { articles: number; paths: string[] } {
  const corpus = reloadCorpus();
  revalidatePath("/", "layout");
  return { articles: corpus.articles.length, paths: ["/ (layout: every page)"] };
}
