import { create } from "xmlbuilder2";
import { getCorpus, modifiedAt, publicCorrections, type Article, type Corpus, type SiteSettings, isPublic } from "../content";
import { CORRECTIONS_PATH, HOME_PATH, absolute, authorPath, sectionPath, sitemapPartPath, topicPath } from "../paths";

/*
 * Sitemaps for crawlers: the site sitemap (sitemaps.org protocol, split
 * behind a sitemap index past 50,000 URLs) and the Google News sitemap of
 * the last 48 hours. Pure functions of the corpus and a clock; every story
 * passes isPublic, so drafts, scheduled and retracted stories never appear.
 */

/** The sitemaps.org limit of URLs per file. */
export const SITEMAP_URL_LIMIT = 50_000;
/** Google News sitemaps list stories of the last two days, at most 1,000. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_URL_LIMIT = 1_000;

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

export type SitemapUrl = { path: string; lastmod?: Date };

/**
 * A date in the W3C Datetime profile sitemaps ask for, to the second, in UTC.
 *
 * @example
 * w3cDate(new Date("2025-05-08T12:00:00.000Z")) // "2025-05-08T12:00:00Z"
 */
export function w3cDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

// A correction or a live update changes a story's page as an update does.
const changed = (a: Article, now: Date) => modifiedAt(a, now);

function newest(list: Article[] | undefined, now: Date): Date | undefined {
  let max: Date | undefined;
  for (const a of list ?? []) {
    if (!isPublic(a, now)) continue;
    const t = changed(a, now);
    if (!max || t > max) max = t;
  }
  return max;
}

/**
 * Every public address: the front page, sections, public stories (newest
 * first), the topic and author pages that have a public story, and
 * /corrections once a public story carries a correction.
 */
export function sitemapUrls(
  corpus: Pick<Corpus, "sections" | "topics" | "authors" | "articles" | "bySection" | "byTag" | "byAuthor">,
  now: Date,
): SitemapUrl[] {
  const urls: SitemapUrl[] = [{ path: HOME_PATH, lastmod: newest(corpus.articles, now) }];
  for (const section of corpus.sections) {
    urls.push({ path: sectionPath(section.slug), lastmod: newest(corpus.bySection.get(section.slug), now) });
  }
  for (const article of corpus.articles) {
    if (isPublic(article, now)) urls.push({ path: article.path, lastmod: changed(article, now) });
  }
  for (const topic of corpus.topics) {
    const lastmod = newest(corpus.byTag.get(topic.slug), now);
    if (lastmod) urls.push({ path: topicPath(topic.slug), lastmod });
  }
  for (const author of corpus.authors) {
    const lastmod = newest(corpus.byAuthor.get(author.slug), now);
    if (lastmod) urls.push({ path: authorPath(author.slug), lastmod });
  }
  const correction = publicCorrections(now, corpus)[0];
  if (correction) urls.push({ path: CORRECTIONS_PATH, lastmod: correction.correction.date });
  return urls;
}

/** Where the n-th (1-based) part of a split sitemap lives. */

/** How many parts the sitemap needs; 1 means a single urlset at /sitemap.xml. */
export function sitemapPartCount(urlCount: number, limit: number = SITEMAP_URL_LIMIT): number {
  return Math.max(1, Math.ceil(urlCount / limit));
}

/** The n-th (1-based) part's URLs, or undefined past the end. */
export function sitemapPart(urls: SitemapUrl[], n: number, limit: number = SITEMAP_URL_LIMIT): SitemapUrl[] | undefined {
  if (!Number.isInteger(n) || n < 1 || n > sitemapPartCount(urls.length, limit)) return undefined;
  return urls.slice((n - 1) * limit, n * limit);
}

