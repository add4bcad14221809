import type { Corpus } from "./content";

/**
 * The next moment after `now` at which a published story becomes public, or
 * undefined when nothing is scheduled.
 *
 * @example
 * nextPublication(corpus, new Date("2025-05-08T00:00:00Z")) // Date of the earliest later publishedAt
 */
export function nextPublication(corpus: Pick<Corpus, "articles">, now: Date): Date | undefined {
  let next: number | undefined;
  for (const a of corpus.articles) {
    const t = a.publishedAt.getTime();
    if (a.status === "published" && t > now.getTime() && (next === undefined || t < next)) next = t;
  }
  return next === undefined ? undefined : new Date(next);
}

/** setTimeout cannot wait longer than 2^31-1 ms (about 24.8 days); longer waits are re-armed. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
