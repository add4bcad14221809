import { type Article, type Corpus, isPublic } from "../content";

/*
 * Related stories: one pure function over the corpus index.
 *
 * Order: editor pins first (in the editor's order), then stories ranked by
 * the topics they share with the article, each shared topic weighted by its
 * rarity (inverse document frequency: a topic on few stories says more than
 * one on many), then same section, then newest, then slug so the order is
 * always the same. Never the article itself, never a story the public cannot
 * see.
 *
 * Cost: only stories sharing a topic are candidates, read from the per-topic
 * lists built when content loads, so the cost follows the stories sharing a
 * topic with the article, not the corpus. Two things keep even a very common
 * topic (thousands of stories) cheap:
 * - a bounded top-k (k = the limit) instead of sorting every candidate;
 * - topics are scanned rarest first, and a topic's list is skipped once the
 *   k-th best score already beats anything a story found only through the
 *   remaining (commoner) topics could reach;
 * - lists are newest first, so within a list the scan stops once the k-th
 *   best beats the best any story left could be (the highest score still
 *   reachable, same section, as new as the next story in the list).
 * The result is exactly the full ranking's (a randomized test compares them);
 * an article whose topics are all common reads a few dozen stories, not the
 * thousands sharing them.
 */

export type RelatedIndex = Pick<Corpus, "bySlug" | "byTag"> & {
  /** Stories in the corpus (any status): the N of the rarity weight. */
  total: number;
};

export const RELATED_LIMIT = 4;

/** Scores closer than this are equal: sums of the same weights in another order differ in the last bits. */
const EPSILON = 1e-9;

type Ranked = { score: number; sameSection: boolean; time: number; slug: string };
type Candidate = Ranked & { article: Article };

/** The ranking: score, then same section, then newer, then slug. */
function better(a: Ranked, b: Ranked): boolean {
  if (Math.abs(a.score - b.score) > EPSILON) return a.score > b.score;
  if (a.sameSection !== b.sameSection) return a.sameSection;
  if (a.time !== b.time) return a.time > b.time;
  return a.slug < b.slug;
}

/**
 * @example
 * relatedStories(article, { ...corpus, total: corpus.articles.length }, new Date())
 * // → up to 4 public stories: pins first, then the best topic matches
 */
export function relatedStories(
  article: Article,
  index: RelatedIndex,
  now: Date,
  limit: number = RELATED_LIMIT,
  /** Benchmarks pass an object to learn how many stories were looked at. */
  probe?: { examined: number },
): Article[] {
  const out: Article[] = [];
  const seen = new Set<string>([article.slug]);
  for (const slug of article.related) {
    if (out.length >= limit) return out;
    const pinned = index.bySlug.get(slug);
    if (pinned && !seen.has(slug) && isPublic(pinned, now)) out.push(pinned);
    seen.add(slug);
  }
  const k = limit - out.length;
  if (k <= 0) return out;

  // log(1 + N/df) stays positive, so even a topic on every story still relates.
  const topics = article.tags
    .map((tag) => {
      const stories = index.byTag.get(tag.slug) ?? [];
      return { slug: tag.slug, stories, weight: Math.log(1 + index.total / Math.max(1, stories.length)) };
    })
    .sort((a, b) => b.weight - a.weight || (a.slug < b.slug ? -1 : 1));
  const weightOf = new Map(topics.map((t) => [t.slug, t.weight]));

  const candidate = (other: Article, score: number): Candidate => ({
    article: other,
    score,
    sameSection: other.section.slug === article.section.slug,
    time: other.publishedAt.getTime(),
    slug: other.slug,
  });

  /** The best k so far, best first. */
  const top: Candidate[] = [];
  // The most a story not yet seen can score: it shares none of the topics already scanned.
  let reachable = topics.reduce((sum, t) => sum + t.weight, 0);
  let examined = 0;
  scan: for (const topic of topics) {
    const reachableAfter = reachable - topic.weight;
    if (top.length === k && top[k - 1]!.score > reachable + EPSILON) break;
    for (const other of topic.stories) {
      // Lists are newest first, so no story left in this one is newer than `other`; stories
      // outside it score at most reachableAfter. Once the k-th beats both bounds, nothing can
      // displace it: stop. This ends the scan of a common topic after a few dozen stories.
      if (top.length === k) {
        const kth = top[k - 1]!;
        const bestLeft = { score: reachable, sameSection: true, time: other.publishedAt.getTime(), slug: "" };
        if (kth.score > reachableAfter + EPSILON && better(kth, bestLeft)) break scan;
      }
      examined++;
      if (seen.has(other.slug)) continue;
      seen.add(other.slug);
      if (!isPublic(other, now)) continue;
      // The full score, from every topic the two share: later lists need not be read to finish it.
      let score = 0;
      for (const tag of other.tags) score += weightOf.get(tag.slug) ?? 0;
      const c = candidate(other, score);
      if (top.length === k && !better(c, top[k - 1]!)) continue;
      let i = top.length;
      while (i > 0 && better(c, top[i - 1]!)) i--;
      top.splice(i, 0, c);
      if (top.length > k) top.pop();
    }
    reachable = reachableAfter;
  }
  if (probe) probe.examined += examined;

  for (const { article: story } of top) out.push(story);
  return out;
}
