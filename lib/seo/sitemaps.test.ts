import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../content";
import {
  newsArticles,
  sitemapPartResponse,
  sitemapResponse,
  newsLanguage,
  newsSitemapXml,
  sitemapPart,
  sitemapPartCount,
  sitemapUrls,
  sitemapXml,
  w3cDate,
  type SitemapUrl,
} from "./sitemaps";
import { makeCorpus, validFrontMatter } from "../../tools/test-corpus";

const now = new Date("2025-05-10T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString();

const corpus = loadCorpus(
  makeCorpus({
    "just-now": validFrontMatter({ publishedAt: hoursAgo(0), tags: ["russia"] }),
    "yesterday": validFrontMatter({ publishedAt: hoursAgo(24), section: "security", updatedAt: hoursAgo(1), tags: ["china"] }),
    "two-days": validFrontMatter({ publishedAt: hoursAgo(48), title: "Exactly 48 hours & <old>" }),
    "three-days": validFrontMatter({ publishedAt: hoursAgo(72) }),
    "a-draft": validFrontMatter({ status: "draft", publishedAt: hoursAgo(2), tags: ["secret-topic"] }),
    "scheduled": validFrontMatter({ publishedAt: "2025-05-10T12:00:01Z" }),
    "withdrawn": validFrontMatter({ status: "retracted", publishedAt: hoursAgo(3) }),
  }),
);
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, isArray: (n) => n === "url" || n === "sitemap" }).parse(xml);

describe("sitemapUrls", () => {
  const urls = sitemapUrls(corpus, now);
  const paths = urls.map((u) => u.path);

  it("lists the front page, sections, public stories newest first, and topic and author pages", () => {
    expect(paths).toEqual([
      "/",
      "/world",
      "/security",
      "/world/just-now",
      "/security/yesterday",
      "/world/two-days",
      "/world/three-days",
      "/topic/russia",
      "/topic/china",
      "/author/staff",
    ]);
  });

  it("never lists a draft, a scheduled or a retracted story, nor a topic only they carry", () => {
    for (const hidden of ["a-draft", "scheduled", "withdrawn", "secret-topic"]) {
      expect(paths.some((p) => p.includes(hidden))).toBe(false);
    }
  });

  it("dates a story by its last update, and a list page by its newest public story", () => {
    const at = (path: string) => urls.find((u) => u.path === path)?.lastmod?.toISOString();
    expect(at("/security/yesterday")).toBe(hoursAgo(1));
    expect(at("/world/three-days")).toBe(hoursAgo(72));
    expect(at("/")).toBe(hoursAgo(0));
    expect(at("/security")).toBe(hoursAgo(1));
  });

  it("lists a scheduled story from its publication time on", () => {
    expect(sitemapUrls(corpus, new Date("2025-05-10T12:00:01Z")).map((u) => u.path)).toContain("/world/scheduled");
  });
});

describe("sitemapXml", () => {
  const urls = sitemapUrls(corpus, now);

  it("is a well-formed urlset of absolute URLs with W3C dates", () => {
    const xml = sitemapXml("https://interbellumnews.com", urls);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parse(xml);
    expect(doc.urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(doc.urlset.url[3]).toEqual({ loc: "https://interbellumnews.com/world/just-now", lastmod: "2025-05-10T12:00:00Z" });
  });

  it("becomes a sitemap index of parts once it passes the limit", () => {
    const xml = sitemapXml("https://interbellumnews.com", urls, 4);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parse(xml);
    expect(doc.urlset).toBeUndefined();
    expect(doc.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      "https://interbellumnews.com/sitemap/1.xml",
      "https://interbellumnews.com/sitemap/2.xml",
      "https://interbellumnews.com/sitemap/3.xml",
    ]);
    expect(doc.sitemapindex.sitemap[0].lastmod).toBe("2025-05-10T12:00:00Z");
  });
});

