import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  globalIgnores([
    ".next*/",
    "node_modules/",
    "bench/floor/.next/",
    "public/",
    "test-results/",
    "playwright-report/",
    "screenshots/",
    "**/next-env.d.ts",
    "e2e/fixtures/",
  ]),
  // Next.js core-web-vitals + typescript (typescript-eslint recommended) rule sets.
  { files: ["**/*.{ts,tsx,mts,cts,mjs,cjs,js}"], extends: [nextVitals, nextTs] },
  // Tests assert on parsed XML and JSON-LD, which has no static type (JSON.parse gives `any` too).
  { files: ["e2e/**/*.ts", "**/*.test.ts"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
]);
