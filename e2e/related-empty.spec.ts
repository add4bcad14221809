import { expect, test } from "@playwright/test";
import { FIXTURE_ORIGIN } from "./helpers/origins";

test.use({ baseURL: FIXTURE_ORIGIN });

test("Related Stories says exactly 'No stories found.' when no story shares a topic", async ({ page }) => {
  const response = await page.goto("/culture/lighthouse-keepers-of-the-baltic");
  expect(response?.status()).toBe(200);
  const related = page.getByRole("region", { name: "Related Stories" });
  await expect(related.getByRole("heading", { name: "Related Stories" })).toBeVisible();
  await expect(related.getByText("No stories found.", { exact: true })).toBeVisible();
  await expect(related.getByRole("link")).toHaveCount(0);
  // More stories still offers the newest of the rest of the corpus (no other culture story exists).
  await expect(page.getByRole("region", { name: "More stories" }).getByRole("link")).toHaveText([
    "Harbour Fish Market Reopens",
    "Port Authority Approves New Breakwater",
    "Ferry Timetable Changes for Winter",
  ]);
});
