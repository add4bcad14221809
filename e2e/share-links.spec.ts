import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { inAnHour, previewLink, useSession } from "./helpers/desk";
import { DRAFT, LEAK_MARKERS, SCHEDULED } from "./helpers/markers";
import { FIXTURE_ORIGIN, SITE_ORIGIN } from "./helpers/origins";

/*
 * Shared preview links: the fixture server signs them with PREVIEW_LINK_KEY.
 * Whoever has one sees its one story, without a secret or a sign-in, until it
 * expires; nothing else is unlocked, and nothing of it is cached for the public.
 */

test.use({ baseURL: FIXTURE_ORIGIN });

const hasMarker = (text: string) => LEAK_MARKERS.some((m) => text.includes(m));

test("an editor makes a link; a reader without a secret or a session sees that story, and only that one", async ({ page, context, browser }) => {
  await useSession(context);
  await page.goto(`/desk/story/${DRAFT.slug}`);
  const share = page.getByRole("region", { name: "Share a preview" });
  await share.getByLabel("Valid for").selectOption({ label: "1 hour" });
  await share.getByRole("button", { name: "Make a preview link" }).click();
  const made = share.getByRole("status");
  await expect(made).toContainText("Preview link, valid until");
  const url = await made.getByRole("link").getAttribute("href");
  expect(url).toMatch(/^https:\/\/interbellumnews\.com\/preview\/draft-marker-story\.\d+\.[0-9a-f]{64}$/);
  const link = new URL(url!).pathname;
  const expires = Number(link.split(".")[1]) * 1000;
  expect(expires - Date.now()).toBeGreaterThan(3590_000);
  expect(expires - Date.now()).toBeLessThanOrEqual(3600_000);

  const reader = await browser.newContext();
  const tab = await reader.newPage();
  const response = await tab.goto(`${FIXTURE_ORIGIN}${link}`);
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  expect(headers["cache-control"]).toMatch(/private/);
  expect(headers["cache-control"]).toMatch(/no-store/);
  expect(headers["x-robots-tag"]).toMatch(/noindex/);
  expect(headers["set-cookie"]).toBeUndefined();
  await expect(tab.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(tab.getByRole("heading", { level: 1 })).toHaveText(DRAFT.title);
  await expect(tab.getByRole("region", { name: "Preview" })).toContainText("This link works until");
  await expect(tab.locator("article").first()).toContainText("LEAKCANARY-DRAFT-BODY");
  // No Draft Mode: the story's own address, and every other unpublished story, stay 404s.
  expect(await reader.cookies()).toEqual([]);
  for (const other of [DRAFT.path, SCHEDULED.path]) expect((await tab.goto(`${FIXTURE_ORIGIN}${other}`))?.status(), other).toBe(404);
  await reader.close();
});

test("an expired link is a 410 page that shows nothing of the story", async ({ request }) => {
  const response = await request.get(previewLink(DRAFT.slug, new Date(Date.now() - 1000)));
  expect(response.status()).toBe(410);
  const html = await response.text();
  expect(html).toContain("This preview link has expired");
  expect(hasMarker(html)).toBe(false);
});

test("an altered link, a link moved to another story and a link signed with a rotated key are 401s that show nothing", async ({ request }) => {
  const good = previewLink(DRAFT.slug, inAnHour());
  const [slug, seconds, mac] = good.slice("/preview/".length).split(".");
  const altered = [
    `/preview/${SCHEDULED.slug}.${seconds}.${mac}`,
    `/preview/${slug}.${Number(seconds) + 86_400}.${mac}`,
    `/preview/${slug}.${seconds}.${mac!.replace(/^./, (c) => (c === "a" ? "b" : "a"))}`,
    `/preview/${slug}.${seconds}`,
    previewLink(DRAFT.slug, inAnHour(), "the-key-before-rotation"),
    previewLink(DRAFT.slug, new Date(Date.now() - 1000), "the-key-before-rotation"),
  ];
  expect((await request.get(good)).status()).toBe(200);
  for (const link of altered) {
    const response = await request.get(link);
    expect(response.status(), link).toBe(401);
    const html = await response.text();
    expect(html, link).toContain("This preview link is not valid");
    expect(hasMarker(html), link).toBe(false);
    expect(response.headers()["x-robots-tag"], link).toMatch(/noindex/);
  }
});

test("the page a link renders through is not a second way in: a 404 to a reader, even with a good link", async ({ request }) => {
  for (const link of [previewLink(DRAFT.slug, inAnHour()), previewLink(DRAFT.slug, new Date(Date.now() - 1000))]) {
    const response = await request.get(`${link}/view`);
    expect(response.status(), link).toBe(404);
    expect(hasMarker(await response.text()), link).toBe(false);
  }
});

test("a link to a story that is public by now sends the reader to its address", async ({ request }) => {
  const response = await request.get(previewLink("harbour-fish-market-reopens", inAnHour()), { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toBe("/world/harbour-fish-market-reopens");
});

test("where PREVIEW_LINK_KEY is unset, links are refused (403) and say sharing is off", async ({ request }) => {
  const response = await request.get(`${SITE_ORIGIN}${previewLink("anything", inAnHour())}`);
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("Preview links are switched off");
});

test("after previews, no public page, list, feed, sitemap or search result and no cache entry holds the story", async ({ request }) => {
  for (const slug of [DRAFT.slug, SCHEDULED.slug]) expect((await request.get(previewLink(slug, inAnHour()))).status()).toBe(200);
  for (const url of ["/", "/world", "/culture", DRAFT.path, SCHEDULED.path, "/feed.xml", "/sitemap.xml", "/news-sitemap.xml", "/search?q=Harbour"]) {
    const body = await (await request.get(url)).text();
    expect(hasMarker(body), url).toBe(false);
    expect(body, url).not.toMatch(/href="[^"]*\/(?:desk|preview)\//);
  }
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith(".js") && !entry.name.endsWith(".nft.json") && hasMarker(fs.readFileSync(full, "latin1"))) hits.push(full);
    }
  };
  walk(path.resolve(".next-fixtures", "server", "app"));
  const cache = path.resolve(".next-fixtures", "cache");
  if (fs.existsSync(cache)) walk(cache);
  expect(hits).toEqual([]);
  // The desk and the links are rendered per request: the build and the ISR cache hold no page of theirs.
  const pagesOf = (dir: string): string[] =>
    fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.(html|rsc|body|meta)$/.test(f)) : [];
  for (const area of ["desk", "preview"]) expect(pagesOf(path.resolve(".next-fixtures", "server", "app", area)), area).toEqual([]);
});
