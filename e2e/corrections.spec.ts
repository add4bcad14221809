import { parseFeed } from "@rowanmanning/feed-parser";
import { expect, test } from "@playwright/test";
import { formatDateTime } from "../lib/render/format";
import { CANONICAL_ORIGIN, alternates, getXml, jsonLd, meta } from "./helpers/crawl";
import { FIXTURES } from "./helpers/fixtures";
import { CORRECTION_MARKERS } from "./helpers/markers";
import { FIXTURE_ORIGIN, SITE_ORIGIN } from "./helpers/origins";
import { SEED } from "./helpers/seed";

/*
 * Corrections: the box after a corrected story's body, the note under its
 * byline, its structured data, and /corrections with its pages and feeds.
 * The fixture corpus holds three corrected public stories (one with markup in
 * its correction) and corrections on a retracted story, a draft and a
 * scheduled story, which must never show.
 */

test.use({ baseURL: FIXTURE_ORIGIN });

const STORY = "/world/harbour-fish-market-reopens";
const [LATEST, FIRST, COASTAL, HOSTILE] = FIXTURES.corrections;
/** The story's corrections as its box shows them: oldest first. */
const BOX = [FIRST, LATEST];
/** A date as readers see it, in the newsroom's time zone (UTC in the fixture corpus). */
const shown = (iso: string) => formatDateTime(new Date(iso), "UTC");
const NEVER_PUBLIC = [FIXTURES.retractedCorrection, ...CORRECTION_MARKERS];

