import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { inAnHour, previewLink, sessionHeader } from "./helpers/desk";
import { FIXTURES } from "./helpers/fixtures";
import { DRAFT } from "./helpers/markers";
import { FIXTURE_ORIGIN, SITE_ORIGIN } from "./helpers/origins";
import { SEED } from "./helpers/seed";

/*
 * Performance budgets that do not depend on timing (`npm run bench` and
 * `npm run lighthouse` measure the rest). Bytes are gzip at zlib's default
 * level, as the server sends them.
 */

const KB = 1024;
/** The site's own scripts (progressive enhancement), in all, per page. */
const OWN_JS_BUDGET = 3 * KB;
/** The readers' stylesheet (app/readers.css), on every page. */
const CSS_BUDGET_KB = 6;
/** What an article adds for its body and live updates (components/article-view.css). */
const ARTICLE_CSS_BUDGET_KB = 5;

type ClientModules = Record<string, { chunks: string[] }>;

/** The client components a route can reference, from the client reference manifest of the build in `dist`. */
function clientModules(route: string, dist: string): ClientModules {
  const file = path.join(path.resolve(dist), "server/app", route, "page_client-reference-manifest.js");
  const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, { clientModules: ClientModules }> } };
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  return Object.values(sandbox.globalThis.__RSC_MANIFEST ?? {})[0]!.clientModules;
}

/**
 * The framework's own client components (router, boundaries, metadata) are
 * allowed; anything else — an app file, or next/link, next/image, next/script,
 * next/form, which an app chooses to use — is an application client component.
 */
function applicationClientModules(modules: ClientModules): string[] {
  return Object.keys(modules).filter(
    (key) =>
      !key.startsWith("[project]/node_modules/next/dist/") ||
      /\/(app-dir\/link|link|image-component|script|app-dir\/form|form)\.js$/.test(key),
  );
}

const PAGES = [
  { name: "seed article", path: SEED.path, route: "[section]/[slug]", htmlBudget: 6 * KB, dist: ".next", ownScripts: [] },
  { name: "front page", path: "/", route: "", htmlBudget: 8 * KB, dist: ".next", ownScripts: [] },
  // The page type that loads a script of the site's own (public/live-updates.js), from the fixture build.
  {
    name: "live story",
    path: FIXTURE_ORIGIN + FIXTURES.live.path,
    route: "[section]/[slug]",
    htmlBudget: 8 * KB,
    dist: ".next-fixtures",
    ownScripts: ["/live-updates.js"],
  },
];

for (const { name, path: pagePath, route, htmlBudget, dist, ownScripts } of PAGES) {
  const origin = new URL(pagePath, SITE_ORIGIN).origin;
  test.describe(`${name} budgets`, () => {
    test("has no application client component and loads no JavaScript but the site's own, at most 3 KB gzip", async ({ page, request }) => {
      expect(applicationClientModules(clientModules(route, dist))).toEqual([]);
      const fetched: string[] = [];
      page.on("request", (r) => {
        if (r.resourceType() === "script") fetched.push(new URL(r.url()).pathname);
      });
      await page.goto(pagePath, { waitUntil: "networkidle" });
      expect(fetched.filter((src) => src.startsWith("/_next/")), "framework scripts fetched").toEqual([]);
      expect([...new Set(fetched)].sort(), "the site's own scripts").toEqual(ownScripts);
      let total = 0;
      for (const src of new Set(fetched)) total += gzipSync(await (await request.get(origin + src)).body()).length;
      expect(total, `JavaScript: ${(total / KB).toFixed(1)} KB gzip`).toBeLessThanOrEqual(OWN_JS_BUDGET);
    });

    test(`sends at most ${htmlBudget / KB} KB of gzipped HTML`, async ({ request }) => {
      const html = await (await request.get(pagePath)).body();
      const size = gzipSync(html).length;
      expect(size, `HTML: ${(size / KB).toFixed(1)} KB gzip`).toBeLessThanOrEqual(htmlBudget);
    });

    test("may be served by a CDN: s-maxage with stale-while-revalidate, immutable hashed assets", async ({ request }) => {
      const response = await request.get(pagePath);
      expect(response.headers()["cache-control"]).toMatch(/(^|, )s-maxage=\d+/);
      expect(response.headers()["cache-control"]).toMatch(/stale-while-revalidate=\d+/);
      const stylesheet = /<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)"/.exec(await response.text())![1]!;
      expect((await request.get(origin + stylesheet)).headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    });
  });
}

