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
