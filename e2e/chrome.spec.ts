import { expect, test } from "@playwright/test";
import { SEED } from "./helpers/seed";

test("the mobile menu opens and navigates without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.goto(SEED.path);
  const sections = page.getByRole("navigation", { name: "Sections" });
  await expect(sections).toBeHidden();
  await page.getByText("Menu", { exact: true }).click();
  await expect(sections).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search stories" })).toBeVisible();
  await sections.getByRole("link", { name: "Security" }).click();
  await expect(page).toHaveURL(/\/security$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Security");
  await context.close();
});

test("the footer carries the brand, the domain and the sections", async ({ page }) => {
  await page.goto("/");
  const footer = page.getByRole("contentinfo");
  await expect(footer).toContainText("Inter Bellum News");
  await expect(footer.getByRole("link", { name: "interbellumnews.com" })).toBeVisible();
  for (const name of ["World", "Diplomacy", "Security"]) {
    await expect(footer.getByRole("link", { name })).toBeVisible();
  }
});

const pageTypes = ["/", SEED.path, "/world", "/topic/russia", "/author/staff", "/search?q=russia", "/nope"];

for (const width of [320, 375, 1280]) {
  test(`no horizontal scrolling at ${width}px`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    for (const path of pageTypes) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
}

test("a keyboard-only walk reaches every link and the search box, each with a visible focus ring", async ({ page }) => {
  for (const path of ["/", SEED.path]) {
    await page.goto(path);
    const focusable = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("a[href], input, button, summary")]
        .filter((el) => el.offsetParent !== null || getComputedStyle(el).position === "fixed")
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    const reached = new Set<string>();
    for (let i = 0; i < focusable.length + 5; i++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return { html: el.outerHTML.slice(0, 120), ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 };
      });
      if (!info) continue;
      expect(info.ring, `focus ring on ${info.html}`).toBe(true);
      reached.add(info.html);
    }
    // The skip link is hidden until focused, so it is not in the visible list; everything visible must be reached.
    for (const html of focusable) expect(reached, `${path}: ${html}`).toContain(html);
  }
});

test("articles print cleanly: no navigation, full URLs after links", async ({ page }) => {
  await page.goto(SEED.path);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Sections" }).first()).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByRole("region", { name: "More stories" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("article figure img")).toBeVisible();
});