describe("sitemap parts", () => {
  const urls: SitemapUrl[] = Array.from({ length: 100_001 }, (_, i) => ({ path: `/p/${i}` }));

  it("split at the 50,000-URL limit, every URL in exactly one part", () => {
    expect(sitemapPartCount(50_000)).toBe(1);
    expect(sitemapPartCount(50_001)).toBe(2);
    expect(sitemapPartCount(urls.length)).toBe(3);
    const parts = [1, 2, 3].map((n) => sitemapPart(urls, n)!);
    expect(parts.map((p) => p.length)).toEqual([50_000, 50_000, 1]);
    expect(new Set(parts.flat().map((u) => u.path)).size).toBe(urls.length);
  });

  it("do not exist past the end or for nonsense numbers", () => {
    expect(sitemapPart(urls, 0)).toBeUndefined();
    expect(sitemapPart(urls, 4)).toBeUndefined();
    expect(sitemapPart(urls, 1.5)).toBeUndefined();
  });
});

describe("the news sitemap", () => {
  it("takes public stories of the 48 hours up to now, newest first", () => {
    expect(newsArticles(corpus.articles, now).map((a) => a.slug)).toEqual(["just-now", "yesterday", "two-days"]);
  });

  it("moves its window with the clock", () => {
    const later = new Date(now.getTime() + 25 * 3600_000);
    expect(newsArticles(corpus.articles, later).map((a) => a.slug)).toEqual(["scheduled", "just-now"]);
  });

  it("is well-formed Google News XML with publication, date and title", () => {
    const xml = newsSitemapXml(corpus.site, newsArticles(corpus.articles, now));
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parse(xml);
    expect(doc.urlset["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    expect(doc.urlset.url[2]).toEqual({
      loc: "https://interbellumnews.com/world/two-days",
      "news:news": {
        "news:publication": { "news:name": "Inter Bellum News", "news:language": "en" },
        "news:publication_date": "2025-05-08T12:00:00Z",
        "news:title": "Exactly 48 hours & <old>",
      },
    });
    expect(xml).toContain("<news:title>Exactly 48 hours &amp; &lt;old&gt;</news:title>");
  });

  it("uses ISO 639 language codes", () => {
    expect(newsLanguage("en-GB")).toBe("en");
    expect(newsLanguage("zh-TW")).toBe("zh-tw");
  });
});

it("w3cDate drops milliseconds and keeps UTC", () => {
  expect(w3cDate(new Date("2025-05-08T12:00:00.123Z"))).toBe("2025-05-08T12:00:00Z");
});

describe("the served sitemap, past the limit", () => {
  const saved = process.env.CONTENT_DIR;
  beforeAll(() => {
    process.env.CONTENT_DIR = makeCorpus(
      Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`story-${i}`, validFrontMatter({ publishedAt: hoursAgo(i) })])),
    );
  });
  afterAll(() => {
    process.env.CONTENT_DIR = saved;
  });

  it("is an index whose parts together list every address once", async () => {
    const limit = 4;
    const index = parse(await sitemapResponse(now, limit).text());
    const parts: string[] = index.sitemapindex.sitemap.map((s: { loc: string }) => new URL(s.loc).pathname);
    expect(parts).toEqual(["/sitemap/1.xml", "/sitemap/2.xml", "/sitemap/3.xml"]);
    const locs: string[] = [];
    for (const part of parts) {
      const response = sitemapPartResponse(part.split("/").pop()!, now, limit);
      expect(response.status).toBe(200);
      const xml = await response.text();
      expect(XMLValidator.validate(xml)).toBe(true);
      locs.push(...parse(xml).urlset.url.map((u: { loc: string }) => u.loc));
    }
    // Front page, two sections, five stories, one topic, one author.
    expect(locs).toHaveLength(10);
    expect(new Set(locs).size).toBe(10);
  });

  it("has no part past the end, and none at a malformed name", () => {
    for (const file of ["4.xml", "0.xml", "01.xml", "1", "1.xml.gz", "x.xml"]) {
      expect(sitemapPartResponse(file, now, 4).status, file).toBe(404);
    }
  });
});
