import fs from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, systemChromium } from "./e2e/helpers/browser";
import { FIXTURE_ORIGIN, PREVIEW_LINK_KEY, PREVIEW_SECRET, REVALIDATE_SECRET, SITE_ORIGIN } from "./e2e/helpers/origins";

/**
 * The browser: Debian's Chromium (or $CHROMIUM_PATH) when present, else the
 * one Playwright installed. This machine cannot download browsers, so when
 * neither exists we stop with one line saying what to install.
 */
function browserPath(): string | undefined {
  const system = systemChromium();
  if (system) return system;
  const bundled = chromium.executablePath();
  if (bundled && fs.existsSync(bundled)) return undefined; // Playwright's own browser
  throw new Error(
    "No Chromium found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.",
  );
}

const executablePath = browserPath();
// The production server as `npm start` runs it (server/main.mjs wraps Next.js's request handler).
const next = "node server/main.mjs";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: SITE_ORIGIN,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: "chromium" }],
  // Both servers run the production builds `npm test` made: the shipped content (preview
  // and revalidation disabled, as when their secrets are unset), and the fixture corpus
  // (e2e/fixtures/content, built into .next-fixtures) with both secrets and the preview-link key set.
  webServer: [
    {
      command: `${next} -p ${new URL(SITE_ORIGIN).port}`,
      url: `${SITE_ORIGIN}/`,
      reuseExistingServer: !process.env.CI,
      env: { NEXT_TELEMETRY_DISABLED: "1" },
      timeout: 60_000,
    },
    {
      command: `${next} -p ${new URL(FIXTURE_ORIGIN).port}`,
      url: `${FIXTURE_ORIGIN}/`,
      reuseExistingServer: !process.env.CI,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: ".next-fixtures",
        CONTENT_DIR: "e2e/fixtures/content",
        PREVIEW_SECRET,
        REVALIDATE_SECRET,
        PREVIEW_LINK_KEY,
      },
      timeout: 60_000,
    },
  ],
});
