import { parseFeed } from "@rowanmanning/feed-parser";
import { expect, test } from "@playwright/test";
import { CANONICAL_ORIGIN, alternates, getXml } from "./helpers/crawl";
import { FIXTURES } from "./helpers/fixtures";
import { FIXTURE_ORIGIN } from "./helpers/origins";
import { SEED } from "./helpers/seed";
import { STORIES } from "./helpers/stories";

const FEEDS = [
  { path: "/feed.xml", type: /^application\/rss\+xml/, format: "RSS" },
  { path: "/atom.xml", type: /^application\/atom\+xml/, format: "Atom" },
] as const;

for (const feed of FEEDS) {
  test.describe(`the site's ${feed.format} feed`, () => {
    test("parses, and lists the public stories newest first with titles, links and dates", async ({ request }) => {
      const { text } = await getXml(request, feed.path, feed.type);
      const parsed = parseFeed(text);
      expect(parsed.title).toBe("Inter Bellum News");
      expect(parsed.url).toBe(`${CANONICAL_ORIGIN}/`);
      expect(parsed.self).toBe(CANONICAL_ORIGIN + feed.path);
      expect(parsed.items.map((i) => i.title)).toEqual(STORIES.map((s) => s.title));
      expect(parsed.items.map((i) => i.url)).toEqual(STORIES.map((s) => CANONICAL_ORIGIN + s.path));
      expect(parsed.items.map((i) => i.published?.toISOString())).toEqual(STORIES.map((s) => s.publishedAt));
    });

    test("gives each story its summary, full text, author, categories and hero image", async ({ request }) => {
      const { text } = await getXml(request, feed.path, feed.type);
      const seed = parseFeed(text).items.find((i) => i.url === CANONICAL_ORIGIN + SEED.path);
      expect(seed?.description).toBe(SEED.standfirst);
      for (const paragraph of SEED.paragraphs) expect(seed?.content).toContain(`<p>${paragraph}</p>`);
      expect(seed?.authors.map((a) => a.name)).toEqual(["Inter Bellum News staff"]);
      expect(seed?.categories.map((c) => c.label)).toEqual(["World", "Russia", "China", "Energy", "Power of Siberia 2"]);
      expect(seed?.media).toEqual([
        expect.objectContaining({ url: `${CANONICAL_ORIGIN}/images/putin-xi-moscow.jpg`, mimeType: "image/jpeg", type: "image" }),
      ]);
      const bytes = (await (await request.get("/images/putin-xi-moscow.jpg")).body()).length;
      expect(seed?.media[0]?.length).toBe(bytes);
    });
  });
}

test("a section feed holds only that section's stories", async ({ request }) => {
  for (const path of ["/diplomacy/feed.xml", "/diplomacy/atom.xml"]) {
    const { text } = await getXml(request, path, /^application\/(rss|atom)\+xml/);
    const parsed = parseFeed(text);
    expect(parsed.title).toBe("Diplomacy | Inter Bellum News");
    expect(parsed.url).toBe(`${CANONICAL_ORIGIN}/diplomacy`);
    expect(parsed.items.map((i) => i.title)).toEqual(STORIES.filter((s) => s.section === "Diplomacy").map((s) => s.title));
  }
  expect((await request.get("/sport/feed.xml")).status()).toBe(404);
});

test("pages link their feeds with <link rel=alternate>", async ({ page }) => {
  await page.goto(SEED.path);
  expect(await alternates(page)).toEqual([
    `application/rss+xml ${CANONICAL_ORIGIN}/feed.xml Inter Bellum News`,
    `application/rss+xml ${CANONICAL_ORIGIN}/world/feed.xml World | Inter Bellum News`,
    `application/atom+xml ${CANONICAL_ORIGIN}/atom.xml Inter Bellum News`,
    `application/atom+xml ${CANONICAL_ORIGIN}/world/atom.xml World | Inter Bellum News`,
  ]);
  await page.goto("/");
  await expect(page.locator(`head link[rel="alternate"][type="application/rss+xml"][href="${CANONICAL_ORIGIN}/feed.xml"]`)).toHaveCount(1);
});

test.describe("with drafts, scheduled and retracted stories in the corpus", () => {
  test.use({ baseURL: FIXTURE_ORIGIN });

  for (const path of ["/feed.xml", "/atom.xml", "/world/feed.xml", "/culture/atom.xml"]) {
    test(`${path} offers only public stories`, async ({ request }) => {
      const { text } = await getXml(request, path, /^application\/(rss|atom)\+xml/);
      const titles = parseFeed(text).items.map((i) => i.title);
      const section = path.split("/").length === 3 ? `/${path.split("/")[1]}/` : "/";
      const stories = [...FIXTURES.public, FIXTURES.live, ...FIXTURES.hostile].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
      expect(titles).toEqual(stories.filter((s) => s.path.startsWith(section)).map((s) => s.title));
      for (const hidden of [...FIXTURES.hidden, FIXTURES.retracted]) {
        expect(text).not.toContain(hidden.title);
        expect(text).not.toContain(hidden.path);
      }
    });
  }

  test("an updated story carries its update date in Atom", async ({ request }) => {
    const { text } = await getXml(request, "/atom.xml", /^application\/atom\+xml/);
    const renamed = parseFeed(text).items.find((i) => i.url === CANONICAL_ORIGIN + FIXTURES.renamed.path);
    expect(renamed?.published?.toISOString()).toBe("2025-04-03T08:00:00.000Z");
    expect(renamed?.updated?.toISOString()).toBe("2025-04-04T09:30:00.000Z");
    // Markup in a standfirst is text, not elements, in the feed as on the page.
    expect(renamed?.description).toBe(FIXTURES.renamed.standfirst);
  });
});
