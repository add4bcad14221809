import type { Article, Corpus } from "./content";
import { isPublic } from "./visibility";

/*
 * Related stories: one pure function over the corpus index.
 *
 * Order: editor pins first (in the editor's order), then stories ranked by
 * the topics they share with the article, each shared topic weighted by its
 * rarity (inverse document frequency: a topic on few stories says more than
 * one on many), then same section, then newest, then slug so the order is
 * always the same. Only stories sharing at least one topic (or pinned) are
 * candidates, so the cost is proportional to the stories sharing a topic with
 * the article, not to the corpus.
 */

export type RelatedIndex = Pick<Corpus, "bySlug" | "byTag"> & { total: number };

export const RELATED_LIMIT = 4;

export function relatedStories(
  article: Article,
  index: RelatedIndex,
  now: Date,
  limit: number = RELATED_LIMIT,
): Article[] {
  const eligible = (a: Article | undefined): a is Article =>
    a !== undefined && a.slug !== article.slug && isPublic(a, now);

  const out: Article[] = [];
  const seen = new Set<string>([article.slug]);
  for (const slug of article.related) {
    const pinned = index.bySlug.get(slug);
    if (out.length < limit && eligible(pinned) && !seen.has(slug)) {
      out.push(pinned);
      seen.add(slug);
    }
  }
  if (out.length >= limit) return out;

  const scores = new Map<Article, number>();
  for (const tag of article.tags) {
    const withTag = index.byTag.get(tag.slug) ?? [];
    // log(1 + N/df) stays positive, so even a topic on every story still relates.
    const weight = Math.log(1 + index.total / Math.max(1, withTag.length));
    for (const other of withTag) {
      if (seen.has(other.slug) || !eligible(other)) continue;
      scores.set(other, (scores.get(other) ?? 0) + weight);
    }
  }

  const ranked = [...scores].sort(([a, sa], [b, sb]) => {
    if (Math.abs(sb - sa) > 1e-9) return sb - sa;
    const sameA = a.section.slug === article.section.slug ? 1 : 0;
    const sameB = b.section.slug === article.section.slug ? 1 : 0;
    if (sameA !== sameB) return sameB - sameA;
    return b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug);
  });
  for (const [other] of ranked) {
    if (out.length >= limit) break;
    out.push(other);
  }
  return out;
}
