import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus, publicCorrections } from "../content";
import { FEED_CONTENT_TYPE, buildCorrectionsFeed, buildFeed, correctionsFeedResponse, type FeedKind } from "./feeds";
import { newsArticleJsonLd, serializeJsonLd } from "./jsonld";
import { articleMetadata } from "./metadata";
import { sitemapUrls } from "./sitemaps";
import { makeCorpus, validFrontMatter } from "../../tools/test-corpus";

/*
 * What crawlers and feed readers get of a story's corrections: CorrectionComment
 * in the NewsArticle, the last change as dateModified, og:modified_time,
 * feed dates and sitemap lastmod, and the corrections feeds.
 */

const HOSTILE = 'Fixed </script><script>alert(1)</script> & "quotes" ]]> too';

const stories = {
  corrected: validFrontMatter({
    title: "A <b>corrected</b> story",
    publishedAt: "2025-05-08T12:00:00Z",
    updatedAt: "2025-05-09T08:00:00Z",
    corrections: [
      { date: "2025-05-10T09:00:00Z", text: HOSTILE },
      { date: "2025-05-09T09:30:00Z", text: "The first correction." },
    ],
  }),
  updated: validFrontMatter({
    section: "security",
    publishedAt: "2025-05-07T12:00:00Z",
    updatedAt: "2025-05-11T00:00:00Z",
    corrections: [{ date: "2025-05-08T00:00:00Z", text: "Corrected before a later update." }],
  }),
  plain: validFrontMatter({ publishedAt: "2025-05-06T12:00:00Z" }),
  "a-draft": validFrontMatter({ status: "draft", corrections: [{ date: "2025-05-12T00:00:00Z", text: "HIDDEN draft correction" }] }),
  scheduled: validFrontMatter({
    publishedAt: "2025-06-01T00:00:00Z",
    corrections: [{ date: "2025-06-02T00:00:00Z", text: "HIDDEN scheduled correction" }],
  }),
};
const corpus = loadCorpus(makeCorpus(stories));
const { site } = corpus;
const now = new Date("2025-05-20T00:00:00Z");
const corrected = corpus.bySlug.get("corrected")!;
const updated = corpus.bySlug.get("updated")!;
const plain = corpus.bySlug.get("plain")!;

describe("a corrected story's NewsArticle", () => {
  const data = newsArticleJsonLd(site, corrected) as Record<string, any>;

  it("carries each correction as a CorrectionComment, oldest first", () => {
    expect(data.correction).toEqual([
      { "@type": "CorrectionComment", text: "The first correction.", datePublished: "2025-05-09T09:30:00.000Z" },
      { "@type": "CorrectionComment", text: HOSTILE, datePublished: "2025-05-10T09:00:00.000Z" },
    ]);
  });

  it("is modified at its latest correction, or at a later update", () => {
    expect(data.dateModified).toBe("2025-05-10T09:00:00.000Z");
    expect((newsArticleJsonLd(site, updated) as Record<string, any>).dateModified).toBe("2025-05-11T00:00:00.000Z");
  });

  it("has no correction property when there is none", () => {
    expect(newsArticleJsonLd(site, plain)).not.toHaveProperty("correction");
  });

  it("keeps a correction's markup inside the JSON: it cannot close the script element", () => {
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json).correction[1].text).toBe(HOSTILE);
  });
});

it("og:modified_time follows the latest correction", () => {
  expect((articleMetadata(site, corrected).openGraph as Record<string, unknown>).modifiedTime).toBe("2025-05-10T09:00:00.000Z");
});

