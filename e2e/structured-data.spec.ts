import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { CANONICAL_ORIGIN, jsonLd } from "./helpers/crawl";
import { FIXTURES } from "./helpers/fixtures";
import { FIXTURE_ORIGIN } from "./helpers/origins";
import { SEED } from "./helpers/seed";

// Crawlers read the server's HTML: no script of ours runs before they parse it.
test.use({ javaScriptEnabled: false });

const byType = (items: Record<string, any>[], type: string) => items.filter((i) => i["@type"] === type);

test.describe("the seed article", () => {
  test("carries a NewsArticle with every property Google asks for, with the story's values", async ({ page }) => {
    await page.goto(SEED.path);
    const [article, ...more] = byType(await jsonLd(page), "NewsArticle");
    expect(more).toHaveLength(0);
    const url = CANONICAL_ORIGIN + SEED.path;
    expect(article).toMatchObject({
      "@context": "https://schema.org",
      headline: SEED.headline,
      description: SEED.standfirst,
      url,
      mainEntityOfPage: { "@type": "WebPage", "@id": url },
      datePublished: "2025-05-08T12:00:00.000Z",
      dateModified: "2025-05-08T12:00:00.000Z",
      author: [{ "@type": "Organization", name: "Inter Bellum News staff", url: `${CANONICAL_ORIGIN}/author/staff` }],
      publisher: { "@type": "Organization", name: "Inter Bellum News", url: `${CANONICAL_ORIGIN}/` },
      articleSection: "World",
      keywords: ["Russia", "China", "Energy", "Power of Siberia 2"],
      inLanguage: "en",
    });
    expect(new Date(article!.datePublished).toISOString()).toBe(article!.datePublished);
  });

  test("offers the hero in 16:9, 4:3 and 1:1, each a real JPEG at least 1200 px wide", async ({ page, request }) => {
    await page.goto(SEED.path);
    const [article] = byType(await jsonLd(page), "NewsArticle");
    const images: string[] = article!.image;
    expect(images).toHaveLength(3);
    const ratios: number[] = [];
    for (const image of images) {
      expect(image.startsWith(`${CANONICAL_ORIGIN}/images/`), image).toBe(true);
      const response = await request.get(new URL(image).pathname);
      expect(response.status(), image).toBe(200);
      const { width, height, format } = await sharp(await response.body()).metadata();
      expect(format).toBe("jpeg");
      expect(width).toBeGreaterThanOrEqual(1200);
      ratios.push(width! / height!);
    }
    expect(ratios[0]).toBeCloseTo(16 / 9, 2);
    expect(ratios[1]).toBeCloseTo(4 / 3, 2);
    expect(ratios[2]).toBeCloseTo(1, 2);
  });

  test("names a publisher logo that is a real PNG", async ({ page, request }) => {
    await page.goto(SEED.path);
    const [article] = byType(await jsonLd(page), "NewsArticle");
    const logo: string = article!.publisher.logo.url;
    expect(logo).toBe(`${CANONICAL_ORIGIN}/logo.png`);
    const response = await request.get("/logo.png");
    expect(response.headers()["content-type"]).toBe("image/png");
    const { width, height } = await sharp(await response.body()).metadata();
    expect(width).toBeGreaterThanOrEqual(112);
    expect(height).toBe(width);
  });

  test("carries a BreadcrumbList Home › World › headline", async ({ page }) => {
    await page.goto(SEED.path);
    const [crumbs] = byType(await jsonLd(page), "BreadcrumbList");
    expect(crumbs!.itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Home", item: `${CANONICAL_ORIGIN}/` },
      { "@type": "ListItem", position: 2, name: "World", item: `${CANONICAL_ORIGIN}/world` },
      { "@type": "ListItem", position: 3, name: SEED.headline, item: CANONICAL_ORIGIN + SEED.path },
    ]);
  });
});

test("a section front carries a BreadcrumbList Home › Section", async ({ page }) => {
  await page.goto("/security");
  const items = await jsonLd(page);
  expect(byType(items, "BreadcrumbList")[0]?.itemListElement).toEqual([
    { "@type": "ListItem", position: 1, name: "Home", item: `${CANONICAL_ORIGIN}/` },
    { "@type": "ListItem", position: 2, name: "Security", item: `${CANONICAL_ORIGIN}/security` },
  ]);
  expect(byType(items, "NewsArticle")).toHaveLength(0);
});

test("the front page carries the Organization and a WebSite with a search action", async ({ page }) => {
  await page.goto("/");
  const items = await jsonLd(page);
  expect(byType(items, "Organization")[0]).toMatchObject({
    name: "Inter Bellum News",
    url: `${CANONICAL_ORIGIN}/`,
    logo: { "@type": "ImageObject", url: `${CANONICAL_ORIGIN}/logo.png` },
  });
  const site = byType(items, "WebSite")[0];
  expect(site).toMatchObject({ name: "Inter Bellum News", url: `${CANONICAL_ORIGIN}/` });
  expect(site!.potentialAction).toEqual({
    "@type": "SearchAction",
    target: { "@type": "EntryPoint", urlTemplate: `${CANONICAL_ORIGIN}/search?q={search_term_string}` },
    "query-input": "required name=search_term_string",
  });
});

test.describe("markup in a story's text", () => {
  test.use({ baseURL: FIXTURE_ORIGIN, javaScriptEnabled: true });

  test("stays text inside the JSON-LD: no </script> break-out", async ({ page }) => {
    await page.goto(FIXTURES.renamed.path);
    const items = await jsonLd(page);
    expect(items.map((i) => i["@type"])).toEqual(["NewsArticle", "BreadcrumbList"]);
    expect(byType(items, "NewsArticle")[0]?.description).toBe(FIXTURES.renamed.standfirst);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const raw = await (await page.request.get(FIXTURES.renamed.path)).text();
    expect(raw).not.toContain("<script>window.__pwned");
  });
});
