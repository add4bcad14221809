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
  // More stories offers the section's other public story, then the newest from elsewhere:
  // never a draft, a scheduled or a retracted story.
  await expect(page.getByRole("region", { name: "More stories" }).getByRole("link")).toHaveText([
    "Baltic Ferry Timetable Changes for the Summer",
    "Harbour Fish Market Reopens",
    "Port Authority Approves New Breakwater",
  ]);
});
