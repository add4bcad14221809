import type {
  BlogPosting,
  BreadcrumbList,
  CorrectionComment,
  LiveBlogPosting,
  NewsArticle,
  Organization,
  Person,
  SearchAction,
  WebSite,
  WithContext,
} from "schema-dts";
import { modifiedAt, visibleUpdates, type Article, type Author, type Correction, type SiteSettings } from "../content";
import { HERO_CROPS, cropPath } from "./crops";
import { HOME_PATH, LOGO_PATH, SEARCH_PATH, absolute, authorPath, sectionPath, updatePath } from "../paths";

/*
 * Structured data (schema.org JSON-LD) for Google's article, breadcrumb,
 * organization and site search features. Pure builders over the app's types;
 * pages render the result with components/json-ld.tsx, which serializes it
 * through serializeJsonLd.
 */

/** The publisher, referenced by id from articles and the WebSite. */
export function organizationJsonLd(site: SiteSettings): WithContext<Organization> {
  return { "@context": "https://schema.org", ...publisher(site) };
}

// Organization in schema-dts includes plain strings (a name); the builders return objects.
type OrganizationObject = Exclude<Organization, string>;
type PersonObject = Exclude<Person, string>;

function publisher(site: SiteSettings): OrganizationObject {
  const url = absolute(site.origin, HOME_PATH);
  return {
    "@type": "Organization",
    "@id": `${url}#organization`,
    name: site.name,
    url,
    description: site.description,
    logo: { "@type": "ImageObject", url: absolute(site.origin, LOGO_PATH) },
  };
}

/** WebSite with a sitelinks search box pointing at `/search?q=`. */
export function websiteJsonLd(site: SiteSettings): WithContext<WebSite> {
  const url = absolute(site.origin, HOME_PATH);
  // schema-dts has no "query-input" (a Google extension of SearchAction), so it is added to the type here.
  const search: SearchAction & { "query-input": string } = {
    "@type": "SearchAction",
    target: { "@type": "EntryPoint", urlTemplate: `${absolute(site.origin, SEARCH_PATH)}?q={search_term_string}` },
    "query-input": "required name=search_term_string",
  };
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    "@id": `${url}#website`,
    name: site.name,
    url,
    inLanguage: site.language,
    publisher: { "@id": `${url}#organization` },
    potentialAction: search,
  };
}

function byline(site: SiteSettings, author: Author): PersonObject | OrganizationObject {
  const common = { name: author.name, url: absolute(site.origin, authorPath(author.slug)) };
  return author.type === "organization"
    ? { "@type": "Organization", ...common }
    : { "@type": "Person", ...common, jobTitle: author.role };
}

/** NewsArticle with every property Google's article documentation requires or recommends. */
export function newsArticleJsonLd(site: SiteSettings, article: Article): WithContext<NewsArticle> {
  const url = absolute(site.origin, article.path);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": `${url}#article`,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    headline: article.title,
    description: article.standfirst,
    image: HERO_CROPS.map((crop) => absolute(site.origin, cropPath(article.image.src, crop))),
    datePublished: article.publishedAt.toISOString(),
    dateModified: modifiedAt(article).toISOString(),
    author: article.authors.map((a) => byline(site, a)),
    publisher: publisher(site),
    articleSection: article.section.name,
    keywords: article.tags.map((t) => t.name),
    inLanguage: site.language,
    isAccessibleForFree: true,
    ...(article.corrections.length ? { correction: article.corrections.map(correctionJsonLd) } : {}),
  };
}

/** A published correction as schema.org's CorrectionComment (oldest first, as on the page). */
function correctionJsonLd(correction: Correction): CorrectionComment {
  return { "@type": "CorrectionComment", text: correction.text, datePublished: correction.date.toISOString() };
}

/**
 * A live story: a LiveBlogPosting (an Article, so every NewsArticle property
 * above still applies) with its coverage times and the updates public at
 * `now`, newest first, each a BlogPosting whose URL is its permalink.
 * `coverageEndTime` once the coverage has ended; `dateModified` is the newest
 * update's time when that is later than the story's own last change.
 */
export function liveBlogPostingJsonLd(site: SiteSettings, article: Article, now: Date): WithContext<LiveBlogPosting> {
  const { "@type": _newsArticle, ...common } = newsArticleJsonLd(site, article);
  void _newsArticle;
  const updates = visibleUpdates(article, now);
  const live = article.live;
  const changed = modifiedAt(article, now);
  const liveBlogUpdate: BlogPosting[] = updates.map((u) => ({
    "@type": "BlogPosting",
    headline: u.title,
    datePublished: u.time.toISOString(),
    url: absolute(site.origin, updatePath(article.path, u.id)),
    articleBody: u.text,
  }));
  return {
    ...common,
    "@type": "LiveBlogPosting",
    dateModified: changed.toISOString(),
    ...(live ? { coverageStartTime: live.start.toISOString() } : {}),
    ...(live?.end && live.end <= now ? { coverageEndTime: live.end.toISOString() } : {}),
    liveBlogUpdate,
  };
}

/**
 * A breadcrumb trail from the front page down to `trail`'s last item.
 *
 * @example
 * breadcrumbJsonLd(site, [{ name: "World", path: "/world" }]) // Home › World
 */
export function breadcrumbJsonLd(
  site: SiteSettings,
  trail: { name: string; path: string }[],
): WithContext<BreadcrumbList> {
  const items = [{ name: "Home", path: HOME_PATH }, ...trail];
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: item.name,
      item: absolute(site.origin, item.path),
    })),
  };
}

/** The trail of an article: Home › Section › Headline. */
export function articleBreadcrumb(site: SiteSettings, article: Article): WithContext<BreadcrumbList> {
  return breadcrumbJsonLd(site, [
    { name: article.section.name, path: sectionPath(article.section.slug) },
    { name: article.title, path: article.path },
  ]);
}

/**
 * JSON for inside `<script type="application/ld+json">`. JSON.stringify
 * alone would let a headline containing `</script>` end the element early
 * and inject markup; escaping `<`, `>` and `&` as \u escapes keeps the JSON
 * identical for a parser while no HTML tag or entity can appear. U+2028 and
 * U+2029 are escaped too, for old JavaScript parsers.
 *
 * @example
 * serializeJsonLd({ headline: "</script><b>" }) // '{"headline":"\\u003c/script\\u003e\\u003cb\\u003e"}'
 */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
