import { expect, test } from "@playwright/test";
import { CANONICAL_ORIGIN, W3C_DATETIME, getXml } from "./helpers/crawl";
import { FIXTURES } from "./helpers/fixtures";
import { FIXTURE_ORIGIN } from "./helpers/origins";
import { SECTIONS, STORIES } from "./helpers/stories";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

type Url = { loc: string; lastmod?: string };

test("robots.txt names both sitemaps on the canonical origin and keeps crawlers out of /api/", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const lines = (await response.text()).split("\n").map((l) => l.trim());
  expect(lines).toContain("User-Agent: *");
  expect(lines).toContain("Disallow: /api/");
  expect(lines).toContain(`Sitemap: ${CANONICAL_ORIGIN}/sitemap.xml`);
  expect(lines).toContain(`Sitemap: ${CANONICAL_ORIGIN}/news-sitemap.xml`);
});

test.describe("the site sitemap", () => {
  test("is a well-formed urlset listing every public story once, with W3C dates", async ({ request }) => {
    const { doc } = await getXml(request, "/sitemap.xml");
    expect(doc.urlset["@xmlns"]).toBe(SITEMAP_NS);
    const urls: Url[] = doc.urlset.url;
    const locs = urls.map((u) => u.loc);
    expect(new Set(locs).size).toBe(locs.length);
    for (const url of urls) {
      expect(url.loc.startsWith(`${CANONICAL_ORIGIN}/`), url.loc).toBe(true);
      expect(url.lastmod, url.loc).toMatch(W3C_DATETIME);
    }
    for (const story of STORIES) {
      const entry = urls.filter((u) => u.loc === CANONICAL_ORIGIN + story.path);
      expect(entry, story.path).toHaveLength(1);
      expect(new Date(entry[0]!.lastmod!).toISOString()).toBe(story.publishedAt);
    }
    const storyLocs = locs.filter((l) => new URL(l).pathname.split("/").length === 3 && !/\/(topic|author)\//.test(l));
    expect(storyLocs.sort()).toEqual(STORIES.map((s) => CANONICAL_ORIGIN + s.path).sort());
    // The front page, every section, and the topic and author pages.
    expect(locs).toContain(`${CANONICAL_ORIGIN}/`);
    for (const section of SECTIONS) expect(locs).toContain(CANONICAL_ORIGIN + section);
    expect(locs).toContain(`${CANONICAL_ORIGIN}/topic/power-of-siberia-2`);
    expect(locs).toContain(`${CANONICAL_ORIGIN}/author/staff`);
    // The front page changed when the newest story did.
    expect(urls.find((u) => u.loc === `${CANONICAL_ORIGIN}/`)?.lastmod).toBe("2025-05-09T15:00:00Z");
  });

  test("has no parts while it fits in one file", async ({ request }) => {
    expect((await request.get("/sitemap/1.xml")).status()).toBe(404);
  });
});

test("the news sitemap is well-formed Google News XML and lists only stories of the last 48 hours", async ({ request }) => {
  const { doc } = await getXml(request, "/news-sitemap.xml");
  expect(doc.urlset["@xmlns"]).toBe(SITEMAP_NS);
  expect(doc.urlset["@xmlns:news"]).toBe(NEWS_NS);
  const urls: Record<string, any>[] = doc.urlset.url ?? [];
  const cutoff = Date.now() - 48 * 3600 * 1000;
  for (const url of urls) {
    const news = url["news:news"];
    expect(news["news:publication"]["news:name"]).toBe("Inter Bellum News");
    expect(news["news:publication"]["news:language"]).toBe("en");
    expect(news["news:publication_date"]).toMatch(W3C_DATETIME);
    expect(new Date(news["news:publication_date"]).getTime()).toBeGreaterThanOrEqual(cutoff);
    expect(news["news:title"]).toBeTruthy();
  }
  // The shipped stories are from May 2025: none is inside the window now.
  expect(urls).toHaveLength(0);
});

test.describe("with drafts, scheduled and retracted stories in the corpus", () => {
  test.use({ baseURL: FIXTURE_ORIGIN });

  test("the sitemap lists exactly the public stories, with lastmod from updatedAt or the latest correction", async ({ request }) => {
    const { doc, text } = await getXml(request, "/sitemap.xml");
    const urls: Url[] = doc.urlset.url;
    const stories = urls.filter((u) => /^\/(world|culture)\/[^/]+$/.test(new URL(u.loc).pathname));
    expect(stories.map((u) => u.loc)).toEqual(FIXTURES.public.map((s) => CANONICAL_ORIGIN + s.path));
    expect(stories.map((u) => u.lastmod)).toEqual(FIXTURES.public.map((s) => s.lastmod));
    for (const hidden of [...FIXTURES.hidden, FIXTURES.retracted]) expect(text).not.toContain(hidden.path);
    // A topic only a non-public story carries has no page to offer.
    expect(text).not.toContain("/topic/elections");
    // Old addresses redirect; only the canonical one is offered.
    for (const alias of FIXTURES.renamed.aliases) expect(text).not.toContain(`${CANONICAL_ORIGIN}${alias}<`);
  });

  test("the news sitemap offers nothing non-public", async ({ request }) => {
    const { text } = await getXml(request, "/news-sitemap.xml");
    for (const hidden of [...FIXTURES.hidden, FIXTURES.retracted]) {
      expect(text).not.toContain(hidden.path);
      expect(text).not.toContain(hidden.title);
    }
  });
});