test.describe("a corrected story", () => {
  test("shows a Corrections box after the body, oldest first, each dated in the newsroom's time zone", async ({ page }) => {
    await page.goto(STORY);
    const box = page.getByRole("region", { name: "Corrections" });
    await expect(box.getByRole("heading", { level: 2, name: "Corrections" })).toBeVisible();
    const items = box.getByRole("listitem");
    await expect(items).toHaveCount(2);
    for (const [i, correction] of BOX.entries()) {
      await expect(items.nth(i)).toContainText(correction.text);
      await expect(items.nth(i).locator("time")).toHaveText(shown(correction.date));
      await expect(items.nth(i).locator("time")).toHaveAttribute("datetime", new Date(correction.date).toISOString());
      await expect(items.nth(i)).toHaveAttribute("id", `correction-${correction.number}`);
    }
    // After the body, inside the article (it prints with it).
    const after = await page.evaluate(() => {
      const body = document.querySelector("article .prose-article");
      const box = document.getElementById("corrections");
      return !!body && !!box && !!box.closest("article") && !!(body.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(after).toBe(true);
  });

  test("says so under the byline, with the latest correction's date, linking to the box", async ({ page }) => {
    await page.goto(STORY);
    const header = page.locator("article header");
    const note = header.getByRole("link", { name: `Corrected on ${shown(LATEST.date)}` });
    await expect(note).toHaveAttribute("href", "#corrections");
    await note.click();
    await expect(page).toHaveURL(new RegExp(`${STORY}#corrections$`));
    await expect(page.getByRole("region", { name: "Corrections" })).toBeInViewport();
  });

  test("reads the same without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: FIXTURE_ORIGIN });
    const page = await context.newPage();
    await page.goto(STORY);
    await expect(page.getByRole("region", { name: "Corrections" })).toContainText(LATEST.text);
    await expect(page.getByRole("link", { name: /^Corrected on / })).toBeVisible();
    await context.close();
  });

  test("carries each correction as a CorrectionComment, and its latest as dateModified", async ({ page }) => {
    await page.goto(STORY);
    const [article] = (await jsonLd(page)).filter((i) => i["@type"] === "NewsArticle");
    expect(article!.correction).toEqual(
      BOX.map((c) => ({ "@type": "CorrectionComment", text: c.text, datePublished: new Date(c.date).toISOString() })),
    );
    expect(article!.datePublished).toBe("2025-04-01T08:00:00.000Z");
    expect(article!.dateModified).toBe(new Date(LATEST.date).toISOString());
    expect(await meta(page, "article:modified_time")).toBe(new Date(LATEST.date).toISOString());
  });

  test("a story never corrected has no box, no note and no correction in its structured data", async ({ page }) => {
    await page.goto("/world/port-authority-approves-new-breakwater");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Port Authority Approves New Breakwater");
    await expect(page.getByRole("region", { name: "Corrections" })).toHaveCount(0);
    await expect(page.getByText(/Corrected on/)).toHaveCount(0);
    const [article] = (await jsonLd(page)).filter((i) => i["@type"] === "NewsArticle");
    expect(article).not.toHaveProperty("correction");
    expect(article!.dateModified).toBe(article!.datePublished);
  });

  test("markup in a correction is text in the box and in the structured data, and runs nothing", async ({ page }) => {
    await page.goto(HOSTILE.story);
    await expect(page.getByRole("region", { name: "Corrections" }).getByRole("listitem")).toContainText(HOSTILE.text);
    const [article] = (await jsonLd(page)).filter((i) => i["@type"] === "NewsArticle");
    expect(article!.correction[0].text).toBe(HOSTILE.text);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });
});

test.describe("/corrections", () => {
  test("lists every public story's corrections newest first: date, headline linking to the story, section, text", async ({ page }) => {
    await page.goto("/corrections");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Corrections");
    await expect(page).toHaveTitle("Corrections | Inter Bellum News");
    // The list's items, not the breadcrumb's: each is headed by its story's headline.
    const items = page.getByRole("main").getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) });
    await expect(items).toHaveCount(2);
    for (const [i, correction] of FIXTURES.corrections.slice(0, 2).entries()) {
      const item = items.nth(i);
      await expect(item.getByRole("heading", { level: 2 })).toHaveText(correction.headline);
      await expect(item.getByRole("link", { name: correction.headline })).toHaveAttribute("href", `${correction.story}#correction-${correction.number}`);
      await expect(item.getByRole("link", { name: correction.section })).toHaveAttribute("href", "/world");
      await expect(item).toContainText(correction.text);
      await expect(item.locator("time")).toHaveText(shown(correction.date));
    }
  });

  test("pages like the fronts: rel next and prev, page 1 at one address, a 404 past the end", async ({ page, request }) => {
    await page.goto("/corrections");
    const pager = page.getByRole("navigation", { name: "Pagination" });
    await expect(pager).toContainText("Page 1 of 2");
    await expect(pager.locator('a[rel="prev"]')).toHaveCount(0);
    await pager.locator('a[rel="next"]').click();

    await expect(page).toHaveURL(/\/corrections\/page\/2$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Corrections · page 2");
    await expect(page.getByRole("main").locator("ol > li h2")).toHaveText([COASTAL.headline, HOSTILE.headline]);
    await expect(pager.locator('a[rel="next"]')).toHaveCount(0);
    await expect(pager.locator('a[rel="prev"]')).toHaveAttribute("href", "/corrections");
    expect(await page.locator('head link[rel="canonical"]').getAttribute("href")).toBe(`${CANONICAL_ORIGIN}/corrections/page/2`);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();

    const first = await request.get("/corrections/page/1", { maxRedirects: 0 });
    expect(first.status()).toBe(308);
    expect(first.headers().location).toBe("/corrections");
    for (const path of ["/corrections/page/3", "/corrections/page/02", "/corrections/page/x"]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
  });

  test("a headline leads to the correction in its story's box", async ({ page }) => {
    await page.goto("/corrections/page/2");
    await page.getByRole("link", { name: COASTAL.headline }).click();
    await expect(page).toHaveURL(new RegExp(`${COASTAL.story}#correction-1$`));
    await expect(page.locator("#correction-1")).toContainText(COASTAL.text);
  });

  test("never shows a retracted story's, a draft's or a scheduled story's correction", async ({ request }) => {
    for (const path of ["/corrections", "/corrections/page/2", "/corrections/feed.xml", "/corrections/atom.xml"]) {
      const text = await (await request.get(path)).text();
      for (const hidden of NEVER_PUBLIC) expect(text, path).not.toContain(hidden);
      expect(text, path).not.toContain(FIXTURES.retracted.path);
    }
  });

  test("announces its own feeds besides the site's, and the footer links to it", async ({ page }) => {
    await page.goto("/corrections");
    const links = await alternates(page);
    expect(links).toEqual([
      `application/rss+xml ${CANONICAL_ORIGIN}/feed.xml Inter Bellum News`,
      `application/rss+xml ${CANONICAL_ORIGIN}/corrections/feed.xml Corrections | Inter Bellum News`,
      `application/atom+xml ${CANONICAL_ORIGIN}/atom.xml Inter Bellum News`,
      `application/atom+xml ${CANONICAL_ORIGIN}/corrections/atom.xml Corrections | Inter Bellum News`,
    ]);
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "Corrections" }).click();
    await expect(page).toHaveURL(/\/corrections$/);
  });

  test("is in the sitemap, last modified at the newest correction", async ({ request }) => {
    const { doc } = await getXml(request, "/sitemap.xml");
    const entry = (doc.urlset.url as { loc: string; lastmod?: string }[]).filter((u) => u.loc === `${CANONICAL_ORIGIN}/corrections`);
    expect(entry).toEqual([{ loc: `${CANONICAL_ORIGIN}/corrections`, lastmod: LATEST.date }]);
  });
});

