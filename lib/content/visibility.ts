/**
 * The one rule for "may the public see this story now?". Every public surface
 * (pages, lists, feeds, sitemaps, search, related stories, static params) asks
 * this function; only Draft Mode bypasses it.
 *
 * @example
 * isPublic({ status: "published", publishedAt: new Date("2025-05-08T12:00:00Z") }, new Date()) // true
 * isPublic({ status: "draft", publishedAt: new Date("2025-05-08T12:00:00Z") }, new Date())     // false
 */
export function isPublic(
  article: { status: string; publishedAt: Date },
  now: Date,
): boolean {
  return article.status === "published" && article.publishedAt.getTime() <= now.getTime();
}

/**
 * A story the editors withdrew after it went out: its address answers 410 Gone
 * with the retraction note instead of a 404. A story retracted before its
 * publication time was never public, so it stays an ordinary 404.
 *
 * @example
 * isRetracted({ status: "retracted", publishedAt: new Date("2025-05-08T12:00:00Z") }, new Date()) // true
 */
export function isRetracted(
  article: { status: string; publishedAt: Date },
  now: Date,
): boolean {
  return article.status === "retracted" && article.publishedAt.getTime() <= now.getTime();
}

type Coverage = { live?: { start: Date; end: Date | undefined } };

/**
 * A live story whose coverage is running at `now`: started, and not ended (or
 * open, with no end). Pages show the "Live" label and load the live-updates
 * script only then. Says nothing about whether the story itself is public.
 *
 * @example
 * isLive({ live: { start: new Date("2025-05-09T12:00:00Z"), end: undefined } }, new Date("2025-05-09T13:00:00Z")) // true
 * isLive({ live: { start: new Date("2025-05-09T12:00:00Z"), end: new Date("2025-05-09T18:00:00Z") } }, new Date("2025-05-10T00:00:00Z")) // false
 */
export function isLive(article: Coverage, now: Date): boolean {
  const live = article.live;
  return !!live && live.start.getTime() <= now.getTime() && (!live.end || now.getTime() < live.end.getTime());
}

/**
 * The updates of a live story the public may see at `now`: those whose time
 * has come, newest first. An update written for a later time appears nowhere
 * public — page, feed, structured data, search — until then. Ask isPublic
 * about the story first.
 *
 * @example
 * visibleUpdates(story, new Date("2025-05-09T14:10:00Z")) // the updates timed 14:10 or earlier
 */
export function visibleUpdates<U extends { time: Date }>(article: { live?: { updates: U[] } }, now: Date): U[] {
  return (article.live?.updates ?? []).filter((u) => u.time.getTime() <= now.getTime());
}
