import { expect, test, type Page } from "@playwright/test";
import { FIXTURES } from "./helpers/fixtures";
import { DRAFT } from "./helpers/markers";
import { FIXTURE_ORIGIN, PREVIEW_SECRET, SITE_ORIGIN } from "./helpers/origins";
import { watchCsp } from "./helpers/security";
import { SEED } from "./helpers/seed";

/*
 * Every page type works in the browser under its Content-Security-Policy: no
 * violation reported, on load or while a reader follows links from page to
 * page. A violation would mean the policy blocks something the site needs (or
 * the site does something the policy was written to stop).
 */

const SITE_PAGES = [
  "/",
  SEED.path,
  "/diplomacy",
  "/topic/russia",
  "/author/staff",
  "/search",
  "/search?q=pipeline",
  "/search?q=qwxzv",
  "/no/such/page",
  "/world/no-such-story",
  "/world/%ff",
  `/${"a".repeat(5000)}`,
];

const FIXTURE_PAGES = [
  "/",
  "/world",
  "/world/page/2",
  "/topic/coast/page/2",
  "/author/harbour-correspondent",
  "/culture/lighthouse-keepers-of-the-baltic",
  FIXTURES.renamed.path,
  FIXTURES.renamed.aliases[0],
  FIXTURES.retracted.path,
  "/hostile",
  ...FIXTURES.hostile.map((s) => s.path),
];

async function expectNoViolations(page: Page, origin: string, paths: string[]) {
  const violations = await watchCsp(page);
  for (const path of paths) {
    const response = await page.goto(origin + path, { waitUntil: "networkidle" });
    expect(response?.status(), path).toBeLessThan(500);
    expect(await violations(), path).toEqual([]);
  }
}

test("no CSP violation on any page type of the site", async ({ page }) => {
  test.setTimeout(120_000);
  await expectNoViolations(page, SITE_ORIGIN, SITE_PAGES);
});

test("no CSP violation on the fixture site's fronts, pages and hostile stories", async ({ page }) => {
  test.setTimeout(120_000);
  await expectNoViolations(page, FIXTURE_ORIGIN, FIXTURE_PAGES);
});

test("following links from page to page meets no violation", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto("/", { waitUntil: "networkidle" });
  await page.getByRole("main").getByRole("link", { name: SEED.teasers[1], exact: true }).first().click();
  await expect(page).toHaveURL(/venezuela/);
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Diplomacy" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diplomacy");
  await page.goto("/search?q=russia", { waitUntil: "networkidle" });
  await page.getByRole("main").getByRole("link", { name: SEED.headline }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED.headline);
  await page.waitForLoadState("networkidle");
  expect(await violations()).toEqual([]);
});

test("pages an editor previews render without a violation", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`${FIXTURE_ORIGIN}/api/draft?secret=${PREVIEW_SECRET}&slug=${DRAFT.slug}`, { waitUntil: "networkidle" });
  await expect(page.getByRole("region", { name: "Preview" })).toBeVisible();
  for (const path of ["/", "/world", "/culture/lighthouse-keepers-of-the-baltic"]) {
    await page.goto(FIXTURE_ORIGIN + path, { waitUntil: "networkidle" });
  }
  expect(await violations()).toEqual([]);
});
