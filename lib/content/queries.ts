import { getCorpus } from "./store";
import type { Article, Author, Corpus, Section, SiteSettings, Topic } from "./types";
import { isPublic } from "./visibility";

/*
 * What pages ask of the corpus. Lists are newest first and pass through
 * isPublic, so a page costs its own items plus the non-public ones skipped.
 */

export function getSite(): SiteSettings {
  return getCorpus().site;
}

/** Sections in navigation order. */
export function getSections(): Section[] {
  return getCorpus().sections;
}

export function getSection(slug: string): Section | undefined {
  return getCorpus().sections.find((s) => s.slug === slug);
}

/** An article by slug, whatever its status: callers decide visibility. */
export function getArticle(slug: string): Article | undefined {
  return getCorpus().bySlug.get(slug);
}

export function getTopic(slug: string): Topic | undefined {
  return getCorpus().topics.find((t) => t.slug === slug);
}

export function getAuthor(slug: string): Author | undefined {
  return getCorpus().authors.find((a) => a.slug === slug);
}

/**
 * Public articles, newest first, from `list` (default: the whole corpus),
 * skipping those in `exclude`, at most `limit`. Lists are newest first, so the
 * cost is the items returned plus the non-public ones passed on the way.
 */
export function latestPublic(
  now: Date,
  { limit = Infinity, list, exclude }: { limit?: number; list?: Article[]; exclude?: (a: Article) => boolean } = {},
): Article[] {
  const out: Article[] = [];
  for (const article of list ?? getCorpus().articles) {
    if (out.length >= limit) break;
    if (isPublic(article, now) && !exclude?.(article)) out.push(article);
  }
  return out;
}

/** Public articles of a section, newest first. */
export function sectionArticles(sectionSlug: string, now: Date, limit?: number): Article[] {
  return latestPublic(now, { list: getCorpus().bySection.get(sectionSlug) ?? [], limit });
}

/** Public articles on a topic, newest first. */
export function topicArticles(topicSlug: string, now: Date): Article[] {
  return latestPublic(now, { list: getCorpus().byTag.get(topicSlug) ?? [] });
}

/** Public articles by an author, newest first. */
export function authorArticles(authorSlug: string, now: Date): Article[] {
  return latestPublic(now, { list: getCorpus().byAuthor.get(authorSlug) ?? [] });
}

/**
 * "More stories" under an article: the newest public stories of its section,
 * then the newest from elsewhere, never the article itself.
 */
export function moreStories(article: Article, now: Date, limit: number): Article[] {
  const notThis = (a: Article) => a.slug === article.slug;
  const same = latestPublic(now, { list: getCorpus().bySection.get(article.section.slug) ?? [], limit, exclude: notThis });
  if (same.length >= limit) return same;
  const taken = new Set(same.map((a) => a.slug));
  return same.concat(latestPublic(now, { limit: limit - same.length, exclude: (a) => notThis(a) || taken.has(a.slug) }));
}


const memos = new WeakMap<object, Map<string, { version: number; value: unknown }>>();

/**
 * A value computed from the corpus, kept until the corpus changes (a publish
 * changes the corpus in place and moves its version on).
 *
 * @example
 * derived(corpus, "drafts", () => corpus.articles.filter((a) => a.status === "draft"))
 */
export function derived<T>(corpus: Pick<Corpus, "articles"> & { version?: number }, key: string, compute: () => T): T {
  let values = memos.get(corpus);
  if (!values) memos.set(corpus, (values = new Map()));
  const version = corpus.version ?? 0;
  const kept = values.get(key);
  if (kept && kept.version === version) return kept.value as T;
  const value = compute();
  values.set(key, { version, value });
  return value;
}
