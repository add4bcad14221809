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
