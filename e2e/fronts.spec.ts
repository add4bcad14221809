import { expect, test } from "@playwright/test";
import { FIXTURE_ORIGIN } from "./helpers/origins";
import { SEED } from "./helpers/seed";

test.describe("front page", () => {
  test("leads with the newest story and its image, then top stories and a rail per section", async ({ page }) => {
    await page.goto("/");
    const main = page.getByRole("main");
    const lead = main.locator("article").first();
    await expect(lead.getByRole("link")).toHaveText(SEED.teasers[0]);
    await expect(lead.getByRole("img")).toBeVisible();

    const top = page.getByRole("region", { name: "Top stories" });
    await expect(top.getByRole("link")).toHaveText([SEED.headline, SEED.teasers[1], SEED.teasers[2]]);

    for (const [section, titles] of [
      ["World", [SEED.headline]],
      ["Diplomacy", [SEED.teasers[0], SEED.teasers[1]]],
      ["Security", [SEED.teasers[2]]],
    ] as const) {
      const rail = page.getByRole("region", { name: section, exact: true });
      await expect(rail.getByRole("heading", { name: section })).toBeVisible();
      for (const title of titles) await expect(rail.getByRole("link", { name: title })).toBeVisible();
    }
  });
});

test.describe("section, topic and author fronts", () => {
  test("a section front lists its stories newest first, with breadcrumbs", async ({ page }) => {
    const response = await page.goto("/diplomacy");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diplomacy");
    await expect(page.getByRole("main").locator("ol h2")).toHaveText([SEED.teasers[0], SEED.teasers[1]]);
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(crumbs.getByRole("link", { name: "Home" })).toHaveAttribute("href", "/");
  });

  test("a topic page lists every public story on the topic", async ({ page }) => {
    const response = await page.goto("/topic/china");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("China");
    await expect(page.getByRole("main").locator("ol h2")).toHaveText([SEED.teasers[0], SEED.headline]);
  });

  test("an author page shows the bio and the author's stories", async ({ page }) => {
    const response = await page.goto("/author/staff");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inter Bellum News staff");
    await expect(page.getByText("Reporting by the Inter Bellum News newsroom")).toBeVisible();
    await expect(page.getByRole("main").locator("ol h2")).toHaveCount(4);
  });

  for (const path of ["/topic/no-such-topic", "/author/nobody", "/world/page/2", "/topic/china/page/2", "/world/page/abc"]) {
    test(`${path} is a 404`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(404);
    });
  }
});

test.describe("pagination (fixture corpus, two stories a page)", () => {
  test.use({ baseURL: FIXTURE_ORIGIN });

  test("a section front links its pages with rel=next and rel=prev", async ({ page }) => {
    await page.goto("/world");
    const titles = page.getByRole("main").locator("ol h2");
    await expect(titles).toHaveText(["Harbour Fish Market Reopens", "Port Authority Approves New Breakwater"]);
    const pager = page.getByRole("navigation", { name: "Pagination" });
    await expect(pager).toContainText("Page 1 of 2");
    await expect(pager.locator('a[rel="prev"]')).toHaveCount(0);
    await pager.locator('a[rel="next"]').click();

    await expect(page).toHaveURL(/\/world\/page\/2$/);
    await expect(titles).toHaveText(["Ferry Timetable Changes for Winter", "Coastal Road Closed After Storm"]);
    await expect(pager.locator('a[rel="next"]')).toHaveCount(0);
    await expect(pager.locator('a[rel="prev"]')).toHaveAttribute("href", "/world");
  });

  test("topic and author fronts paginate the same way", async ({ page }) => {
    await page.goto("/topic/coast/page/2");
    await expect(page.getByRole("main").locator("ol h2")).toHaveText(["Coastal Road Closed After Storm"]);
    await expect(page.locator('a[rel="prev"]')).toHaveAttribute("href", "/topic/coast");

    await page.goto("/author/harbour-correspondent");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mara Lind");
    await expect(page.getByText("Harbour correspondent", { exact: true })).toBeVisible();
    await expect(page.locator('a[rel="next"]')).toHaveAttribute("href", "/author/harbour-correspondent/page/2");
  });

  test("a page past the end is a 404 and page 1 has one address", async ({ request }) => {
    expect((await request.get("/world/page/3")).status()).toBe(404);
    expect((await request.get("/topic/coast/page/3")).status()).toBe(404);
    const first = await request.get("/world/page/1", { maxRedirects: 0 });
    expect(first.status()).toBe(308);
    expect(first.headers().location).toBe("/world");
  });

  test("More stories under an article come from its section first", async ({ page }) => {
    await page.goto("/world/coastal-road-closed-after-storm");
    await expect(page.getByRole("region", { name: "More stories" }).getByRole("link")).toHaveText([
      "Harbour Fish Market Reopens",
      "Port Authority Approves New Breakwater",
      "Ferry Timetable Changes for Winter",
    ]);
  });
});

test.describe("article page navigation", () => {
  test("has breadcrumbs, topic links and author links", async ({ page }) => {
    await page.goto(SEED.path);
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(crumbs.getByRole("link")).toHaveText(["Home", "World"]);
    await expect(crumbs.getByRole("link", { name: "World" })).toHaveAttribute("href", "/world");
    await expect(crumbs.locator('[aria-current="page"]')).toHaveText(SEED.headline);

    await page.getByRole("link", { name: "Power of Siberia 2", exact: true }).click();
    await expect(page).toHaveURL(/\/topic\/power-of-siberia-2$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Power of Siberia 2");

    await page.goto(SEED.path);
    await page.locator("article").getByRole("link", { name: "Inter Bellum News staff" }).click();
    await expect(page).toHaveURL(/\/author\/staff$/);
  });
});
