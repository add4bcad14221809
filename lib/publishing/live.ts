import { getCorpus, isLive, isPublic, type Corpus } from "../content";
import { liveFeedPath } from "../paths";
import { liveAddressesSlot } from "../../server/live-cache.mjs";

/*
 * What live coverage asks of the running server: the moments at which a live
 * story changes without anyone publishing (coverage starts or ends, an update
 * written for a later time comes due), so the publication timer revalidates
 * then; and which addresses are live now, so the server sends them with a
 * short Cache-Control (server/live-cache.mjs).
 */

/**
 * The next moment after `now` at which a published live story changes by
 * itself: its coverage starts or ends, or one of its updates comes due.
 *
 * @example
 * nextLiveChange(corpus, new Date("2025-05-09T12:00:00Z")) // Date of the next update, start or end after noon
 */
export function nextLiveChange(corpus: Pick<Corpus, "live">, now: Date): Date | undefined {
  let next: number | undefined;
  const consider = (t: number) => {
    if (t > now.getTime() && (next === undefined || t < next)) next = t;
  };
  for (const article of corpus.live) {
    if (article.status !== "published" || !article.live) continue;
    consider(article.live.start.getTime());
    if (article.live.end) consider(article.live.end.getTime());
    for (const update of article.live.updates) consider(update.time.getTime());
  }
  return next === undefined ? undefined : new Date(next);
}

/**
 * Whether `pathname` is the page or the update feed of a public story whose
 * coverage is live at `now`.
 *
 * @example
 * isLiveAddress("/world/summit-live/live.xml", corpus, now) // true while the summit is live
 */
export function isLiveAddress(pathname: string, corpus: Pick<Corpus, "bySlug">, now: Date): boolean {
  // Both addresses are /<section>/<slug>[/…]: the slug is the second segment.
  const article = corpus.bySlug.get(pathname.split("/")[2] ?? "");
  if (!article || !isLive(article, now) || !isPublic(article, now)) return false;
  return pathname === article.path || pathname === liveFeedPath(article.path);
}

/** Hands the server the live-address test over the corpus in service (reloaded by /api/revalidate). */
export function publishLiveAddresses() {
  liveAddressesSlot.set((pathname) => {
    try {
      return isLiveAddress(pathname, getCorpus(), new Date());
    } catch {
      // A corpus that cannot be read: the page says so; its headers stay as Next.js made them.
      return false;
    }
  });
}
