import { describe, expect, it } from "vitest";
import { loadCorpus } from "../content";
import { articleMetadata, feedAlternates, pageMetadata, siteMetadata } from "./metadata";
import { makeCorpus, validFrontMatter } from "../../tools/test-corpus";

const corpus = loadCorpus(
  makeCorpus({
    story: validFrontMatter({ tags: ["energy"], publishedAt: "2025-05-08T12:00:00Z", updatedAt: "2025-05-09T08:30:00Z" }),
  }),
);
const { site } = corpus;
const story = corpus.bySlug.get("story")!;
const world = corpus.sections[0]!;

describe("siteMetadata (the layout's defaults)", () => {
  const metadata = siteMetadata(site);

  it("resolves relative URLs on the canonical origin and titles pages '%s | site'", () => {
    expect(metadata.metadataBase?.toString()).toBe("https://interbellumnews.com/");
    expect(metadata.title).toEqual({ default: "Inter Bellum News", template: "%s | Inter Bellum News" });
  });

  it("lets crawlers show large image previews", () => {
    expect(metadata.robots).toMatchObject({ index: true, follow: true, "max-image-preview": "large" });
  });

  it("names no canonical address or og:url, which would mislabel a page that forgot its own", () => {
    expect(metadata.alternates?.canonical).toBeUndefined();
    expect((metadata.openGraph as { url?: string }).url).toBeUndefined();
  });
});

describe("pageMetadata", () => {
  it("gives a section its canonical URL, share card, Twitter card and feed links", () => {
    const metadata = pageMetadata(site, { title: "World", description: "World news", path: "/world", section: world });
    expect(metadata.alternates?.canonical).toBe("/world");
    expect(metadata.openGraph).toMatchObject({ type: "website", url: "/world", title: "World", siteName: "Inter Bellum News" });
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image", title: "World" });
    expect(Object.keys(metadata.alternates?.types ?? {})).toEqual(["application/rss+xml", "application/atom+xml"]);
  });
});

describe("articleMetadata", () => {
  const metadata = articleMetadata(site, story);
  const og = metadata.openGraph as Record<string, unknown>;

  it("is an Open Graph article with dates, section and topics", () => {
    expect(og).toMatchObject({
      type: "article",
      url: "/world/story",
      publishedTime: "2025-05-08T12:00:00.000Z",
      modifiedTime: "2025-05-09T08:30:00.000Z",
      section: "World",
      tags: ["energy"],
      authors: ["https://interbellumnews.com/author/staff"],
    });
  });

  it("shares the story's own 1200×630 card with alt text", () => {
    expect(og.images).toEqual([
      { url: "/world/story/og.png", alt: "A valid headline | World | Inter Bellum News", width: 1200, height: 630, type: "image/png" },
    ]);
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image", images: [{ url: "/world/story/og.png" }] });
  });

  it("has the standfirst as description and the headline as title", () => {
    expect(metadata.title).toBe("A valid headline");
    expect(metadata.description).toBe("A valid standfirst");
    expect(metadata.alternates?.canonical).toBe("/world/story");
  });
});

it("feedAlternates lists the site feeds, then the section's", () => {
  expect(feedAlternates(site, world)).toEqual({
    "application/rss+xml": [
      { url: "/feed.xml", title: "Inter Bellum News" },
      { url: "/world/feed.xml", title: "World | Inter Bellum News" },
    ],
    "application/atom+xml": [
      { url: "/atom.xml", title: "Inter Bellum News" },
      { url: "/world/atom.xml", title: "World | Inter Bellum News" },
    ],
  });
});
