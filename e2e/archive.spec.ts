import { expect, test } from "@playwright/test";
import { beyond, clickDepths, deepest, sitemapStories } from "../tools/click-depth";
import { CANONICAL_ORIGIN, meta } from "./helpers/crawl";
import { FIXTURES } from "./helpers/fixtures";
import { DRAFT, LEAK_MARKERS, SCHEDULED } from "./helpers/markers";
import { FIXTURE_ORIGIN } from "./helpers/origins";

/*
 * The date archive of the fixture corpus (UTC, 2 stories a page): every
 * public story within 4 clicks of the front page, by the links the pages
 * render; dates without public stories are 404s; drafts and scheduled
 * stories appear on no archive page.
 */

test.use({ baseURL: FIXTURE_ORIGIN });

const CLICKS = 4;

test(`every public story is within ${CLICKS} clicks of the front page, and no archive page shows a draft or a scheduled story`, async ({ request }) => {
  const stories = await sitemapStories(FIXTURE_ORIGIN);
  expect(stories).toEqual(expect.arrayContaining([...FIXTURES.public, ...FIXTURES.hostile, FIXTURES.live].map((s) => s.path)));
  const { depths, errors } = await clickDepths(FIXTURE_ORIGIN, { maxDepth: CLICKS, sameOrigins: [CANONICAL_ORIGIN] });
  expect(beyond(depths, stories, CLICKS)).toEqual([]);
  expect(deepest(depths, stories)).toBeLessThanOrEqual(CLICKS);
  expect([...errors]).toEqual([]);
  // The archive alone gives the same bound, whatever the fronts show: front → Archive → month → day (or its page n) → story.
  const byArchive = await clickDepths(FIXTURE_ORIGIN, { maxDepth: CLICKS, follow: (path) => path.startsWith("/archive") });
  expect(beyond(byArchive.depths, stories, CLICKS)).toEqual([]);

  const archive = [...depths.keys()].filter((p) => p === "/archive" || p.startsWith("/archive/"));
  expect(archive).toEqual(expect.arrayContaining(["/archive", "/archive/2025", "/archive/2025/03", "/archive/2025/03/29"]));
  for (const path of archive) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    for (const marker of [...LEAK_MARKERS, DRAFT.slug, SCHEDULED.slug, 'href="/archive/2099']) expect(html, `${path} shows ${marker}`).not.toContain(marker);
  }
});

test("a year lists its months, a month its days, with counts of public stories only", async ({ page }) => {
  await page.goto("/archive/2025");
  await expect(page).toHaveTitle("Archive: 2025 | Inter Bellum News");
  const year = page.getByRole("list", { name: "Months" }).getByRole("listitem");
  // January (the two hostile stories), March (28, 29 twice, 30), April (1, 2, 3; the draft, the retraction and the 6 April draft do not count).
  await expect(year).toHaveText([/^January\s*2 stories$/, /^March\s*4 stories$/, /^April\s*3 stories$/]);

  await page.getByRole("link", { name: "March", exact: true }).click();
  await expect(page).toHaveURL(/\/archive\/2025\/03$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("March 2025");
  await expect(page.getByRole("list", { name: "Days" }).getByRole("listitem")).toHaveText([/^Friday 28\s*1 story$/, /^Saturday 29\s*2 stories$/, /^Sunday 30\s*1 story$/]);
  await expect(page.getByRole("navigation", { name: "Archive dates" }).getByRole("link")).toHaveText(["← January 2025", "April 2025 →"]);
});

test("a day lists its public stories and steps over days that have none", async ({ page }) => {
  await page.goto("/archive/2025/03/29");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Saturday, 29 March 2025");
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText(["Harbour Regatta, as It Happened", "Ferry Timetable Changes for Winter"]);
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link")).toHaveText(["Home", "Archive", "2025", "March 2025"]);
  expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(`${CANONICAL_ORIGIN}/archive/2025/03/29`);
  expect(await meta(page, "og:url")).toBe(`${CANONICAL_ORIGIN}/archive/2025/03/29`);
  expect(await meta(page, "og:title")).toBe("Archive: Saturday, 29 March 2025");

  // 31 March holds only a draft: the next day with a public story is 1 April.
  await page.goto("/archive/2025/03/30");
  await expect(page.getByRole("navigation", { name: "Archive dates" }).getByRole("link")).toHaveText([
    "← Saturday, 29 March 2025",
    "Tuesday, 1 April 2025 →",
  ]);
  // After 3 April come a retraction and a draft only: no later day.
  await page.goto("/archive/2025/04/03");
  await expect(page.getByRole("navigation", { name: "Archive dates" }).getByRole("link")).toHaveText(["← Wednesday, 2 April 2025"]);
});

test("dates that are malformed, impossible or without public stories are real 404s", async ({ request }) => {
  for (const path of [
    "/archive/2025/03/31", // a draft only
    "/archive/2025/04/05", // a retracted story only
    "/archive/2099", // scheduled stories only
    "/archive/2099/01/01",
    "/archive/2024",
    "/archive/2025/02",
    "/archive/2025/02/30",
    "/archive/2025/3",
    "/archive/2025/03/9",
    "/archive/25",
    "/archive/2025/13",
    "/archive/2025/03/29/page/2", // one page only
    "/archive/2025/03/29/page/1",
    "/archive/2025/03/29/page/02",
    "/archive/2025/03/29/extra",
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
});

test("the footer links the archive and a story's date links its day", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "Archive" }).click();
  await expect(page).toHaveURL(/\/archive$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Archive");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText([/^2025/]);

  await page.goto(FIXTURES.live.path);
  await page.getByRole("link", { name: /29 March 2025/ }).first().click();
  await expect(page).toHaveURL(/\/archive\/2025\/03\/29$/);
});
