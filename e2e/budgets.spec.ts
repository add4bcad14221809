import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { SEED } from "./helpers/seed";

/*
 * Performance budgets that do not depend on timing (issue 7; `npm run bench` and
 * `npm run lighthouse` measure the rest). Bytes are gzip at zlib's default level,
 * as the server sends them.
 */

const KB = 1024;
const HTML_BUDGET = 15 * KB;
const JS_BUDGET = 145 * KB;

const manifest = JSON.parse(fs.readFileSync(path.resolve(".next/build-manifest.json"), "utf8")) as {
  rootMainFiles: string[];
  polyfillFiles: string[];
};
const framework = new Set(manifest.rootMainFiles.map((f) => `/_next/${f}`));
const polyfills = new Set(manifest.polyfillFiles.map((f) => `/_next/${f}`));

const PAGES = [
  { name: "seed article", path: SEED.path },
  { name: "front page", path: "/" },
];

for (const { name, path: pagePath } of PAGES) {
  test.describe(`${name} budgets`, () => {
    test("loads only the framework's own JavaScript, at most 145 KB gzip", async ({ request }) => {
      const html = await (await request.get(pagePath)).text();
      const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)];
      const loaded = scripts.filter((m) => !/\bnoModule\b/i.test(m[0])).map((m) => m[1]!);
      // Anything beyond the root main files would be an application client component's chunk
      // (next/link and next/image's <Image> are client components too).
      expect(loaded.filter((src) => !framework.has(src))).toEqual([]);
      expect(scripts.map((m) => m[1]!).filter((src) => !framework.has(src) && !polyfills.has(src))).toEqual([]);
      // The inlined RSC payload references no client module outside the framework's chunks either.
      const chunkRefs = [...html.matchAll(/\/_next\/static\/chunks\/[\w.-]+\.js/g)].map((m) => m[0]);
      expect(chunkRefs.filter((src) => !framework.has(src) && !polyfills.has(src))).toEqual([]);

      let total = 0;
      for (const src of new Set(loaded)) total += gzipSync(await (await request.get(src)).body()).length;
      expect(total, `JavaScript: ${(total / KB).toFixed(1)} KB gzip`).toBeLessThanOrEqual(JS_BUDGET);
    });

    test("sends at most 15 KB of gzipped HTML", async ({ request }) => {
      const html = await (await request.get(pagePath)).body();
      const size = gzipSync(html).length;
      expect(size, `HTML: ${(size / KB).toFixed(1)} KB gzip`).toBeLessThanOrEqual(HTML_BUDGET);
    });

    test("may be served by a CDN: s-maxage with stale-while-revalidate, immutable hashed assets", async ({ request }) => {
      const page = await request.get(pagePath);
      expect(page.headers()["cache-control"]).toMatch(/(^|, )s-maxage=\d+/);
      expect(page.headers()["cache-control"]).toMatch(/stale-while-revalidate=\d+/);
      const asset = [...framework][0]!;
      expect((await request.get(asset)).headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    });
  });
}

test.describe("seed article hero image", () => {
  test("is preloaded at high priority from the optimizer, with sizes, a placeholder and no layout shift", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) w.__shift += entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
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

    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
    await context.close();
  });
});
