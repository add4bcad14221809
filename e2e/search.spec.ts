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

  test("narrows to a section and dates and sorts newest first, from its own form without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/search?q=Russia");
    const form = page.getByRole("search", { name: "Search again" });
    // A label wrapping a select reads its options too: the select is found by its accessible name.
    await form.getByRole("combobox", { name: "Order", exact: true }).selectOption({ label: "Newest first" });
    await form.getByRole("combobox", { name: "Section", exact: true }).selectOption({ label: "Diplomacy" });
    await form.getByLabel("From", { exact: true }).fill("2025-05-07");
    await form.getByLabel("To", { exact: true }).fill("2025-05-08");
    await form.getByRole("searchbox", { name: "Search stories" }).press("Enter");
    await expect(page).toHaveURL(/[?&]sort=newest&section=diplomacy&from=2025-05-07&to=2025-05-08$/);
    const results = page.getByRole("main").locator("ol > li");
    await expect(results.getByRole("link")).toHaveText([SEED.teasers[1]]);
    await expect(page.getByRole("status")).toHaveText(/^1 story matches “Russia” in Diplomacy from 2025-05-07 to 2025-05-08/);
    // The form shows what was asked, so the next search keeps it.
    await expect(form.getByRole("combobox", { name: "Section", exact: true })).toHaveValue("diplomacy");
    await expect(form.getByLabel("To", { exact: true })).toHaveValue("2025-05-08");

    await page.goto("/search?q=Russia&sort=newest");
    const dates = await results.locator("time").evaluateAll((els) => els.map((el) => el.getAttribute("datetime") ?? ""));
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort().reverse()).toEqual(dates);
    await page.getByRole("link", { name: "Sort by best match" }).click();
    await expect(page).toHaveURL(/\/search\?q=Russia$/);
    await context.close();
  });

  test("leaves out a parameter it cannot use and says so; a page past the last is a 404", async ({ page }) => {
    const response = await page.goto("/search?q=Russia&section=nowhere&from=yesterday&sort=sideways&page=abc");
    expect(response?.status()).toBe(200);
    await expect(page.getByText("There is no such section; results come from every section.")).toBeVisible();
    await expect(page.getByText("The start date is not a date (YYYY-MM-DD); it was left out.")).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(/^4 stories match “Russia”$/);
    expect((await page.goto("/search?q=Russia&page=2"))?.status()).toBe(404);
    expect((await page.goto("/search?q=qwxzv&page=2"))?.status()).toBe(404);
  });

  test("reader's words that look like query syntax are searched as words", async ({ page }) => {
    for (const q of ['"Power', "Siberia*", "NEAR(Power Siberia)", "title:Siberia", "-Siberia", "Power OR"]) {
      const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
      expect(response?.status(), q).toBe(200);
      await expect(page.getByRole("main").getByRole("link", { name: SEED.headline }), q).toBeVisible();
    }
  });
});
