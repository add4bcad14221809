import type { Metadata } from "next";
import { modifiedAt, type Article, type Section, type SiteSettings } from "../content";
import { absolute, articleCardPath, authorPath, feedPath, listFeedPath, liveFeedPath, sectionCardPath, siteCardPath } from "../paths";

/*
 * Metadata API values for every page type, built from the site settings and
 * the content, so each page file only says which builder it uses.
 *
 * Next.js merges metadata shallowly: a page that sets `openGraph` or
 * `alternates` replaces the layout's whole object. So each builder returns
 * complete objects (Open Graph, Twitter card, canonical plus feed links),
 * never a partial one that would silently drop the layout's fields.
 */

export const OG_IMAGE = { width: 1200, height: 630, type: "image/png" } as const;

/** Crawlers may show large image previews and full snippets. */
export const ROBOTS = {
  index: true,
  follow: true,
  "max-image-preview": "large",
  "max-snippet": -1,
  "max-video-preview": -1,
} as const satisfies Metadata["robots"];

type ShareImage = { url: string; alt: string };

/** A list with feeds of its own besides the site's: a topic, an author, the corrections. */
export type FeedList = {
  /** What the feed is titled after, e.g. the topic's name. */
  name: string;
  /** The list's page 1, e.g. `/topic/russia`; its feeds are `<path>/feed.xml` and `<path>/atom.xml`. */
  path: string;
};

/** `<link rel="alternate">` to the site feeds, plus the section's (or another list's) when there is one. */
export function feedAlternates(site: SiteSettings, list?: Section | FeedList): Record<string, { url: string; title: string }[]> {
  const sites = (kind: "rss" | "atom") => [{ url: feedPath(kind), title: site.name }];
  const own = (kind: "rss" | "atom") =>
    list ? [{ url: "path" in list ? listFeedPath(kind, list.path) : feedPath(kind, list.slug), title: `${list.name} | ${site.name}` }] : [];
  return {
    "application/rss+xml": [...sites("rss"), ...own("rss")],
    "application/atom+xml": [...sites("atom"), ...own("atom")],
  };
}

/**
 * What a topic, author or section front (and its feed) says it is: its own
 * description, else a sentence naming it.
 *
 * @example
 * listingDescription(site, { name: "Russia", description: undefined }) // "The latest stories on Russia from Inter Bellum News."
 */
export function listingDescription(site: SiteSettings, listing: { name: string; description: string | undefined }): string {
  return listing.description ?? `The latest stories on ${listing.name} from ${site.name}.`;
}

/** A live story's feed of its updates, added to the Atom alternates of its page. */
export function withLiveFeed(
  types: Record<string, { url: string; title: string }[]>,
  site: SiteSettings,
  article: Article,
): Record<string, { url: string; title: string }[]> {
  if (!article.live) return types;
  const atom = types["application/atom+xml"] ?? [];
  return { ...types, "application/atom+xml": [...atom, { url: liveFeedPath(article.path), title: `${article.title}: live updates | ${site.name}` }] };
}

function images(image: ShareImage) {
  return [{ url: image.url, alt: image.alt, width: OG_IMAGE.width, height: OG_IMAGE.height, type: OG_IMAGE.type }];
}

export function siteCard(site: SiteSettings): ShareImage {
  return { url: siteCardPath(), alt: `${site.name}: ${site.tagline ?? site.description}` };
}

export function sectionCard(site: SiteSettings, section: Section): ShareImage {
  return { url: sectionCardPath(section.slug), alt: `${section.name} | ${site.name}` };
}

export function articleCard(site: SiteSettings, article: Article): ShareImage {
  return { url: articleCardPath(article.path), alt: `${article.title} | ${article.section.name} | ${site.name}` };
}

/**
 * The root layout's metadata: defaults every page inherits unless it sets its
 * own. No canonical URL and no og:url here: inherited by a page that forgot
 * its own, they would name the front page as that page's address.
 */
export function siteMetadata(site: SiteSettings): Metadata {
  const image = siteCard(site);
  return {
    metadataBase: new URL(site.origin),
    title: { default: site.name, template: `%s | ${site.name}` },
    description: site.description,
    applicationName: site.name,
    robots: ROBOTS,
    alternates: { types: feedAlternates(site) },
    openGraph: {
      type: "website",
      siteName: site.name,
      locale: site.locale,
      title: site.name,
      description: site.description,
      images: images(image),
    },
    twitter: { card: "summary_large_image", title: site.name, description: site.description, images: [image] },
  };
}

/**
 * Metadata of a non-article page (front page, section, topic, author …):
 * canonical URL, Open Graph `website` and Twitter card. `title` is the
 * page's own title (the layout's template adds the site name); without one
 * the page is titled with the site name.
 */
export function pageMetadata(
  site: SiteSettings,
  page: { title?: string; description: string; path: string; image?: ShareImage; section?: Section; feed?: FeedList },
): Metadata {
  const title = page.title ?? site.name;
  const image = page.image ?? siteCard(site);
  return {
    ...(page.title ? { title: page.title } : {}),
    description: page.description,
    alternates: { canonical: page.path, types: feedAlternates(site, page.feed ?? page.section) },
    openGraph: {
      type: "website",
      siteName: site.name,
      locale: site.locale,
      url: page.path,
      title,
      description: page.description,
      images: images(image),
    },
    twitter: { card: "summary_large_image", title, description: page.description, images: [image] },
  };
}

/** Metadata of an article page: Open Graph `article` with its dates, section and topics. */
export function articleMetadata(site: SiteSettings, article: Article, now: Date = new Date()): Metadata {
  const card = articleCard(site, article);
  return {
    title: article.title,
    description: article.standfirst,
    authors: article.authors.map((a) => ({ name: a.name, url: authorPath(a.slug) })),
    keywords: article.tags.map((t) => t.name),
    alternates: { canonical: article.path, types: withLiveFeed(feedAlternates(site, article.section), site, article) },
    openGraph: {
      type: "article",
      siteName: site.name,
      locale: site.locale,
      url: article.path,
      title: article.title,
      description: article.standfirst,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: modifiedAt(article, now).toISOString(),
      section: article.section.name,
      tags: article.tags.map((t) => t.name),
      authors: article.authors.map((a) => absolute(site.origin, authorPath(a.slug))),
      images: images(card),
    },
    twitter: { card: "summary_large_image", title: article.title, description: article.standfirst, images: [card] },
  };
}
