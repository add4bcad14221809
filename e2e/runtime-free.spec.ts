import { expect, test, type Page } from "@playwright/test";
import { inAnHour, previewLink } from "./helpers/desk";
import { FIXTURES } from "./helpers/fixtures";
import { DRAFT } from "./helpers/markers";
import { FIXTURE_ORIGIN, PREVIEW_SECRET, SITE_ORIGIN } from "./helpers/origins";
import { SEED } from "./helpers/seed";

/*
 * Public pages ship no framework runtime (server/runtime-free.mjs): a real
 * browser fetches no script but the site's own, finds no flight payload
 * (`self.__next_f`) and no inline script but JSON-LD, on every page type, in
 * the fixture server's preview too. A Next.js upgrade that brings the runtime
 * back in any new shape fails here.
 */

/** The site's own scripts a page may load (progressive enhancement): a live story's updates. */
const OWN_SCRIPTS: RegExp[] = [/^\/live-updates\.js$/];

const SITE_PAGES: [string, string][] = [
  ["front page", "/"],
  ["article", SEED.path],
  ["section front", "/diplomacy"],
  ["topic front", "/topic/russia"],
  ["author front", "/author/staff"],
  ["search results", "/search?q=pipeline"],
  ["search without results", "/search?q=qwxzv"],
  ["search form", "/search"],
  ["not found", "/no/such/page"],
  ["unknown story", "/world/no-such-story"],
  ["bad request", "/world/%ff"],
  ["target too long", `/${"a".repeat(5000)}`],
];

const FIXTURE_PAGES: [string, string][] = [
  ["section front, page 2", "/world/page/2"],
  ["topic front, page 2", "/topic/coast/page/2"],
  ["retracted story (410)", FIXTURES.retracted.path],
  ["hostile story", FIXTURES.hostile[0].path],
  ["live story", FIXTURES.live.path],
];

type Found = { scripts: string[]; inline: string[]; flight: boolean };

async function visit(page: Page, url: string): Promise<Found & { status: number | undefined }> {
  const scripts: string[] = [];
  const onRequest = (r: { resourceType(): string; url(): string }) => {
    if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
  };
  page.on("request", onRequest);
  const response = await page.goto(url, { waitUntil: "networkidle" });
  page.off("request", onRequest);
  const found = await page.evaluate(() => ({
    inline: [...document.querySelectorAll("script:not([src])")]
      .filter((s) => s.getAttribute("type") !== "application/ld+json")
      .map((s) => (s.textContent ?? "").slice(0, 60)),
    flight: "__next_f" in self || "TURBOPACK" in globalThis || typeof (window as unknown as { next?: { version?: unknown } }).next?.version === "string",
  }));
  return { status: response?.status(), scripts, ...found };
}

function expectRuntimeFree(name: string, found: Found) {
  expect(found.scripts.filter((src) => !OWN_SCRIPTS.some((own) => own.test(src))), `${name}: scripts fetched`).toEqual([]);
  expect(found.inline, `${name}: inline scripts`).toEqual([]);
  expect(found.flight, `${name}: framework globals (self.__next_f, TURBOPACK, window.next)`).toBe(false);
}

test("no page type of the site loads the framework's runtime", async ({ page }) => {
  test.setTimeout(120_000);
  for (const [name, path] of SITE_PAGES) {
    const found = await visit(page, SITE_ORIGIN + path);
    expect(found.status, name).toBeLessThan(500);
    expectRuntimeFree(name, found);
  }
});

test("nor do the fixture site's deeper fronts, the retracted story's note and hostile stories", async ({ page }) => {
  for (const [name, path] of FIXTURE_PAGES) {
    const found = await visit(page, FIXTURE_ORIGIN + path);
    expectRuntimeFree(name, found);
  }
});

test("an editor's preview is a plain server render too", async ({ page }) => {
  await page.goto(`${FIXTURE_ORIGIN}/api/draft?secret=${PREVIEW_SECRET}&slug=${DRAFT.slug}`);
  await expect(page.getByRole("region", { name: "Preview" })).toBeVisible();
  for (const path of [DRAFT.path, "/", "/world"]) expectRuntimeFree(`preview of ${path}`, await visit(page, FIXTURE_ORIGIN + path));
});

test("the editors' desk and a shared preview link are plain server renders, and work with JavaScript off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.250" } });
  const page = await context.newPage();
  for (const path of ["/desk", `/desk/story/${DRAFT.slug}`, previewLink(DRAFT.slug, inAnHour()), previewLink(DRAFT.slug, new Date(Date.now() - 1000))]) {
    expectRuntimeFree(path, await visit(page, FIXTURE_ORIGIN + path));
  }
  // Sign in, make a link and sign out with forms and redirects alone.
  await page.goto(`${FIXTURE_ORIGIN}/desk/story/${DRAFT.slug}`);
  await page.getByLabel("Newsroom secret").fill(PREVIEW_SECRET);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${FIXTURE_ORIGIN}/desk/story/${DRAFT.slug}`);
  expectRuntimeFree("desk story, signed in", await visit(page, page.url()));
  await page.getByRole("button", { name: "Make a preview link" }).click();
  await expect(page.getByRole("status")).toContainText("Preview link, valid until");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status")).toHaveText("You are signed out.");
  await context.close();
});

test("the pages still do what readers ask of them, without a script", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/");
  // The section menu is a <details> disclosure.
  const menu = page.locator("header details");
  await menu.locator("summary").click();
  await expect(menu).toHaveAttribute("open", "");
  await menu.getByRole("link", { name: "Diplomacy" }).click();
  await expect(page).toHaveURL(/\/diplomacy$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diplomacy");
  // Search is a GET form.
  await menu.locator("summary").click();
  await menu.getByRole("searchbox").fill("pipeline");
  await menu.getByRole("searchbox").press("Enter");
  await expect(page).toHaveURL(/\/search\?q=pipeline$/);
  await page.getByRole("main").getByRole("link", { name: SEED.headline }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED.headline);
});

test("every page type reads completely with JavaScript switched off, the 404s of unknown stories and pages included", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const headings: [string, string | RegExp][] = [
    ["/", /Inter Bellum News/],
    [SEED.path, SEED.headline],
    ["/diplomacy", "Diplomacy"],
    ["/topic/russia", "Russia"],
    ["/author/staff", "Inter Bellum News staff"],
    ["/search?q=pipeline", "Search"],
    ["/no/such/page", "We can’t find that page"],
    ["/world/no-such-story", "We can’t find that page"],
    ["/world/page/99", "We can’t find that page"],
    ["/topic/no-such-topic", "We can’t find that page"],
    [`${FIXTURE_ORIGIN}${FIXTURES.retracted.path}`, "This story has been retracted"],
  ];
  for (const [path, heading] of headings) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
    await expect(page.getByRole("contentinfo"), path).toBeVisible();
  }
  await context.close();
});
