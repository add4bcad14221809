import { derived } from "./queries";
import { getCorpus } from "./store";
import type { Article, Correction, Corpus } from "./types";
import { isPublic, visibleUpdates } from "./visibility";

/*
 * Corrections as the public surfaces read them: a story's last change (its
 * update or its latest correction), and every correction of the public
 * stories, newest first, for /corrections and its feeds.
 */

/**
 * When a story last changed: the latest of its publication, `updatedAt` and
 * its corrections, and, given `now`, of a live story's updates public at `now`.
 * What dateModified, og:modified_time, feed entries and sitemaps say.
 *
 * @example
 * modifiedAt({ publishedAt: new Date("2025-05-08T12:00:00Z"), updatedAt: undefined,
 *   corrections: [{ date: new Date("2025-05-09T08:00:00Z"), text: "…" }] }) // 2025-05-09T08:00:00Z
 */
export function modifiedAt(article: Pick<Article, "publishedAt" | "updatedAt" | "corrections" | "live">, now?: Date): Date {
  let latest = article.updatedAt && article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt;
  for (const c of article.corrections) if (c.date > latest) latest = c.date;
  // A live story changes with every update the public can see: crawlers are told by its lastmod and modified time.
  if (now && article.live) for (const u of visibleUpdates(article, now)) if (u.time > latest) latest = u.time;
  return latest;
}

/**
 * The story's latest correction, or undefined when it has none.
 *
 * @example
 * latestCorrection({ corrections: [] }) // undefined
 */
export function latestCorrection(article: Pick<Article, "corrections">): Correction | undefined {
  // Corrections are kept oldest first (load.ts).
  return article.corrections.at(-1);
}

/** One correction in the list of all corrections: its story and its number there (1 = the oldest). */
export type CorrectionEntry = { article: Article; correction: Correction; number: number };

// Every correction of a corpus, whatever its story's status, sorted once per version of the corpus.
function allCorrections(corpus: Pick<Corpus, "articles"> & { version?: number }): CorrectionEntry[] {
  return derived(corpus, "corrections", () => {
    const list = corpus.articles.flatMap((article) => article.corrections.map((correction, i) => ({ article, correction, number: i + 1 })));
    // Newest first; then the newer story, then the later correction of one story, so the order never changes between builds.
    list.sort(
      (a, b) =>
        b.correction.date.getTime() - a.correction.date.getTime() ||
        b.article.publishedAt.getTime() - a.article.publishedAt.getTime() ||
        (a.article.slug < b.article.slug ? -1 : a.article.slug > b.article.slug ? 1 : b.number - a.number),
    );
    return list;
  });
}

/**
 * Every correction of a story the public can see now, newest first. Drafts',
 * scheduled and retracted stories' corrections are never among them.
 */
export function publicCorrections(now: Date, corpus: Pick<Corpus, "articles"> = getCorpus()): CorrectionEntry[] {
  return allCorrections(corpus).filter((entry) => isPublic(entry.article, now));
}
