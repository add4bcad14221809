import { expect, test } from "@playwright/test";
import { CANONICAL_ORIGIN, meta, pngSize } from "./helpers/crawl";
import { FIXTURES } from "./helpers/fixtures";
import { FIXTURE_ORIGIN } from "./helpers/origins";
import { SEED } from "./helpers/seed";

for (const path of [`${SEED.path}/og.png`, "/og.png", "/world/og.png"]) {
  test(`${path} is a cached 1200×630 PNG`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    // Caches (browsers, CDNs, link unfurlers) may keep it, not just the server.
    expect(response.headers()["cache-control"]).toMatch(/\bpublic\b.*\bmax-age=[1-9]\d*/);
    expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
  });
}

test("the article page's og:image is its own card", async ({ page, request }) => {
  await page.goto(SEED.path);
  const image = await meta(page, "og:image");
  expect(image).toBe(`${CANONICAL_ORIGIN}${SEED.path}/og.png`);
  expect((await request.get(new URL(image!).pathname)).status()).toBe(200);
});

test.describe("fixture corpus", () => {
  test.use({ baseURL: FIXTURE_ORIGIN });

  test("a story that is not public has no card", async ({ request }) => {
    for (const story of [...FIXTURES.hidden, FIXTURES.retracted]) {
      const response = await request.get(`${story.path}/og.png`);
      expect(response.status(), story.path).toBe(404);
      expect(response.headers()["content-type"]).not.toBe("image/png");
    }
  });

  test("a story whose section is wrong in the address has no card", async ({ request }) => {
    expect((await request.get("/culture/harbour-fish-market-reopens/og.png")).status()).toBe(404);
  });
});
