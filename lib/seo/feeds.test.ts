import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../content";
import { buildFeed, escapeHtml, imageType, type FeedKind } from "./feeds";
import { makeCorpus, validFrontMatter } from "../../tools/test-corpus";

const corpus = loadCorpus(
  makeCorpus({
    older: validFrontMatter({ publishedAt: "2025-05-01T08:00:00Z", tags: ["energy"] }),
    newer: validFrontMatter({
      title: "Q&A: what <b> means",
      standfirst: "Tags </summary> and ]]> stay text",
      section: "security",
      publishedAt: "2025-05-02T08:00:00Z",
      updatedAt: "2025-05-03T10:00:00Z",
      tags: ["energy", "gas"],
    }),
  }),
);
const { site } = corpus;
const articles = corpus.articles;

describe.each<FeedKind>(["rss", "atom"])("the %s feed", (kind) => {
  const xml = buildFeed(kind, { site, articles });
  const feed = parseFeed(xml);
  const newer = feed.items[0]!;

  it("is well-formed and parses as a feed of the site", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(feed.title).toBe("Inter Bellum News");
    expect(feed.url).toBe("https://interbellumnews.com/");
    expect(feed.self).toBe(`https://interbellumnews.com/${kind === "rss" ? "feed" : "atom"}.xml`);
  });

  it("lists the stories given, in order, with canonical links and publication dates", () => {
    expect(feed.items.map((i) => i.url)).toEqual([
      "https://interbellumnews.com/security/newer",
      "https://interbellumnews.com/world/older",
    ]);
    expect(newer.published?.toISOString()).toBe("2025-05-02T08:00:00.000Z");
  });

  it("keeps markup in titles and standfirsts as text", () => {
    expect(newer.title).toBe("Q&A: what <b> means");
    expect(newer.description).toBe("Tags </summary> and ]]> stay text");
  });

  it("carries the full text, the byline, section and topics, and the hero image", () => {
    expect(newer.content).toBe("<p>Body of newer.</p>");
    expect(newer.authors.map((a) => a.name)).toEqual(["Staff"]);
    expect(newer.categories.map((c) => c.label)).toEqual(["Security", "energy", "gas"]);
    expect(newer.media).toEqual([
      expect.objectContaining({
        url: "https://interbellumnews.com/images/putin-xi-moscow.jpg",
        mimeType: "image/jpeg",
        length: corpus.bySlug.get("newer")!.image.bytes,
      }),
    ]);
  });
});

it("Atom entries carry the update time, and the feed the newest change", () => {
  const feed = parseFeed(buildFeed("atom", { site, articles }));
  expect(feed.items[0]?.updated?.toISOString()).toBe("2025-05-03T10:00:00.000Z");
  expect(feed.updated?.toISOString()).toBe("2025-05-03T10:00:00.000Z");
});

it("a section feed is titled and linked as the section", () => {
  const section = corpus.sections.find((s) => s.slug === "security")!;
  const feed = parseFeed(buildFeed("rss", { site, section, articles: corpus.bySection.get("security")! }));
  expect(feed.title).toBe("Security | Inter Bellum News");
  expect(feed.url).toBe("https://interbellumnews.com/security");
  expect(feed.self).toBe("https://interbellumnews.com/security/feed.xml");
});

it("the same stories give byte-identical feeds, whenever they are built", () => {
  expect(buildFeed("rss", { site, articles })).toBe(buildFeed("rss", { site, articles }));
});

it("helpers", () => {
  expect(imageType("/images/a.JPG")).toBe("image/jpeg");
  expect(imageType("/images/a.webp")).toBe("image/webp");
  expect(escapeHtml("a & <b>")).toBe("a &amp; &lt;b&gt;");
});
