/*
 * Screenshots of each page type at phone and desktop widths, in light and dark
 * scheme, to look at what readers and editors see. Needs a running server:
 *   npm run build && npm start   (then)   npm run screenshots [-- BASE_URL [OUT_DIR]]
 * Writes OUT_DIR/<page>-<width>-<scheme>.png (default screenshots/, git-ignored);
 * npm run screenshots:compare compares two such folders pixel by pixel.
 *
 * Environment:
 *   SCREENSHOT_SETS       which pages: `readers` (default), `editors`, or `readers,editors`.
 *   SCREENSHOT_PAGES      extra readers' paths, comma-separated.
 *   SCREENSHOT_SECRET     the server's PREVIEW_SECRET (the newsroom secret); `editors` needs it.
 *                         The editors' pages: the desk signed out (the form, and with a problem),
 *                         signed in through its form (the board, a story's page per state, a
 *                         preview link made with its form, a story's article preview, an unknown
 *                         story), the shared preview link (and an invalid one), and Draft Mode
 *                         (/api/draft) on a draft and on a public story.
 *   SCREENSHOT_DRAFT      the draft of the editors' pages (default: the fixture corpus's
 *                         draft-marker-story); the server needs PREVIEW_LINK_KEY for its link.
 *   SCREENSHOT_PUBLISHED  the public story seen in Draft Mode (default lighthouse-keepers-of-the-baltic).
 *   SCREENSHOT_DESK_STORIES  the stories whose desk pages are taken (default: the fixture corpus's
 *                         draft, scheduled, published and retracted ones).
 * Everything goes through the server's own forms and redirects, so one script works against
 * any build. The pages print the server's clock (when the desk checked, when a link expires,
 * how long until a story goes out): to compare two servers, start both with the same frozen
 * clock, `FIXED_NOW=2026-12-04T18:00:00Z NODE_OPTIONS=--import=<abs path>/scripts/fixed-clock.mjs`.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, systemChromium } from "../e2e/helpers/browser";

const base = process.argv[2] ?? "http://localhost:3000";
const out = path.resolve(process.argv[3] ?? "screenshots");
const env = process.env;
const list = (value: string | undefined) => (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
const sets = new Set(list(env.SCREENSHOT_SETS ?? "readers"));

const readersPages: Record<string, string> = {
  front: "/",
  article: "/world/russia-and-china-agree-to-accelerate-construction-of-power-of-siberia-2",
  section: "/diplomacy",
  topic: "/topic/russia",
  author: "/author/staff",
  archive: "/archive",
  "archive-year": "/archive/2025",
  "archive-month": "/archive/2025/05",
  "archive-day": "/archive/2025/05/07",
  search: "/search?q=pipeline",
  "search-empty": "/search?q=qwxzv",
  "not-found": "/no-such-page",
  ...Object.fromEntries(list(env.SCREENSHOT_PAGES).map((p) => [p.replace(/\W+/g, "-"), p])),
};

const secret = env.SCREENSHOT_SECRET ?? "";
const draft = env.SCREENSHOT_DRAFT ?? "draft-marker-story";
const published = env.SCREENSHOT_PUBLISHED ?? "lighthouse-keepers-of-the-baltic";
const deskStories = list(env.SCREENSHOT_DESK_STORIES ?? `${draft},scheduled-marker-story,${published},election-result-misreported`);

/** Every picture loaded and decoded, below the fold too, so two runs show the same page. */
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.evaluate(async () => {
    const images = [...document.images];
    for (const img of images) img.loading = "eager";
    // (No named function in here: tsx would wrap it in a helper the page does not have.)
    await Promise.all(
      images
        .filter((img) => !img.complete)
        .map((img) => new Promise((done) => ["load", "error"].forEach((type) => img.addEventListener(type, done, { once: true })))),
    );
    // Loaded is not painted: wait until each picture is decoded too.
    await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
  });
  await page.waitForLoadState("networkidle");
}

/** The page as it stands, whole, into OUT_DIR/<name>-<suffix>.png. */
async function shoot(page: Page, name: string, suffix: string) {
  await settle(page);
  const file = path.join(out, `${name}-${suffix}.png`);
  // Measured before the full-page screenshot, which resizes the viewport.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`${path.relative(process.cwd(), file)}${overflow > 0 ? `  (horizontal overflow ${overflow}px!)` : ""}`);
}

async function visit(page: Page, pathname: string, expected?: number) {
  const response = await page.goto(base + pathname, { waitUntil: "networkidle" });
  if (expected !== undefined && response?.status() !== expected) throw new Error(`${pathname}: ${response?.status()}, expected ${expected}`);
}

async function readers(page: Page, suffix: string) {
  for (const [name, pathname] of Object.entries(readersPages)) {
    await visit(page, pathname);
    await shoot(page, name, suffix);
  }
}

/** The desk, a shared preview link and Draft Mode, reached the way an editor reaches them. */
async function editors(page: Page, suffix: string) {
  await visit(page, "/desk", 200);
  await shoot(page, "desk-sign-in", suffix);
  await visit(page, "/desk?problem=wrong", 200);
  await shoot(page, "desk-sign-in-problem", suffix);
  await visit(page, "/preview/not-a-link", 401);
  await shoot(page, "preview-link-invalid", suffix);

  await visit(page, "/desk", 200);
  await page.fill("#desk-secret", secret);
  await Promise.all([page.waitForURL((url) => url.pathname === "/desk" && !url.search), page.click("form[action='/desk/sign-in'] button[type=submit]")]);
  if (!(await page.locator("#desk-drafts").count())) throw new Error("signing in to the desk failed: is SCREENSHOT_SECRET the server's PREVIEW_SECRET?");
  await shoot(page, "desk", suffix);
  for (const slug of deskStories) {
    await visit(page, `/desk/story/${slug}`, 200);
    await shoot(page, `desk-story-${slug}`, suffix);
  }
  await visit(page, "/desk/story/no-such-story", 404);
  await shoot(page, "desk-story-unknown", suffix);
  await visit(page, `/desk/story/${draft}/article`, 200);
  await shoot(page, "desk-article", suffix);

  // A preview link, made with the story's form (the server signs it on its clock).
  await visit(page, `/desk/story/${draft}`, 200);
  await Promise.all([page.waitForURL((url) => url.searchParams.has("link")), page.click("form[action='/desk/share'] button[type=submit]")]);
  await shoot(page, "desk-story-link-made", suffix);
  const link = new URL((await page.locator("[role=status] a[href*='/preview/']").getAttribute("href")) ?? "");
  await visit(page, link.pathname, 200);
  await shoot(page, "preview-link", suffix);

  await visit(page, `/api/draft?${new URLSearchParams({ secret, slug: draft })}`, 200);
  await shoot(page, "draft-mode-draft", suffix);
  await visit(page, `/api/draft?${new URLSearchParams({ secret, slug: published })}`, 200);
  await shoot(page, "draft-mode-published", suffix);
}

async function main() {
  if (sets.has("editors") && !secret) throw new Error("SCREENSHOT_SETS=editors needs SCREENSHOT_SECRET (the server's PREVIEW_SECRET)");
  fs.mkdirSync(out, { recursive: true });
  const browser: Browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
  for (const scheme of ["light", "dark"] as const) {
    for (const width of [375, 1280]) {
      const suffix = `${width}-${scheme}`;
      // A context of its own per set: the editors' one holds a desk session and Draft Mode.
      for (const [set, take] of [["readers", readers], ["editors", editors]] as const) {
        if (!sets.has(set)) continue;
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        await take(await context.newPage(), suffix);
        await context.close();
      }
    }
  }
  await browser.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
