import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { FIXTURE_ORIGIN } from "./helpers/origins";
import { SEED } from "./helpers/seed";

const pages = [
  "/",
  SEED.path,
  "/world",
  "/topic/russia",
  "/author/staff",
  "/search",
  "/search?q=pipeline",
  "/search?q=qwxzv",
  "/no-such-page",
];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });
    for (const path of pages) {
      test(`axe finds no violations on ${path}`, async ({ page }) => {
        await page.goto(path);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      });
    }
  });
}

test.describe("fixture corpus", () => {
  test.use({ baseURL: FIXTURE_ORIGIN });
  test("axe finds no violations on a retracted story's note (410)", async ({ page }) => {
    const response = await page.goto("/world/election-result-misreported");
    expect(response?.status()).toBe(410);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});

test("a skip link is the first stop of the keyboard and moves focus to the content", async ({ page }) => {
  await page.goto(SEED.path);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});
