import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { crawl } from "./helpers/crawl";
import { inAnHour, previewLink } from "./helpers/desk";
import { FIXTURES } from "./helpers/fixtures";
import { DRAFT, LEAK_MARKERS, SCHEDULED } from "./helpers/markers";
import { FIXTURE_ORIGIN } from "./helpers/origins";

/*
 * The fixture corpus holds a draft and a story scheduled for 2099 whose every
 * field carries a LEAKCANARY marker. Nothing the public can reach may show one.
 */

test.use({ baseURL: FIXTURE_ORIGIN });

const hasMarker = (text: string) => LEAK_MARKERS.some((m) => text.includes(m));

test("crawling every public page, asset and listing finds no trace of drafts or scheduled stories", async ({ request }) => {
  // The live story's update feed too: its 2099 update carries a marker.
  const pages = await crawl(
    request,
    FIXTURE_ORIGIN,
    ["/", "/robots.txt", "/sitemap.xml", "/news-sitemap.xml", "/feed.xml", "/corrections/feed.xml", "/corrections/atom.xml", FIXTURES.live.feed],
    600,
  );
  const ok = pages.filter((p) => p.status === 200);
  // The crawl really walked the site: fronts, articles, topics, authors, pagination.
  for (const must of [
    "/world",
    "/world/page/2",
    "/culture/lighthouse-keepers-of-the-baltic",
    "/topic/coast",
    "/author/harbour-correspondent",
    // Corrections, and the topic and author feeds, where the draft's and the scheduled story's corrections and stories must not show.
    "/corrections",
    "/corrections/page/2",
    "/topic/coast/feed.xml",
    "/author/harbour-correspondent/atom.xml",
    FIXTURES.live.path,
    FIXTURES.live.feed,
  ]) {
    expect(ok.map((p) => new URL(p.url).pathname)).toContain(must);
  }
  const leaks = pages.filter((p) => hasMarker(p.body) || p.url.includes(DRAFT.slug) || p.url.includes(SCHEDULED.slug));
  expect(leaks.map((p) => p.url)).toEqual([]);
  // No public page leads to the editors' desk or to a shared preview.
  expect(pages.filter((p) => /\/(?:desk|preview)(?:[/?"]|$)/.test(new URL(p.url).pathname) || /(?:href|src)="[^"]*\/(?:desk|preview)[/"?]/.test(p.body)).map((p) => p.url)).toEqual([]);
  expect(pages.filter((p) => p.status >= 500).map((p) => p.url)).toEqual([]);
});

test("their own URLs, and a topic only a draft carries, are 404s", async ({ request }) => {
  for (const url of [DRAFT.path, SCHEDULED.path, DRAFT.liveFeed, SCHEDULED.liveFeed, "/topic/embargoed-topic", "/topic/embargoed-topic/feed.xml", "/topic/embargoed-topic/atom.xml"]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(404);
    expect(hasMarker(await response.text()), url).toBe(false);
  }
});

test("the desk shows them only to a signed-in editor; a shared link only its own story", async ({ request }) => {
  // Signed out: the sign-in form, nothing of a draft.
  for (const url of ["/desk", `/desk/story/${DRAFT.slug}`, `/desk/story/${DRAFT.slug}/article`, `/desk/story/${DRAFT.slug}/card.png`]) {
    const body = await (await request.get(url)).text();
    expect(hasMarker(body), url).toBe(false);
  }
  // A link to the draft shows the draft and nothing of the scheduled story.
  const shared = await (await request.get(previewLink(DRAFT.slug, inAnHour()))).text();
  expect(shared).toContain("LEAKCANARY-DRAFT-BODY");
  expect(shared).not.toContain("LEAKCANARY-SCHEDULED");
  // An expired or altered one shows nothing at all.
  for (const link of [previewLink(DRAFT.slug, new Date(Date.now() - 1000)), previewLink(DRAFT.slug, inAnHour(), "another-key")]) {
    expect(hasMarker(await (await request.get(link)).text()), link).toBe(false);
  }
});

test("search never finds them", async ({ page }) => {
  for (const q of ["LEAKCANARY", "LEAKCANARY-DRAFT-BODY", "LEAKCANARY-SCHEDULED-TITLE", "LEAKCANARY-DRAFT-UPDATE-BODY", "LEAKCANARY-LIVE-FUTURE-BODY", "Merger", "Lighthouse Sale"]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status()).toBe(200);
    // The page repeats the query itself; nothing else on it may carry a marker.
    const body = (await response!.text()).split(q).join("").split(encodeURIComponent(q)).join("");
    expect(hasMarker(body), q).toBe(false);
    await expect(page.getByRole("main").getByRole("link", { name: /Merger|Lighthouse Sale/ })).toHaveCount(0);
  }
});

test("an editor's pins to them are dropped from Related Stories", async ({ page }) => {
  await page.goto("/culture/lighthouse-keepers-of-the-baltic");
  await expect(page.getByRole("region", { name: "Related Stories" })).toContainText("No stories found.");
});

test("the build output for public serving holds no marker", () => {
  const dist = path.resolve(".next-fixtures");
  const served = [path.join(dist, "server", "app"), path.join(dist, "static")];
  const hits: string[] = [];
  let scanned = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith(".nft.json") && !(dir.includes(`${path.sep}server${path.sep}`) && entry.name.endsWith(".js"))) {
        scanned++;
        if (hasMarker(fs.readFileSync(full, "latin1"))) hits.push(path.relative(dist, full));
      }
    }
  };
  served.forEach(walk);
  expect(scanned).toBeGreaterThan(50);
  expect(hits).toEqual([]);
});
