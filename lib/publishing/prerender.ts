import { latestPublic, type Article } from "../content";

/*
 * What `next build` prerenders. The rest render on their first request and are
 * then cached like prerendered pages (ISR), so a 10,000-story archive builds in
 * minutes: readers mostly ask for recent stories, and an old one costs one
 * render once (docs/decisions/0004-prerender-limits.md).
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
