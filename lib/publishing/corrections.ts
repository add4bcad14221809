import { getSite, publicCorrections, type CorrectionEntry } from "../content";
import { CORRECTIONS_PATH } from "../paths";
import { paginate, type Page } from "./pagination";
import { prerenderListingPages } from "./prerender";

/*
 * /corrections: every correction of the public stories, newest first, paged
 * like the fronts (`pageSize` a page, /corrections/page/<n>).
 */

/** Page `page` of the corrections, or undefined past the end (page 1 always exists, even empty). */
export function correctionsPage(page: number, now: Date): Page<CorrectionEntry> | undefined {
  return paginate(publicCorrections(now), page, getSite().pageSize, CORRECTIONS_PATH);
}

/** The page numbers (≥ 2) the list has now, up to `upTo`, for static params; deeper pages render on first request. */
export function extraCorrectionsPages(now: Date, upTo: number = prerenderListingPages()): number[] {
  const total = Math.min(upTo, Math.ceil(publicCorrections(now).length / getSite().pageSize));
  return Array.from({ length: Math.max(0, total - 1) }, (_, i) => i + 2);
}
