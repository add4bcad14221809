/*
 * Screenshots of each page type at phone and desktop widths, in light and dark
 * scheme, to look at what readers see. Needs a running server:
 *   npm run build && npm start   (then)   npm run screenshots [-- BASE_URL [OUT_DIR]]
 * Writes OUT_DIR/<page>-<width>-<scheme>.png (default screenshots/, git-ignored);
 * npm run screenshots:compare compares two such folders pixel by pixel.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, systemChromium } from "../e2e/helpers/browser";

const base = process.argv[2] ?? "http://localhost:3000";
const pages: Record<string, string> = {
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
  ...Object.fromEntries((process.env.SCREENSHOT_PAGES ?? "").split(",").filter(Boolean).map((p) => [p.replace(/\W+/g, "-"), p])),
};
const out = path.resolve(process.argv[3] ?? "screenshots");

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
  for (const scheme of ["light", "dark"] as const) {
    for (const width of [375, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      for (const [name, pathname] of Object.entries(pages)) {
        await page.goto(base + pathname, { waitUntil: "networkidle" });
        // Every picture loaded, below the fold too, so two runs show the same page.
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
        const file = path.join(out, `${name}-${width}-${scheme}.png`);
        // Measured before the full-page screenshot, which resizes the viewport.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`${path.relative(process.cwd(), file)}${overflow > 0 ? `  (horizontal overflow ${overflow}px!)` : ""}`);
      }
      await context.close();
    }
  }
  await browser.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