it("the sitemap dates a story by its latest correction, and lists /corrections at the newest public one", () => {
  const urls = sitemapUrls(corpus, now);
  const at = (path: string) => urls.find((u) => u.path === path)?.lastmod?.toISOString();
  expect(at("/world/corrected")).toBe("2025-05-10T09:00:00.000Z");
  expect(at("/security/updated")).toBe("2025-05-11T00:00:00.000Z");
  // Not the draft's (05-12): the newest public correction.
  expect(at("/corrections")).toBe("2025-05-10T09:00:00.000Z");
  // No public story has a correction yet: no /corrections to offer.
  expect(sitemapUrls(corpus, new Date("2025-05-07T00:00:00Z")).map((u) => u.path)).not.toContain("/corrections");
});

it("a story feed's entries and the feed itself are updated at the latest correction", () => {
  const feed = parseFeed(buildFeed("atom", { site, articles: [corrected, plain] }));
  expect(feed.items[0]?.updated?.toISOString()).toBe("2025-05-10T09:00:00.000Z");
  expect(feed.updated?.toISOString()).toBe("2025-05-10T09:00:00.000Z");
});

describe.each<FeedKind>(["rss", "atom"])("the corrections %s feed", (kind) => {
  const xml = buildCorrectionsFeed(kind, { site, entries: publicCorrections(now, corpus) });
  const feed = parseFeed(xml);

  it("is well-formed and parses as the corrections of the site", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(feed.title).toBe("Corrections | Inter Bellum News");
    expect(feed.url).toBe("https://interbellumnews.com/corrections");
    expect(feed.self).toBe(`https://interbellumnews.com/corrections/${kind === "rss" ? "feed" : "atom"}.xml`);
  });

  it("has one item per public correction, newest first, linking to it in its story", () => {
    expect(feed.items.map((i) => i.url)).toEqual([
      "https://interbellumnews.com/world/corrected#correction-2",
      "https://interbellumnews.com/world/corrected#correction-1",
      "https://interbellumnews.com/security/updated#correction-1",
    ]);
    expect(feed.items.map((i) => i.published?.toISOString())).toEqual([
      "2025-05-10T09:00:00.000Z",
      "2025-05-09T09:30:00.000Z",
      "2025-05-08T00:00:00.000Z",
    ]);
    expect(feed.items.map((i) => i.categories.map((c) => c.label))).toEqual([["World"], ["World"], ["Security"]]);
    expect(xml).not.toContain("HIDDEN");
  });

  it("keeps markup in headlines and corrections as text", () => {
    expect(feed.items[0]?.title).toBe("Correction: A <b>corrected</b> story");
    expect(feed.items[0]?.description).toBe(HOSTILE);
    expect(xml).not.toMatch(/<script\b/);
  });

  it("is updated at the newest correction, and the same corrections give the same bytes", () => {
    if (kind === "atom") expect(feed.updated?.toISOString()).toBe("2025-05-10T09:00:00.000Z");
    expect(buildCorrectionsFeed(kind, { site, entries: publicCorrections(now, corpus) })).toBe(xml);
  });

  it("is valid and empty when there is no correction", () => {
    const empty = buildCorrectionsFeed(kind, { site, entries: [] });
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(parseFeed(empty).items).toEqual([]);
  });
});

describe("the served corrections feed", () => {
  const saved = process.env.CONTENT_DIR;
  beforeAll(() => {
    // 60 corrections on 60 stories: the feed holds the newest 50.
    process.env.CONTENT_DIR = makeCorpus(
      Object.fromEntries(
        Array.from({ length: 60 }, (_, i) => {
          const day = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString();
          return [`story-${i}`, validFrontMatter({ publishedAt: day, corrections: [{ date: day, text: `Correction ${i}` }] })];
        }),
      ),
    );
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = saved;
  });

  it("holds the newest 50 corrections, with the feed's content type", async () => {
    const response = correctionsFeedResponse("rss", new Date("2026-01-01T00:00:00Z"));
    expect(response.headers.get("content-type")).toBe(FEED_CONTENT_TYPE.rss);
    const items = parseFeed(await response.text()).items;
    expect(items).toHaveLength(50);
    expect(items[0]?.description).toBe("Correction 59");
    expect(items.at(-1)?.description).toBe("Correction 10");
  });
});
