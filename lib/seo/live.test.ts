import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../content";
import { articleFile, makeCorpus, validFrontMatter } from "../../tools/test-corpus";
import { liveBlogPostingJsonLd, newsArticleJsonLd } from "./jsonld";
import { KEY_CATEGORY, LIVE_CATEGORY, LIVE_FEED_SIZE, buildLiveFeed } from "./live-feed";
import { articleMetadata } from "./metadata";
import { sitemapUrls } from "./sitemaps";

/*
 * What crawlers and feed readers get of a live story: a LiveBlogPosting with
 * its public updates, and an Atom feed of them; never an update before its time.
 */

const topics = [{ slug: "russia", name: "Russia" }];
const BODY = `Leaders gather in Moscow.

## 2025-05-09T12:05:00Z Xi arrives at Vnukovo [key]

The plane landed **on time**.

## 2025-05-09T13:30:00Z Talks begin: 1 < 2 & <b>more</b>

A statement with ]]> in it.

## 2099-01-01T00:00:00Z SECRET-FUTURE-UPDATE Later

SECRET-FUTURE-BODY
`;

const corpus = loadCorpus(
  makeCorpus(
    {
      summit: articleFile(
        validFrontMatter({
          title: "Victory Day summit, live",
          publishedAt: "2025-05-09T12:00:00Z",
          updatedAt: "2025-05-09T12:30:00Z",
          live: { start: "2025-05-09T12:00:00Z", end: "2025-05-09T18:00:00Z" },
        }),
        BODY,
      ),
      plain: validFrontMatter(),
    },
    { topics },
  ),
);
const site = corpus.site;
const summit = corpus.bySlug.get("summit")!;
const DURING = new Date("2025-05-09T14:00:00Z");
const AFTER = new Date("2025-05-10T00:00:00Z");
const URL_ = "https://interbellumnews.com/world/summit";

describe("liveBlogPostingJsonLd", () => {
  const data = liveBlogPostingJsonLd(site, summit, DURING) as Record<string, any>;

  it("is a LiveBlogPosting keeping the NewsArticle's properties", () => {
    const { "@type": newsType, dateModified, ...news } = newsArticleJsonLd(site, summit) as Record<string, any>;
    expect(newsType).toBe("NewsArticle");
    expect(dateModified).toBe("2025-05-09T12:30:00.000Z");
    expect(data["@type"]).toBe("LiveBlogPosting");
    expect(data).toMatchObject(news);
    expect(data).toMatchObject({ "@context": "https://schema.org", headline: "Victory Day summit, live", url: URL_, datePublished: "2025-05-09T12:00:00.000Z" });
  });

  it("has the coverage's start, its end only once ended, and the newest public update as its modification", () => {
    expect(data.coverageStartTime).toBe("2025-05-09T12:00:00.000Z");
    expect(data).not.toHaveProperty("coverageEndTime");
    expect(data.dateModified).toBe("2025-05-09T13:30:00.000Z");
    expect((liveBlogPostingJsonLd(site, summit, AFTER) as Record<string, any>).coverageEndTime).toBe("2025-05-09T18:00:00.000Z");
  });

  it("lists the public updates newest first as BlogPostings with their permalinks and text, none before its time", () => {
    expect(data.liveBlogUpdate).toEqual([
      {
        "@type": "BlogPosting",
        // Raw HTML in a heading is never shown, as in a body; the text stays text.
        headline: "Talks begin: 1 < 2 & more",
        datePublished: "2025-05-09T13:30:00.000Z",
        url: `${URL_}#update-20250509t133000z`,
        articleBody: "A statement with ]]> in it.",
      },
      {
        "@type": "BlogPosting",
        headline: "Xi arrives at Vnukovo",
        datePublished: "2025-05-09T12:05:00.000Z",
        url: `${URL_}#update-20250509t120500z`,
        articleBody: "The plane landed on time.",
      },
    ]);
    expect(JSON.stringify(liveBlogPostingJsonLd(site, summit, AFTER))).not.toContain("SECRET-FUTURE");
    expect((liveBlogPostingJsonLd(site, summit, new Date("2025-05-09T12:01:00Z")) as Record<string, any>).liveBlogUpdate).toEqual([]);
  });
});

