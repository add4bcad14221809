import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { inAnHour, previewLink, useSession } from "./helpers/desk";
import { DRAFT } from "./helpers/markers";
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

/** Fixture pages: a story with corrections (its box and byline note) and the corrections list. */
const fixturePages = ["/world/harbour-fish-market-reopens", "/corrections", "/corrections/page/2"];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} scheme, fixture corpus`, () => {
    test.use({ colorScheme, baseURL: FIXTURE_ORIGIN });
    for (const path of fixturePages) {
      test(`axe finds no violations on ${path}`, async ({ page }) => {
        await page.goto(path);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      });
    }

    // axe skips text hidden from assistive technology, so the breadcrumb's "›" is measured here (WCAG 1.4.11: 3:1).
    test("the breadcrumb separators stand out from the page at 3:1 or more", async ({ page }) => {
      await page.goto("/world/harbour-fish-market-reopens");
      const ratios = await page.getByRole("navigation", { name: "Breadcrumb" }).locator('[aria-hidden="true"]').evaluateAll((seps) => {
        const rgb = (css: string) => css.match(/[\d.]+/g)!.slice(0, 3).map(Number);
        const luminance = (css: string) => {
          const [r, g, b] = rgb(css).map((v) => {
            const c = v / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const page = luminance(getComputedStyle(document.documentElement).backgroundColor);
        return seps.map((sep) => {
          const [hi, lo] = [luminance(getComputedStyle(sep).color), page].sort((a, b) => b - a);
          return (hi! + 0.05) / (lo! + 0.05);
        });
      });
      expect(ratios).toHaveLength(2);
      for (const ratio of ratios) expect(ratio).toBeGreaterThanOrEqual(3);
    });
  });
}

/** The editors' desk and shared previews, signed out and in (fixture server). */
const deskPages: [string, string, boolean][] = [
  ["desk sign-in", "/desk", false],
  ["desk sign-in, wrong secret", "/desk?problem=wrong", false],
  ["desk lists", "/desk", true],
  ["desk story", `/desk/story/${DRAFT.slug}`, true],
  ["desk article preview", `/desk/story/${DRAFT.slug}/article`, true],
  ["shared preview", previewLink(DRAFT.slug, inAnHour()), false],
  ["shared preview, expired", previewLink(DRAFT.slug, new Date(Date.now() - 1000)), false],
];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} scheme, desk`, () => {
    test.use({ colorScheme, baseURL: FIXTURE_ORIGIN });
    for (const [name, path, signedIn] of deskPages) {
      test(`axe finds no violations on the ${name}`, async ({ page, context }) => {
        if (signedIn) await useSession(context);
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
