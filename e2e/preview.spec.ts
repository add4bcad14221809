import { expect, test, type APIRequestContext } from "@playwright/test";
import { DRAFT, SCHEDULED } from "./helpers/markers";
import { FIXTURE_ORIGIN, PREVIEW_SECRET, SITE_ORIGIN } from "./helpers/origins";

test.use({ baseURL: FIXTURE_ORIGIN });

const enter = (request: APIRequestContext, query: string) => request.get(`/api/draft?${query}`, { maxRedirects: 0 });

test.describe("entering preview", () => {
  test("a wrong or missing secret is refused with 401 and sets no cookie", async ({ request }) => {
    for (const query of [`secret=wrong&slug=${DRAFT.slug}`, `slug=${DRAFT.slug}`, `secret=${PREVIEW_SECRET}x&slug=${DRAFT.slug}`]) {
      const response = await enter(request, query);
      expect(response.status(), query).toBe(401);
      expect(response.headers()["set-cookie"], query).toBeUndefined();
    }
  });

  test("an unknown slug is a 404, and the redirect never leaves the site", async ({ request }) => {
    for (const slug of ["no-such-story", "//evil.example", "https://evil.example/x", "/\\evil.example", "%2F%2Fevil.example"]) {
      const response = await enter(request, `secret=${PREVIEW_SECRET}&slug=${encodeURIComponent(slug)}`);
      expect(response.status(), slug).toBe(404);
      expect(response.headers().location, slug).toBeUndefined();
      expect(response.headers()["set-cookie"], slug).toBeUndefined();
    }
  });

  test("the right secret redirects to the story's canonical path found in the content", async ({ request }) => {
    const response = await enter(request, `secret=${PREVIEW_SECRET}&slug=${DRAFT.slug}`);
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe(DRAFT.path);
    expect(response.headers()["set-cookie"]).toContain("__prerender_bypass=");
  });

  test("is disabled, and says so, where PREVIEW_SECRET is unset", async ({ request }) => {
    const response = await request.get(`${SITE_ORIGIN}/api/draft?secret=anything&slug=x`, { maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain("Preview is disabled");
    expect(response.headers()["set-cookie"]).toBeUndefined();
  });
});

test("a draft renders in preview with the banner, no-store and noindex, and is a 404 again after exit", async ({ page }) => {
  expect((await page.goto(DRAFT.path))?.status()).toBe(404);

  const response = await page.goto(`/api/draft?secret=${PREVIEW_SECRET}&slug=${DRAFT.slug}`);
  expect(page.url()).toBe(`${FIXTURE_ORIGIN}${DRAFT.path}`);
  expect(response?.status()).toBe(200);
  const headers = response?.headers() ?? {};
  expect(headers["cache-control"]).toMatch(/private/);
  expect(headers["cache-control"]).toMatch(/no-store/);
  expect(headers["x-robots-tag"]).toMatch(/noindex/);

  const banner = page.getByRole("region", { name: "Preview" });
  await expect(banner).toContainText("Preview — not published");
  await expect(banner).toContainText("Draft");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DRAFT.title);
  await expect(page.getByRole("img", { name: "LEAKCANARY-DRAFT-ALT fixture image" })).toBeVisible();
  await expect(page.locator("article").first()).toContainText("LEAKCANARY-DRAFT-BODY");

  await banner.getByRole("link", { name: "Exit preview" }).click();
  await expect(page).toHaveURL(`${FIXTURE_ORIGIN}${DRAFT.path}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
  expect((await page.goto(DRAFT.path))?.status()).toBe(404);
});

test("a scheduled story previews with its publication time, and the public still gets a 404", async ({ browser, page }) => {
  await page.goto(`/api/draft?secret=${PREVIEW_SECRET}&slug=${SCHEDULED.slug}`);
  await expect(page.getByRole("region", { name: "Preview" })).toContainText("Scheduled: goes public on 1 January 2099");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SCHEDULED.title);

  const reader = await browser.newContext();
  const response = await (await reader.newPage()).goto(`${FIXTURE_ORIGIN}${SCHEDULED.path}`);
  expect(response?.status()).toBe(404);
  await reader.close();
});

test("public pages an editor views in preview are private to the editor", async ({ page, request }) => {
  await page.goto(`/api/draft?secret=${PREVIEW_SECRET}&slug=${DRAFT.slug}`);
  const response = await page.goto("/culture/lighthouse-keepers-of-the-baltic");
  expect(response?.headers()["cache-control"]).toMatch(/private/);
  await expect(page.getByRole("region", { name: "Preview" })).toContainText("Preview mode");
  // A reader (no preview cookie) meanwhile gets the shared, cacheable page.
  const shared = await request.get(`${FIXTURE_ORIGIN}/culture/lighthouse-keepers-of-the-baltic`);
  expect(shared.headers()["cache-control"]).toMatch(/s-maxage/);
});

test("revalidation needs its secret, and is disabled where REVALIDATE_SECRET is unset", async ({ request }) => {
  expect((await request.post("/api/revalidate")).status()).toBe(401);
  expect((await request.post("/api/revalidate", { headers: { authorization: "Bearer nope" } })).status()).toBe(401);
  const disabled = await request.post(`${SITE_ORIGIN}/api/revalidate`, { headers: { authorization: "Bearer anything" } });
  expect(disabled.status()).toBe(403);
  expect((await disabled.json()).error).toContain("disabled");
});
