import { expect, test, type Page } from "@playwright/test";
import { CANONICAL_ORIGIN, meta, metas } from "./helpers/crawl";
import { FIXTURES } from "./helpers/fixtures";
import { FIXTURE_ORIGIN } from "./helpers/origins";
import { SEED } from "./helpers/seed";

test.use({ javaScriptEnabled: false });

async function canonical(page: Page) {
  const links = page.locator('head link[rel="canonical"]');
  return (await links.count()) ? links.first().getAttribute("href") : null;
}

/** What every indexable page must say about itself. */
async function expectShareable(page: Page, { url, title, type }: { url: string; title: string; type: string }) {
  expect(await canonical(page)).toBe(url);
  expect(await meta(page, "og:url")).toBe(url);
  expect(await meta(page, "og:type")).toBe(type);
  expect(await meta(page, "og:title")).toBe(title);
  expect(await meta(page, "og:site_name")).toBe("Inter Bellum News");
  expect(await meta(page, "og:locale")).toBe("en_GB");
  expect(await meta(page, "og:description")).toBeTruthy();
  expect(await meta(page, "description")).toBe(await meta(page, "og:description"));
  const image = await meta(page, "og:image");
  expect(image?.startsWith(`${CANONICAL_ORIGIN}/`)).toBe(true);
  expect(await meta(page, "og:image:width")).toBe("1200");
  expect(await meta(page, "og:image:height")).toBe("630");
  expect(await meta(page, "og:image:alt")).toBeTruthy();
  expect(await meta(page, "twitter:card")).toBe("summary_large_image");
  expect(await meta(page, "twitter:image")).toBe(image);
  expect(await meta(page, "twitter:title")).toBe(title);
  expect(await meta(page, "robots")).toContain("max-image-preview:large");
  expect(await meta(page, "robots")).toMatch(/^index, follow/);
  return image!;
}

test("the front page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Inter Bellum News");
  const image = await expectShareable(page, { url: CANONICAL_ORIGIN, title: "Inter Bellum News", type: "website" });
  expect(image).toBe(`${CANONICAL_ORIGIN}/og.png`);
});

test("a section front", async ({ page }) => {
  await page.goto("/diplomacy");
  await expect(page).toHaveTitle("Diplomacy | Inter Bellum News");
  const image = await expectShareable(page, { url: `${CANONICAL_ORIGIN}/diplomacy`, title: "Diplomacy", type: "website" });
  expect(image).toBe(`${CANONICAL_ORIGIN}/diplomacy/og.png`);
});

test("a topic front and an author front", async ({ page }) => {
  await page.goto("/topic/russia");
  await expect(page).toHaveTitle("Russia | Inter Bellum News");
  expect(await expectShareable(page, { url: `${CANONICAL_ORIGIN}/topic/russia`, title: "Russia", type: "website" })).toBe(
    `${CANONICAL_ORIGIN}/og.png`,
  );
  await page.goto("/author/staff");
  await expectShareable(page, { url: `${CANONICAL_ORIGIN}/author/staff`, title: "Inter Bellum News staff", type: "website" });
});

test("an article, with its Open Graph article fields", async ({ page }) => {
  await page.goto(SEED.path);
  await expect(page).toHaveTitle(`${SEED.headline} | Inter Bellum News`);
  const image = await expectShareable(page, { url: CANONICAL_ORIGIN + SEED.path, title: SEED.headline, type: "article" });
  expect(image).toBe(`${CANONICAL_ORIGIN}${SEED.path}/og.png`);
  expect(await meta(page, "description")).toBe(SEED.standfirst);
  expect(await meta(page, "article:published_time")).toBe("2025-05-08T12:00:00.000Z");
  expect(await meta(page, "article:modified_time")).toBe("2025-05-08T12:00:00.000Z");
  expect(await meta(page, "article:section")).toBe("World");
  expect(await metas(page, "article:tag")).toEqual(["Russia", "China", "Energy", "Power of Siberia 2"]);
});

test("a 404 page is not indexed and names no canonical address", async ({ page }) => {
  const response = await page.goto("/world/no-such-story");
  expect(response?.status()).toBe(404);
  expect(await meta(page, "robots")).toContain("noindex");
  expect(await canonical(page)).toBeNull();
});

test.describe("fixture corpus", () => {
  test.use({ baseURL: FIXTURE_ORIGIN });

  test("an updated article reports its modification time", async ({ page }) => {
    await page.goto(FIXTURES.renamed.path);
    expect(await meta(page, "article:published_time")).toBe("2025-04-03T08:00:00.000Z");
    expect(await meta(page, "article:modified_time")).toBe("2025-04-04T09:30:00.000Z");
    // Markup in the standfirst is an attribute value, never markup in the head.
    expect(await meta(page, "og:description")).toBe(FIXTURES.renamed.standfirst);
  });

  test("page 2 of a front names itself as canonical", async ({ page }) => {
    await page.goto("/world/page/2");
    await expectShareable(page, { url: `${CANONICAL_ORIGIN}/world/page/2`, title: "World – page 2", type: "website" });
  });

  test("a retracted story's note is not indexed and names no canonical address", async ({ page }) => {
    const response = await page.goto(FIXTURES.retracted.path);
    expect(response?.status()).toBe(410);
    expect(await meta(page, "robots")).toContain("noindex");
    expect(await canonical(page)).toBeNull();
    expect(await meta(page, "og:title")).not.toBe(FIXTURES.retracted.title);
  });
});
