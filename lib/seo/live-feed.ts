import { Feed } from "feed";
import { getArticle, getSite, isLive, isPublic, visibleUpdates, type Article, type SiteSettings } from "../content";
import { renderMarkdown } from "../render/markdown";
import { ICON_PATH, LOGO_PATH, absolute, authorPath, liveFeedPath, updatePath } from "../paths";
import { FEED_CONTENT_TYPE, escapeHtml } from "./feeds";

/*
 * A live story's updates as an Atom feed (`<story>/live.xml`), built with the
 * `feed` library: for feed readers, and for the page's own script
 * (public/live-updates.js), which polls it and shows new entries without a
 * reload. Each entry's id is the update's permalink, so the script knows the
 * update by its anchor. While the coverage runs the feed carries the category
 * `live`; a feed without it tells the script to stop.
 */

/** The newest updates the feed carries. */
export const LIVE_FEED_SIZE = 50;

/** The feed category of a live story whose coverage is running. */
export const LIVE_CATEGORY = "live";
/** The entry category of an update marked key. */
export const KEY_CATEGORY = "key";

/**
 * The Atom feed of `article`'s updates public at `now`, newest first. `updated`
 * is the newest update's time (the coverage's start before any), so an
 * unchanged feed is byte-for-byte the same between regenerations.
 */
export function buildLiveFeed(site: SiteSettings, article: Article, now: Date): string {
  const abs = (path: string) => absolute(site.origin, path);
  const updates = visibleUpdates(article, now).slice(0, LIVE_FEED_SIZE);
  const self = abs(liveFeedPath(article.path));
  const feed = new Feed({
    id: self,
    link: abs(article.path),
    title: `${article.title}: live updates | ${site.name}`,
    description: article.standfirst,
    language: site.language,
    updated: updates[0]?.time ?? article.live?.start ?? article.publishedAt,
    image: abs(LOGO_PATH),
    favicon: abs(ICON_PATH),
    copyright: `© ${site.name}`,
    generator: false,
    feedLinks: { atom: self },
  });
  if (isLive(article, now)) feed.addCategory(LIVE_CATEGORY);
  for (const update of updates) {
    const permalink = abs(updatePath(article.path, update.id));
    feed.addItem({
      id: permalink,
      link: permalink,
      // The library marks titles as HTML (type="html"): escape the plain text.
      title: escapeHtml(update.title),
      // "]]>" would end the library's CDATA section early; "]]&gt;" means the same in HTML.
      content: renderMarkdown(update.body, site.origin).replaceAll("]]>", "]]&gt;"),
      date: update.time,
      published: update.time,
      author: article.authors.map((a) => ({ name: a.name, link: abs(authorPath(a.slug)) })),
      ...(update.key ? { category: [{ term: KEY_CATEGORY, name: "Key event" }] } : {}),
    });
  }
  return feed.atom1();
}

/**
 * The served feed of the story at /`section`/`slug`: a public live story's
 * updates, or a 404 for anything else (unknown, not public, not live).
 */
export function liveFeedResponse(section: string, slug: string, now: Date): Response {
  const article = getArticle(slug);
  if (!article || article.section.slug !== section || !article.live || !isPublic(article, now)) {
    return new Response("Not found", { status: 404 });
  }
  return new Response(buildLiveFeed(getSite(), article, now), { headers: { "Content-Type": FEED_CONTENT_TYPE.atom } });
}