for (const [format, path, type] of [
  ["RSS", "/corrections/feed.xml", /^application\/rss\+xml/],
  ["Atom", "/corrections/atom.xml", /^application\/atom\+xml/],
] as const) {
  test(`the corrections ${format} feed parses and lists every public correction newest first`, async ({ request }) => {
    const { text } = await getXml(request, path, type);
    const feed = parseFeed(text);
    expect(feed.title).toBe("Corrections | Inter Bellum News");
    expect(feed.url).toBe(`${CANONICAL_ORIGIN}/corrections`);
    expect(feed.self).toBe(CANONICAL_ORIGIN + path);
    expect(feed.items.map((i) => i.url)).toEqual(FIXTURES.corrections.map((c) => `${CANONICAL_ORIGIN}${c.story}#correction-${c.number}`));
    expect(feed.items.map((i) => i.title)).toEqual(FIXTURES.corrections.map((c) => `Correction: ${c.headline}`));
    // Markup in a correction is text for a feed reader too.
    expect(feed.items.map((i) => i.description)).toEqual(FIXTURES.corrections.map((c) => c.text));
    expect(feed.items.map((i) => i.published?.toISOString())).toEqual(FIXTURES.corrections.map((c) => new Date(c.date).toISOString()));
    expect(feed.items[0]?.categories.map((c) => c.label)).toEqual(["World"]);
    expect(text).not.toMatch(/<script\b/i);
    if (format === "Atom") expect(feed.updated?.toISOString()).toBe(new Date(LATEST.date).toISOString());
  });
}

test.describe("the shipped content, which has no corrections", () => {
  test.use({ baseURL: SITE_ORIGIN });

  test("/corrections says so, its feeds are valid and empty, and the sitemap leaves it out", async ({ page, request }) => {
    const response = await page.goto("/corrections");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("main")).toContainText("No corrections have been published.");
    await expect(page.getByRole("navigation", { name: "Pagination" })).toHaveCount(0);
    expect((await request.get("/corrections/page/2")).status()).toBe(404);
    for (const [path, type] of [
      ["/corrections/feed.xml", /^application\/rss\+xml/],
      ["/corrections/atom.xml", /^application\/atom\+xml/],
    ] as const) {
      const { text } = await getXml(request, path, type);
      expect(parseFeed(text).items, path).toEqual([]);
    }
    const { text } = await getXml(request, "/sitemap.xml");
    expect(text).not.toContain("/corrections");
    await page.goto(SEED.path);
    await expect(page.getByRole("region", { name: "Corrections" })).toHaveCount(0);
  });
});