describe("buildLiveFeed", () => {
  const xml = buildLiveFeed(site, summit, DURING);
  const feed = parseFeed(xml);

  it("is well-formed Atom naming the story, its page and itself", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(feed.title).toBe("Victory Day summit, live: live updates | Inter Bellum News");
    expect(feed.url).toBe(URL_);
    expect(feed.self).toBe(`${URL_}/live.xml`);
    expect(feed.updated?.toISOString()).toBe("2025-05-09T13:30:00.000Z");
  });

  it("holds the public updates newest first, each with its permalink as id, time, title and rendered text", () => {
    expect(feed.items.map((i) => [i.id, i.url, i.title, i.published?.toISOString()])).toEqual([
      [`${URL_}#update-20250509t133000z`, `${URL_}#update-20250509t133000z`, "Talks begin: 1 < 2 & more", "2025-05-09T13:30:00.000Z"],
      [`${URL_}#update-20250509t120500z`, `${URL_}#update-20250509t120500z`, "Xi arrives at Vnukovo", "2025-05-09T12:05:00.000Z"],
    ]);
    expect(feed.items[1]!.content).toBe("<p>The plane landed <strong>on time</strong>.</p>");
    // "]]>" would end the CDATA section: it is written "]]&gt;", which a reader takes as the same text.
    expect(xml).toContain("<p>A statement with ]]&gt; in it.</p>");
    expect(feed.items[0]!.content).toBe("<p>A statement with ]]> in it.</p>");
    expect(xml).not.toContain("SECRET-FUTURE");
  });

  it("marks key updates, and the feed itself as live only while the coverage runs", () => {
    // (The parser gives an entry without categories its feed's, so the plain update shows `live`.)
    expect(feed.items.map((i) => i.categories.map((c) => c.term).includes(KEY_CATEGORY))).toEqual([false, true]);
    expect(xml.match(/<category [^>]*>/g)).toEqual([`<category term="${LIVE_CATEGORY}"/>`, `<category label="Key event" term="${KEY_CATEGORY}"/>`]);
    expect(feed.categories.map((c) => c.term)).toEqual([LIVE_CATEGORY]);
    expect(parseFeed(buildLiveFeed(site, summit, AFTER)).categories).toEqual([]);
  });

  it("is the same text while nothing changes, and holds at most the newest LIVE_FEED_SIZE updates", () => {
    expect(buildLiveFeed(site, summit, new Date("2025-05-09T15:00:00Z"))).toBe(xml);
    const many = Array.from({ length: LIVE_FEED_SIZE + 5 }, (_, i) => `## ${new Date(Date.UTC(2025, 4, 9, 12, i + 1)).toISOString()} Update ${i + 1}\n\nText.`);
    const big = loadCorpus(
      makeCorpus(
        { big: articleFile(validFrontMatter({ publishedAt: "2025-05-09T12:00:00Z", live: { start: "2025-05-09T12:00:00Z" } }), many.join("\n\n")) },
        { topics },
      ),
    ).bySlug.get("big")!;
    const titles = parseFeed(buildLiveFeed(site, big, AFTER)).items.map((i) => i.title);
    expect(titles).toHaveLength(LIVE_FEED_SIZE);
    expect(titles[0]).toBe(`Update ${LIVE_FEED_SIZE + 5}`);
  });
});

describe("articleMetadata of a live story", () => {
  it("announces the update feed beside the site's and the section's Atom feeds", () => {
    const types = articleMetadata(site, summit).alternates?.types as Record<string, { url: string; title: string }[]>;
    expect(types["application/atom+xml"]?.map((t) => t.url)).toEqual(["/atom.xml", "/world/atom.xml", "/world/summit/live.xml"]);
    const plain = articleMetadata(site, corpus.bySlug.get("plain")!).alternates?.types as Record<string, { url: string }[]>;
    expect(plain["application/atom+xml"]?.map((t) => t.url)).toEqual(["/atom.xml", "/world/atom.xml"]);
  });
});

describe("what crawlers are told of a live story's last change", () => {
  it("moves article:modified_time and the sitemap's lastmod with each update public by then, never to a later one", () => {
    const modified = (now: Date) => (articleMetadata(site, summit, now).openGraph as { modifiedTime?: string }).modifiedTime;
    const lastmod = (now: Date) => sitemapUrls(corpus, now).find((u) => u.path === "/world/summit")?.lastmod?.toISOString();
    expect(modified(new Date("2025-05-09T12:10:00Z"))).toBe("2025-05-09T12:30:00.000Z");
    expect(modified(DURING)).toBe("2025-05-09T13:30:00.000Z");
    expect(lastmod(DURING)).toBe("2025-05-09T13:30:00.000Z");
    expect(lastmod(AFTER)).toBe("2025-05-09T13:30:00.000Z");
  });
});
