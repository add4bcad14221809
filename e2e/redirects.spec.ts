import { expect, test } from "@playwright/test";
import { FIXTURES } from "./helpers/fixtures";
import { FIXTURE_ORIGIN } from "./helpers/origins";
import { SEED } from "./helpers/seed";

/** One request, redirects not followed: what a crawler sees first. */
const noFollow = { maxRedirects: 0 } as const;

test.describe("case and trailing-slash variants", () => {
  const variants: [string, string][] = [
    [`${SEED.path}/`, SEED.path],
    [SEED.path.toUpperCase(), SEED.path],
    [`${SEED.path.replace("/world/", "/World/")}/`, SEED.path],
    ["/world/", "/world"],
    ["/World", "/world"],
    ["/Diplomacy/?page=2", "/diplomacy?page=2"],
    ["/Security/", "/security"],
  ];
  for (const [from, to] of variants) {
    test(`${from} answers 308 to ${to} in one hop`, async ({ request }) => {
      const response = await request.get(from, noFollow);
      expect(response.status()).toBe(308);
      expect(response.headers()["location"]).toBe(to);
      expect((await request.get(to, noFollow)).status()).toBe(200);
    });
  }
});

test.describe("with renamed, retracted, draft and scheduled stories", () => {
  test.use({ baseURL: FIXTURE_ORIGIN });

  for (const alias of FIXTURES.renamed.aliases) {
    test(`the old address ${alias} answers 308 to the story`, async ({ request }) => {
      const response = await request.get(alias, noFollow);
      expect(response.status()).toBe(308);
      expect(response.headers()["location"]).toBe(FIXTURES.renamed.path);
    });
  }

  test("an old address in other case with a trailing slash still takes one hop", async ({ request }) => {
    const response = await request.get(`${FIXTURES.renamed.aliases[1].toUpperCase()}/`, noFollow);
    expect(response.status()).toBe(308);
    expect(response.headers()["location"]).toBe(FIXTURES.renamed.path);
  });

  test("a reader following an old link lands on the story", async ({ page }) => {
    const response = await page.goto(FIXTURES.renamed.aliases[0]);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(FIXTURES.renamed.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Baltic Ferry Timetable Changes for the Summer");
  });

  for (const path of [FIXTURES.retracted.path, FIXTURES.retracted.alias]) {
    test(`the retracted story's address ${path} answers 410 Gone with the public note`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(410);
      expect(new URL(page.url()).pathname).toBe(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("This story has been retracted");
      await expect(page.getByText(FIXTURES.retracted.note)).toBeVisible();
      // The withdrawn text is not shown again.
      await expect(page.locator("main")).not.toContainText(FIXTURES.retracted.title);
      await expect(page.locator("main")).not.toContainText("must never be shown again");
      await expect(page.getByRole("link", { name: "Front page" })).toHaveAttribute("href", "/");
    });
  }

  test("the note has no address of its own", async ({ request }) => {
    const slug = FIXTURES.retracted.path.split("/").pop();
    expect((await request.get(`/gone/${slug}`, noFollow)).status()).toBe(404);
    const spoofed = await request.get(`/gone/${slug}`, { ...noFollow, headers: { "x-ibn-retracted": slug! } });
    expect(spoofed.status()).toBe(404);
  });

  for (const hidden of FIXTURES.hidden) {
    test(`${hidden.slug} is a plain 404 at its address and at its old one`, async ({ request }) => {
      for (const path of [hidden.path, hidden.alias, `${hidden.alias}/`.toUpperCase()]) {
        const response = await request.get(path);
        expect(response.status(), path).toBe(404);
        const body = await response.text();
        expect(body, path).not.toContain(hidden.title);
      }
      const redirect = await request.get(hidden.alias, noFollow);
      expect(redirect.headers()["location"]).toBeUndefined();
    });
  }

  test("an unknown address is a 404", async ({ request }) => {
    expect((await request.get("/world/never-existed", noFollow)).status()).toBe(404);
  });
});