test.describe("stylesheets of the readers' pages", () => {
  const stylesheetsOf = (html: string) => [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
  const gzipKb = (bytes: Buffer) => gzipSync(bytes).length / KB;

  test(`the front page loads one stylesheet, at most ${CSS_BUDGET_KB} KB gzip; an article adds its body's, at most ${ARTICLE_CSS_BUDGET_KB} KB`, async ({ request }) => {
    const front = stylesheetsOf(await (await request.get("/")).text());
    expect(front).toHaveLength(1);
    const readers = gzipKb(await (await request.get(front[0]!)).body());
    expect(readers, `readers' CSS: ${readers.toFixed(1)} KB gzip`).toBeLessThanOrEqual(CSS_BUDGET_KB);

    const article = stylesheetsOf(await (await request.get(SEED.path)).text());
    expect(article[0], "the same sheet first, from the browser's cache").toBe(front[0]);
    expect(article).toHaveLength(2);
    const body = gzipKb(await (await request.get(article[1]!)).body());
    expect(body, `article's own CSS: ${body.toFixed(1)} KB gzip`).toBeLessThanOrEqual(ARTICLE_CSS_BUDGET_KB);
  });

  test("have no rule for a class only the desk or a preview uses; those pages load their own sheets", async ({ request }) => {
    // Class names in the sources' className strings: the editors' (the desk, shared previews, the band) and all the others.
    const sources = ["app", "components"].flatMap((dir) => fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => path.join(dir, f)));
    const isEditors = (file: string) => /^(app\/desk|app\/preview|components\/desk)\//.test(file) || file === "components/preview-banner.tsx";
    const classesIn = (files: string[]) =>
      new Set(files.filter((f) => f.endsWith(".tsx")).flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(/className="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/).filter(Boolean))));
    // A reader's page may hold a class in any string (a constant such as the search form's field style), not only in className="…".
    const readersClasses = new Set(
      sources.filter((f) => !isEditors(f) && /\.(tsx?)$/.test(f)).flatMap((f) => fs.readFileSync(f, "utf8").split(/[\s"'`{}()]+/).filter(Boolean)),
    );
    const editorsOnly = [...classesIn(sources.filter(isEditors))].filter((c) => !readersClasses.has(c));
    expect(editorsOnly, "the desk has classes of its own").toContain("preview-band");

    const get = async (url: string, headers: Record<string, string> = {}) => (await request.get(url, { headers })).text();
    const readersSheets = new Set([...stylesheetsOf(await get(SITE_ORIGIN + SEED.path)), ...stylesheetsOf(await get(SITE_ORIGIN + "/"))]);
    // A class's selector as Tailwind writes it (`sm:pt-8` is `.sm\:pt-8`), followed by what may end it.
    const selector = (name: string) => new RegExp(`\\.${name.replace(/[^\w-]/g, (ch) => `\\\\\\${ch}`)}(?![\\w-])`);
    for (const sheet of readersSheets) {
      const css = await get(SITE_ORIGIN + sheet);
      expect(editorsOnly.filter((name) => selector(name).test(css)), sheet).toEqual([]);
    }
    // What they do need, they load: every editor's page links a sheet no reader's page does.
    const editors = await Promise.all([
      get(`${FIXTURE_ORIGIN}/desk`, sessionHeader()),
      get(`${FIXTURE_ORIGIN}/desk/story/${DRAFT.slug}`, sessionHeader()),
      get(`${FIXTURE_ORIGIN}/desk/story/${DRAFT.slug}/article`, sessionHeader()),
      get(`${FIXTURE_ORIGIN}${previewLink(DRAFT.slug, inAnHour())}`),
    ]);
    for (const html of editors) expect(stylesheetsOf(html).filter((sheet) => !readersSheets.has(sheet)).length).toBeGreaterThan(0);
  });
});

test.describe("seed article hero image", () => {
  test("is preloaded at high priority from the optimizer, with sizes, a placeholder and no layout shift", async ({ browser }) => {
    // A phone: its screen too. The config's "Desktop Chrome" defaults give every context a 1920 px
    // screen, and Chromium's preload scanner sizes `100vw` from the screen's width once it has read
    // `<meta name="viewport" content="width=device-width">`: it fetched the 1920 w hero beside the
    // 750 w one, and the picture showed whichever came first.
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      screen: { width: 412, height: 915 },
      deviceScaleFactor: 1.75,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number; __lcp: Element | null };
      w.__shift = 0;
      w.__lcp = null;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) w.__shift += entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { element: Element | null }[]) w.__lcp = entry.element;
      }).observe({ type: "largest-contentful-paint", buffered: true });
    });
    const heroWidths: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname === "/_next/image" && url.searchParams.get("url") === "/images/putin-xi-moscow.jpg") heroWidths.push(url.searchParams.get("w")!);
    });
    await page.goto(SEED.path);

    const preload = page.locator('head link[rel="preload"][as="image"]');
    await expect(preload).toHaveCount(1);
    await expect(preload).toHaveAttribute("fetchpriority", "high");
    await expect(preload).toHaveAttribute("imagesizes", "(min-width: 1024px) 1024px, 100vw");
    await expect(preload).toHaveAttribute("imagesrcset", /\/_next\/image\?url=%2Fimages%2F/);

    const hero = page.locator("article figure img").first();
    await expect(hero).toHaveAttribute("sizes", "(min-width: 1024px) 1024px, 100vw");
    await expect(hero).toHaveAttribute("srcset", await preload.getAttribute("imagesrcset") ?? "");
    await expect(hero).not.toHaveAttribute("loading", "lazy");
    expect(await hero.evaluate((img) => getComputedStyle(img).backgroundImage)).toMatch(/^url\("data:image\/webp;base64,/);
    await expect.poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // The optimizer picked a variant for this phone and sent a modern format.
    const current = await hero.evaluate((img: HTMLImageElement) => img.currentSrc);
    const variant = await page.request.get(current, { headers: { accept: "image/avif,image/webp,*/*" } });
    expect(variant.headers()["content-type"]).toBe("image/avif");
    expect(new URL(current).searchParams.get("w")).toBe("750");
    expect(heroWidths, "hero variants fetched (preload and picture must agree)").toEqual(["750"]);
    // The hero is the page's largest contentful paint on a phone.
    await expect.poll(() => hero.evaluate((img) => (window as unknown as { __lcp: Element | null }).__lcp === img)).toBe(true);

    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
    await context.close();
  });
});
