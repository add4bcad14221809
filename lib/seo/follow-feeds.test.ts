import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findListing } from "../publishing/listings";
import { FEED_CONTENT_TYPE, buildFeed, listingFeedResponse, type FeedKind } from "./feeds";
import { feedAlternates, pageMetadata } from "./metadata";
import { loadCorpus } from "../content";
import { makeCorpus, validFrontMatter } from "../../tools/test-corpus";

/*
 * Following a topic or an author: their RSS and Atom feeds hold the front's
 * list (public stories, newest first), at most 50, and the fronts announce
 * them beside the site's feeds.
 */

const AUTHORS = [
  { slug: "staff", name: "Staff", role: "Newsroom", bio: "The newsroom." },
  { slug: "mara", name: "Mara Lind", role: "Correspondent", bio: "Covers the harbour." },
];
const TOPICS = [
  { slug: "energy", name: "Energy", description: "Oil, gas and power." },
  { slug: "gas", name: "Gas" },
  { slug: "secret", name: "Secret topic" },
];

const saved = process.env.CONTENT_DIR;
beforeAll(() => {
  const day = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString();
  // 55 public energy stories by staff, a few by Mara on gas, and stories the public must not see.
  const energy = Array.from({ length: 55 }, (_, i) => [`energy-${i}`, validFrontMatter({ publishedAt: day(i), tags: ["energy"] })]);
  process.env.CONTENT_DIR = makeCorpus(
    {
      ...Object.fromEntries(energy),
      "gas-older": validFrontMatter({ publishedAt: day(1), tags: ["gas"], authors: ["mara"] }),
      "gas-newer": validFrontMatter({ publishedAt: day(2), tags: ["gas", "energy"], authors: ["mara", "staff"], section: "security" }),
      "gas-draft": validFrontMatter({ publishedAt: day(3), tags: ["gas"], authors: ["mara"], status: "draft", title: "HIDDEN draft" }),
      "gas-scheduled": validFrontMatter({ publishedAt: "2030-01-01T00:00:00Z", tags: ["gas", "secret"], authors: ["mara"], title: "HIDDEN scheduled" }),
      "gas-retracted": validFrontMatter({ publishedAt: day(4), tags: ["gas"], authors: ["mara"], status: "retracted", title: "HIDDEN retracted" }),
    },
    { authors: AUTHORS, topics: TOPICS },
  );
});
afterAll(() => {
  if (saved === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = saved;
});

const now = new Date("2026-01-01T00:00:00Z");
const served = async (kind: FeedKind, listing: "topic" | "author", slug: string) => {
  const response = listingFeedResponse(kind, findListing(listing, slug, now));
  return { response, text: response.status === 200 ? await response.text() : "" };
};

describe.each<FeedKind>(["rss", "atom"])("the %s feed of", (kind) => {
  const file = kind === "rss" ? "feed.xml" : "atom.xml";

  it("a topic: titled and linked as the topic, described as its front, the newest 50 public stories", async () => {
    const { response, text } = await served(kind, "topic", "energy");
    expect(response.headers.get("content-type")).toBe(FEED_CONTENT_TYPE[kind]);
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = parseFeed(text);
    expect(feed.title).toBe("Energy | Inter Bellum News");
    expect(feed.description).toBe("Oil, gas and power.");
    expect(feed.url).toBe("https://interbellumnews.com/topic/energy");
    expect(feed.self).toBe(`https://interbellumnews.com/topic/energy/${file}`);
    expect(feed.items).toHaveLength(50);
    expect(feed.items[0]?.url).toBe("https://interbellumnews.com/world/energy-54");
    expect(feed.items.at(-1)?.url).toBe("https://interbellumnews.com/world/energy-5");
  });

  it("a topic holds only the public stories carrying it", async () => {
    const { text } = await served(kind, "topic", "gas");
    const feed = parseFeed(text);
    expect(feed.items.map((i) => i.url)).toEqual([
      "https://interbellumnews.com/security/gas-newer",
      "https://interbellumnews.com/world/gas-older",
    ]);
    // A topic without its own description is described as its front is.
    expect(feed.description).toBe("The latest stories on Gas from Inter Bellum News.");
    expect(text).not.toContain("HIDDEN");
  });

  it("an author: titled and linked as the author, their public stories only", async () => {
    const { text } = await served(kind, "author", "mara");
    const feed = parseFeed(text);
    expect(feed.title).toBe("Mara Lind | Inter Bellum News");
    expect(feed.description).toBe("Covers the harbour.");
    expect(feed.url).toBe("https://interbellumnews.com/author/mara");
    expect(feed.self).toBe(`https://interbellumnews.com/author/mara/${file}`);
    expect(feed.items.map((i) => i.title)).toEqual(["A valid headline", "A valid headline"]);
    expect(feed.items.map((i) => i.url)).toEqual([
      "https://interbellumnews.com/security/gas-newer",
      "https://interbellumnews.com/world/gas-older",
    ]);
    expect(text).not.toContain("HIDDEN");
  });

  it("nothing: an unknown topic or author, or a topic only stories the public cannot see carry, is a 404", async () => {
    for (const [listing, slug] of [["topic", "no-such-topic"], ["topic", "secret"], ["author", "nobody"]] as const) {
      const { response } = await served(kind, listing, slug);
      expect(response.status, slug).toBe(404);
      expect(await response.text()).not.toContain("Secret");
    }
  });
});

it("a description with markup stays text: escaped in RSS, where readers render it as HTML; as typed in Atom's text subtitle", () => {
  const { site } = loadCorpus(process.env.CONTENT_DIR);
  const channel = { path: "/topic/x", name: "X", description: '<a href="javascript:alert(1)">A</a> & B' };
  const rss = buildFeed("rss", { site, channel, articles: [] });
  const atom = buildFeed("atom", { site, channel, articles: [] });
  expect(rss).toContain("<description>&amp;lt;a href=");
  expect(rss).not.toContain("<description>&lt;a");
  expect(atom).toContain("<subtitle>&lt;a href=");
  expect(parseFeed(atom).description).toBe(channel.description);
});

it("topic and author fronts announce their own feeds after the site's", () => {
  const { site } = loadCorpus(process.env.CONTENT_DIR);
  const metadata = pageMetadata(site, { title: "Energy", description: "d", path: "/topic/energy", feed: { name: "Energy", path: "/topic/energy" } });
  expect(metadata.alternates?.types).toEqual({
    "application/rss+xml": [
      { url: "/feed.xml", title: "Inter Bellum News" },
      { url: "/topic/energy/feed.xml", title: "Energy | Inter Bellum News" },
    ],
    "application/atom+xml": [
      { url: "/atom.xml", title: "Inter Bellum News" },
      { url: "/topic/energy/atom.xml", title: "Energy | Inter Bellum News" },
    ],
  });
  expect(feedAlternates(site, { name: "Mara Lind", path: "/author/mara" })["application/atom+xml"]).toEqual([
    { url: "/atom.xml", title: "Inter Bellum News" },
    { url: "/author/mara/atom.xml", title: "Mara Lind | Inter Bellum News" },
  ]);
});
