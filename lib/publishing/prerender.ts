import { authorArticles, getCorpus, latestPublic, topicArticles, type Article } from "../content";
import type { ListingKind } from "./listings";

/*
 * What `next build` prerenders: a number of pages that does not grow with the
 * archive. The rest render on their first request and are then cached like
 * prerendered pages (ISR), so a 100,000-story archive builds in minutes:
 * readers mostly ask for recent stories and busy fronts, and an old story or a
 * quiet topic costs one render once (docs/decisions/0004-prerender-limits.md).
 */

/** How many of the newest public articles a build prerenders (`PRERENDER_ARTICLES`: a whole number, or `all`). */
export const DEFAULT_PRERENDER_ARTICLES = 1000;

/**
 * @example
 * prerenderLimit("250") // 250
 * prerenderLimit("all") // Infinity
 */
export function prerenderLimit(value: string | undefined = process.env.PRERENDER_ARTICLES): number {
  return prerenderSetting("PRERENDER_ARTICLES", value, DEFAULT_PRERENDER_ARTICLES, 0);
}

/**
 * How many pages of each section, topic and author front a build prerenders
 * (page 1 always is): deep archive pages few open render on first request.
 * `PRERENDER_LISTING_PAGES`: a whole number from 1, or `all`.
 */
export const DEFAULT_PRERENDER_LISTING_PAGES = 2;

export function prerenderListingPages(value: string | undefined = process.env.PRERENDER_LISTING_PAGES): number {
  return prerenderSetting("PRERENDER_LISTING_PAGES", value, DEFAULT_PRERENDER_LISTING_PAGES, 1);
}

/**
 * How many topic fronts, and how many author fronts, a build prerenders (each with its feeds and
 * first pages): those with the most public stories. A ten-year archive has over a thousand topics
 * and hundreds of authors; the quiet ones render on first request. `PRERENDER_FRONTS`: a whole
 * number from 0, or `all`.
 */
export const DEFAULT_PRERENDER_FRONTS = 100;

export function prerenderFronts(value: string | undefined = process.env.PRERENDER_FRONTS): number {
  return prerenderSetting("PRERENDER_FRONTS", value, DEFAULT_PRERENDER_FRONTS, 0);
}

function prerenderSetting(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  if (value.trim().toLowerCase() === "all") return Infinity;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`${name} must be a whole number from ${min}, or "all", not ${JSON.stringify(value)}`);
  }
  return n;
}

/** The articles to prerender at build time: the newest public ones, at most prerenderLimit(). */
export function articlesToPrerender(now: Date, limit: number = prerenderLimit()): Article[] {
  return latestPublic(now, { limit });
}

/**
 * The fronts of a kind to prerender: every section (there are few, and each is on every page's
 * menu); of topics and authors, the `limit` with the most public stories now, busiest first (then
 * by slug). A topic or author without a public story is left to render on request, when it has one.
 */
export function frontsToPrerender(kind: ListingKind, now: Date, limit: number = prerenderFronts()): string[] {
  const corpus = getCorpus();
  if (kind === "section") return corpus.sections.map((s) => s.slug);
  const count = kind === "topic" ? (slug: string) => topicArticles(slug, now).length : (slug: string) => authorArticles(slug, now).length;
  return (kind === "topic" ? corpus.topics : corpus.authors)
    .map((t) => ({ slug: t.slug, stories: count(t.slug) }))
    .filter((t) => t.stories > 0)
    .sort((a, b) => b.stories - a.stories || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .slice(0, limit)
    .map((t) => t.slug);
}
