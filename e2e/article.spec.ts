import { expect, test } from "@playwright/test";
import { SEED } from "./helpers/seed";

test.describe("seed article page", () => {
  test("shows everything the original page shows", async ({ page }) => {
    const response = await page.goto(SEED.path);
    expect(response?.status()).toBe(200);

    const article = page.locator("article").first();
    await expect(article.getByRole("heading", { level: 1 })).toHaveText(SEED.headline);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(article.getByText(SEED.standfirst, { exact: true })).toBeVisible();

    const hero = article.locator("figure").first();
    const heroImage = hero.getByRole("img", { name: SEED.heroAlt, exact: true });
    await expect(heroImage).toBeVisible();
    // The hero is the page's largest element: eager, high priority, with its size declared.
    await expect(heroImage).toHaveAttribute("fetchpriority", "high");
    await expect(heroImage).toHaveAttribute("width", /\d+/);
    await expect(heroImage).toHaveAttribute("height", /\d+/);
    expect(await heroImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const caption = hero.locator("figcaption");
    await expect(caption).toContainText(SEED.caption);
    await expect(caption).toContainText(SEED.credit);

    const paragraphs = await article.locator("p").allInnerTexts();
    for (const paragraph of SEED.paragraphs) expect(paragraphs).toContain(paragraph);
    await expect(article).not.toContainText("kazadisputes");

    await expect(article.getByText(/^By Inter Bellum News staff$/)).toBeVisible();
    await expect(article.locator('time[datetime="2025-05-08T12:00:00.000Z"]')).toBeVisible();
  });

  test("lists More stories with image and headline, each linking to its story", async ({ page }) => {
    await page.goto(SEED.path);
    const more = page.getByRole("region", { name: "More stories" });
    await expect(more).toBeVisible();
    for (const title of SEED.teasers) {
      const link = more.getByRole("link", { name: title, exact: true });
      await expect(link).toBeVisible();
    }
    await expect(more.getByRole("img")).toHaveCount(SEED.teasers.length);
    await expect(more.getByRole("link", { name: SEED.headline })).toHaveCount(0);

    await more.getByRole("link", { name: SEED.teasers[1] }).click();
    await expect(page).toHaveURL(/\/diplomacy\/russia-and-venezuela-sign-strategic-partnership$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED.teasers[1]);
  });

  test("shows Related Stories that share topics, never the article itself", async ({ page }) => {
    await page.goto(SEED.path);
    const related = page.getByRole("region", { name: "Related Stories" });
    await expect(related.getByRole("heading", { name: "Related Stories" })).toBeVisible();
    // The Xi story shares two topics (china, russia) with the seed: it ranks first.
    await expect(related.getByRole("link").first()).toHaveText(SEED.teasers[0]);
    await expect(related.getByRole("link", { name: SEED.headline })).toHaveCount(0);
    await expect(related).not.toContainText("No stories found.");
  });

  test("ends with the site footer", async ({ page }) => {
    await page.goto(SEED.path);
    const footer = page.getByRole("contentinfo");
    await expect(footer).toContainText(SEED.footer.brand);
    await expect(footer.getByRole("link", { name: SEED.footer.domain })).toHaveAttribute(
      "href",
      "https://interbellumnews.com",
    );
  });

  test("reads completely with JavaScript disabled", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(SEED.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED.headline);
    const text = await page.locator("article").first().innerText();
    for (const paragraph of SEED.paragraphs) expect(text).toContain(paragraph);
    await expect(page.getByRole("img", { name: SEED.heroAlt, exact: true })).toBeVisible();
    await expect(page.getByText("Related Stories", { exact: true })).toBeVisible();
    await context.close();
  });
});

test("the front page leads with the newest story and lists the others", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  const links = page.getByRole("main").getByRole("link");
  await expect(links.first()).toHaveText(SEED.teasers[0]);
  for (const title of [SEED.headline, ...SEED.teasers]) {
    await expect(page.getByRole("main").getByRole("link", { name: title, exact: true }).first()).toBeVisible();
  }
});
