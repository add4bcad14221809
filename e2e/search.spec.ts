import { expect, test } from "@playwright/test";
import { SEED } from "./helpers/seed";

test.describe("search", () => {
  test("a known phrase finds the seed article, with the matched words highlighted", async ({ page }) => {
    const response = await page.goto("/search?q=Power+of+Siberia");
    expect(response?.status()).toBe(200);
    const results = page.getByRole("main").locator("ol > li");
    await expect(results.first().getByRole("link")).toHaveText(SEED.headline);
    await expect(results.first().locator("mark").first()).toHaveText(/^(Power|Siberia)$/);
    await expect(page.getByRole("status")).toHaveText(/^\d+ (story matches|stories match) “Power of Siberia”/);
  });

  test("a typo still finds it", async ({ page }) => {
    await page.goto("/search?q=Sibiria+pipline");
    await expect(page.getByRole("main").getByRole("link", { name: SEED.headline })).toBeVisible();
  });

  test("a word only in the body finds the story and shows where", async ({ page }) => {
    await page.goto("/search?q=Novak");
    const result = page.getByRole("main").locator("ol > li").first();
    await expect(result.getByRole("link")).toHaveText(SEED.headline);
    await expect(result.locator("mark")).toHaveText(["Novak"]);
  });

  test("no match gets a clear empty state", async ({ page }) => {
    const response = await page.goto("/search?q=qwxzv+zzyzx");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("status")).toContainText("No stories match");
  });

  test("an empty query and a 2,000-character query both render a normal page", async ({ page }) => {
    for (const q of ["", "   ", "a".repeat(2000), `${"<script>alert(1)</script> ".repeat(80)}`, "%%%\u0000'\"--;"]) {
      const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
      expect(response?.status(), `q of length ${q.length}`).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    }
  });

  test("works from the header form with JavaScript disabled", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("searchbox", { name: "Search stories" }).fill("Venezuela");
    await page.getByRole("searchbox", { name: "Search stories" }).press("Enter");
    await expect(page).toHaveURL(/\/search\?q=Venezuela$/);
    await expect(page.getByRole("main").getByRole("link", { name: SEED.teasers[1] })).toBeVisible();
    await context.close();
  });

  test("is kept out of search engines' indexes", async ({ page }) => {
    await page.goto("/search?q=Russia");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  });
});