/** /sitemap.xml: the urlset itself, or a sitemap index of its parts once it passes the limit. */
export function sitemapXml(origin: string, urls: SitemapUrl[], limit: number = SITEMAP_URL_LIMIT): string {
  const parts = sitemapPartCount(urls.length, limit);
  if (parts === 1) return urlsetXml(origin, urls);
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(SITEMAP_NS, "sitemapindex");
  for (let n = 1; n <= parts; n++) {
    const part = sitemapPart(urls, n, limit) ?? [];
    const lastmod = part.reduce<Date | undefined>((max, u) => (u.lastmod && (!max || u.lastmod > max) ? u.lastmod : max), undefined);
    const entry = doc.ele("sitemap");
    entry.ele("loc").txt(absolute(origin, sitemapPartPath(n)));
    if (lastmod) entry.ele("lastmod").txt(w3cDate(lastmod));
  }
  return doc.end({ prettyPrint: true });
}

export function urlsetXml(origin: string, urls: SitemapUrl[]): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(SITEMAP_NS, "urlset");
  for (const url of urls) {
    const entry = doc.ele("url");
    entry.ele("loc").txt(absolute(origin, url.path));
    if (url.lastmod) entry.ele("lastmod").txt(w3cDate(url.lastmod));
  }
  return doc.end({ prettyPrint: true });
}

/**
 * Public stories published in the 48 hours up to `now`, newest first, at
 * most 1,000. `articles` must be newest first (the corpus order), so the
 * scan stops at the first older story.
 */
export function newsArticles(articles: Article[], now: Date): Article[] {
  const since = now.getTime() - NEWS_WINDOW_MS;
  const out: Article[] = [];
  for (const article of articles) {
    if (article.publishedAt.getTime() < since || out.length >= NEWS_URL_LIMIT) break;
    if (isPublic(article, now)) out.push(article);
  }
  return out;
}

/** Google News wants an ISO 639 code, with zh-cn and zh-tw the only regional ones. */
export function newsLanguage(language: string): string {
  const lower = language.toLowerCase();
  return lower === "zh-cn" || lower === "zh-tw" ? lower : lower.split("-")[0]!;
}

export function newsSitemapXml(site: SiteSettings, articles: Article[]): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" })
    .ele(SITEMAP_NS, "urlset")
    .att("http://www.w3.org/2000/xmlns/", "xmlns:news", NEWS_NS);
  for (const article of articles) {
    const entry = doc.ele("url");
    entry.ele("loc").txt(absolute(site.origin, article.path));
    const news = entry.ele(NEWS_NS, "news:news");
    const publication = news.ele(NEWS_NS, "news:publication");
    publication.ele(NEWS_NS, "news:name").txt(site.name);
    publication.ele(NEWS_NS, "news:language").txt(newsLanguage(site.language));
    news.ele(NEWS_NS, "news:publication_date").txt(w3cDate(article.publishedAt));
    news.ele(NEWS_NS, "news:title").txt(article.title);
  }
  return doc.end({ prettyPrint: true });
}

const XML = { "Content-Type": "application/xml; charset=utf-8" };

/** /sitemap.xml as served, at (re)generation time `now`. */
export function sitemapResponse(now: Date, limit: number = SITEMAP_URL_LIMIT): Response {
  const corpus = getCorpus();
  return new Response(sitemapXml(corpus.site.origin, sitemapUrls(corpus, now), limit), { headers: XML });
}

/** /sitemap/<n>.xml: a part of the split sitemap; 404 while the sitemap fits in one file. */
export function sitemapPartResponse(file: string, now: Date, limit: number = SITEMAP_URL_LIMIT): Response {
  const corpus = getCorpus();
  const urls = sitemapUrls(corpus, now);
  const n = /^[1-9]\d*\.xml$/.test(file) ? Number(file.slice(0, -4)) : NaN;
  const part = sitemapPartCount(urls.length, limit) > 1 ? sitemapPart(urls, n, limit) : undefined;
  if (!part) return new Response("Not found", { status: 404 });
  return new Response(urlsetXml(corpus.site.origin, part), { headers: XML });
}

/** /news-sitemap.xml: the 48-hour window is taken at (re)generation time. */
export function newsSitemapResponse(now: Date): Response {
  const corpus = getCorpus();
  return new Response(newsSitemapXml(corpus.site, newsArticles(corpus.articles, now)), { headers: XML });
}
