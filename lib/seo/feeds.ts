import { Feed, type Item } from "feed";
import {
  articleBody,
  getCorpus,
  getSection,
  getSite,
  latestPublic,
  modifiedAt,
  publicCorrections,
  type Article,
  type CorrectionEntry,
  type Section,
  type SiteSettings,
} from "../content";
import { renderMarkdown } from "../render/markdown";
import { listingDescription } from "./metadata";
import {
  CORRECTIONS_PATH,
  HOME_PATH,
  ICON_PATH,
  LOGO_PATH,
  absolute,
  authorPath,
  correctionPath,
  feedPath,
  listFeedPath,
  sectionPath,
  topicPath,
} from "../paths";

/*
 * RSS 2.0 and Atom feeds of the newest public stories, built with the `feed`
 * library. Callers pass articles already filtered by isPublic (latestPublic);
 * this module only shapes them.
 */

export const FEED_SIZE = 50;

export type FeedKind = "rss" | "atom";

export const FEED_CONTENT_TYPE: Record<FeedKind, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

const MIME: Record<string, string> = { jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp", avif: "image/avif" };

/** @example imageType("/images/a.jpg") // "image/jpeg" */
export function imageType(src: string): string {
  return MIME[src.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";
}

/** A list with a feed of its own other than a section: a topic, an author, the corrections. */
export type FeedChannel = {
  /** The list's page 1, e.g. `/topic/russia`: the feed's link and id; its feeds live under it. */
  path: string;
  /** The list's own name; the feed is titled `<name> | <site>`. */
  name: string;
  description: string;
};

/** The feed element itself, without items: the site's, a section's or another list's. */
function newFeed(kind: FeedKind, site: SiteSettings, channel: FeedChannel | undefined, updated: Date | undefined): Feed {
  const abs = (path: string) => absolute(site.origin, path);
  const home = abs(channel ? channel.path : HOME_PATH);
  const feedAt = (k: FeedKind) => abs(channel ? listFeedPath(k, channel.path) : feedPath(k));
  const description = channel ? channel.description : site.description;
  return new Feed({
    id: home,
    link: home,
    title: channel ? `${channel.name} | ${site.name}` : site.name,
    // RSS readers render a channel's description as HTML, as they do an item's: escape the plain text.
    // Atom's subtitle is typed text and stays as it is.
    description: kind === "rss" ? escapeHtml(description) : description,
    language: site.language,
    updated: updated ?? new Date(0),
    image: abs(LOGO_PATH),
    favicon: abs(ICON_PATH),
    copyright: `© ${site.name}`,
    generator: false,
    feedLinks: { rss: feedAt("rss"), atom: feedAt("atom") },
    ttl: kind === "rss" ? 5 : undefined,
  });
}

function serialize(kind: FeedKind, feed: Feed): string {
  if (kind === "rss") return feed.rss2();
  // The library types Atom enclosures by file extension ("image/jpg"); give them their registered type.
  return feed.atom1().replace(/(<link rel="enclosure"[^>]*? )type="image\/jpg"/g, '$1type="image/jpeg"');
}

/**
 * The feed of `articles` (newest first) for the whole site, one section, or
 * another list (`channel`: a topic, an author). `updated` is the newest
 * story's last change, so an unchanged feed is byte-for-byte the same between
 * regenerations.
 */
export function buildFeed(
  kind: FeedKind,
  { site, section, channel, articles }: { site: SiteSettings; section?: Section; channel?: FeedChannel; articles: Article[] },
): string {
  const list = channel ?? (section ? { path: sectionPath(section.slug), name: section.name, description: section.description } : undefined);
  const newest = articles.reduce<Date | undefined>((max, a) => {
    const changed = modifiedAt(a);
    return !max || changed > max ? changed : max;
  }, undefined);
  const feed = newFeed(kind, site, list, newest);
  for (const article of articles) feed.addItem(item(kind, site, article));
  return serialize(kind, feed);
}

/**
 * Plain text for a field feed readers parse as HTML.
 *
 * @example
 * escapeHtml("Q&A: <b>") // "Q&amp;A: &lt;b&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function item(kind: FeedKind, site: SiteSettings, article: Article): Item {
  const abs = (path: string) => absolute(site.origin, path);
  const url = abs(article.path);
  const byline = article.authors.map((a) => a.name).join(", ");
  return {
    // No id: the link is then the RSS guid (isPermaLink) and the Atom id.
    link: url,
    // The library marks titles and summaries as HTML (Atom type="html"; RSS readers assume it): escape the plain text.
    title: escapeHtml(article.title),
    description: escapeHtml(article.standfirst),
    // Full text; "]]>" would end the library's CDATA section early, and "]]&gt;" means the same in HTML.
    content: renderMarkdown(articleBody(article), site.origin).replaceAll("]]>", "]]&gt;"),
    date: modifiedAt(article),
    published: article.publishedAt,
    category: [
      { name: article.section.name, domain: abs(sectionPath(article.section.slug)), scheme: abs(sectionPath(article.section.slug)), term: article.section.name },
      ...article.tags.map((t) => ({ name: t.name, domain: abs(topicPath(t.slug)), scheme: abs(topicPath(t.slug)), term: t.name })),
    ],
    enclosure: {
      url: abs(article.image.src),
      type: imageType(article.image.src),
      length: article.image.bytes,
      // RSS's <enclosure> has no title attribute; Atom's enclosure link does.
      ...(kind === "atom" ? { title: article.image.alt } : {}),
    },
    // RSS's <author> must be an e-mail address, so names go in <dc:creator>; Atom has <author><name>.
    ...(kind === "rss"
      ? { extensions: [{ name: "dc:creator", objects: { _text: byline } }] }
      : { author: article.authors.map((a) => ({ name: a.name, link: abs(authorPath(a.slug)) })) }),
  };
}

/**
 * The served feed: the newest public stories of the site or of one section
 * (undefined for an unknown section). Routes call this at (re)generation time.
 */
export function feedResponse(kind: FeedKind, sectionSlug: string | undefined, now: Date): Response {
  const site = getSite();
  const section = sectionSlug === undefined ? undefined : getSection(sectionSlug);
  if (sectionSlug !== undefined && !section) return new Response("Not found", { status: 404 });
  const list = section ? getCorpus().bySection.get(section.slug) ?? [] : undefined;
  const articles = latestPublic(now, { limit: FEED_SIZE, list });
  return new Response(buildFeed(kind, { site, section, articles }), {
    headers: { "Content-Type": FEED_CONTENT_TYPE[kind] },
  });
}

const notFound = () => new Response("Not found", { status: 404 });

/**
 * The served feed of a topic or an author front: the list as the front has it
 * (lib/publishing/listings.ts findListing, public stories newest first), or a
 * 404 where the front is one (undefined).
 */
export function listingFeedResponse(
  kind: FeedKind,
  listing: { base: string; name: string; description: string | undefined; articles: Article[] } | undefined,
): Response {
  if (!listing) return notFound();
  const site = getSite();
  const channel = { path: listing.base, name: listing.name, description: listingDescription(site, listing) };
  return new Response(buildFeed(kind, { site, channel, articles: listing.articles.slice(0, FEED_SIZE) }), {
    headers: { "Content-Type": FEED_CONTENT_TYPE[kind] },
  });
}

/** The corrections feeds' title, description and page (`/corrections`). */
export function correctionsChannel(site: SiteSettings): FeedChannel {
  return {
    path: CORRECTIONS_PATH,
    name: "Corrections",
    description: `Every correction ${site.name} has published to its stories, newest first.`,
  };
}

/**
 * The feed of corrections (`entries` newest first, already public only): one
 * item per correction, linking to it in its story's corrections box, dated
 * when it was made.
 */
export function buildCorrectionsFeed(kind: FeedKind, { site, entries }: { site: SiteSettings; entries: CorrectionEntry[] }): string {
  const feed = newFeed(kind, site, correctionsChannel(site), entries[0]?.correction.date);
  for (const { article, correction, number } of entries) {
    const section = absolute(site.origin, sectionPath(article.section.slug));
    feed.addItem({
      // The link (unique per correction through its fragment) is the RSS guid and the Atom id.
      link: absolute(site.origin, correctionPath(article.path, number)),
      title: escapeHtml(`Correction: ${article.title}`),
      description: escapeHtml(correction.text),
      date: correction.date,
      published: correction.date,
      category: [{ name: article.section.name, domain: section, scheme: section, term: article.section.name }],
    });
  }
  return serialize(kind, feed);
}

/** /corrections/feed.xml and /corrections/atom.xml: the newest FEED_SIZE corrections of public stories. */
export function correctionsFeedResponse(kind: FeedKind, now: Date): Response {
  const entries = publicCorrections(now).slice(0, FEED_SIZE);
  return new Response(buildCorrectionsFeed(kind, { site: getSite(), entries }), {
    headers: { "Content-Type": FEED_CONTENT_TYPE[kind] },
  });
}
