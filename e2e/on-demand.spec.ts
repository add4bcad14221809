import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { FIXTURES } from "./helpers/fixtures";
import { FIXTURE_ORIGIN } from "./helpers/origins";

test.use({ baseURL: FIXTURE_ORIGIN });

// `npm run build:fixtures` prebuilds only the newest story (PRERENDER_ARTICLES=1): older ones
// render on their first request, as the archive does on the real site.
const PRERENDERED = FIXTURES.public[0].path;
const ON_DEMAND = "/world/harbour-fish-market-reopens";

test("the fixture build prebuilt only the newest story", () => {
  const manifest = JSON.parse(fs.readFileSync(".next-fixtures/prerender-manifest.json", "utf8")) as {
    routes: Record<string, unknown>;
  };
  expect(Object.keys(manifest.routes)).toContain(PRERENDERED);
  expect(Object.keys(manifest.routes)).not.toContain(ON_DEMAND);
});

test("a story not prebuilt renders in full on its first request, and again from the cache", async ({ page }) => {
  for (let visit = 0; visit < 2; visit++) {
    const response = await page.goto(ON_DEMAND);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Harbour Fish Market Reopens");
    await expect(page.getByRole("region", { name: "Related Stories" })).toBeVisible();
  }
});

test("an unknown story is still a 404 when stories render on demand", async ({ page }) => {
  const response = await page.goto("/world/no-such-story-in-the-archive");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
});
