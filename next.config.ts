import type { NextConfig } from "next";
import { PRIVATE_PAGE_HEADERS, RESOURCE_POLICY, SECURITY_HEADERS } from "./server/security-headers.cjs";

const nextConfig: NextConfig = {
  // Tests build fixture corpora beside the real site; each build gets its own directory.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Production serves <distDir>/standalone/server.js (see Dockerfile): only the traced files,
  // no node_modules install. `next start` still works for tests and benchmarks (with a warning).
  output: "standalone",
  poweredByHeader: false,
  // server/main.mjs compresses and makes ETags, cheaper (server/compression.mjs): a whole response is hashed
  // in native code and gzipped once per version.
  compress: false,
  generateEtags: false,
  // server/main.mjs sends trailing-slash and case variants to the canonical address in one redirect
  // (lib/publishing/addresses.ts).
  skipTrailingSlashRedirect: true,
  // Pages are ISR (revalidate = 60): `Cache-Control: s-maxage=60, stale-while-revalidate=…`. A CDN
  // may serve a stale copy while it refetches for a day at most, not the default year, so a page
  // nobody read for a while is not shown a year out of date to its next reader.
  expireTime: 86_400,
  reactStrictMode: true,
  // Metadata always in <head>, never streamed into the body: pages ship no runtime to move it there
  // (server/runtime-free.mjs), so readers get what crawlers get.
  htmlLimitedBots: /.*/,
  // The ISR cache: the file-system cache alone, a Redis cache shared by every instance with REDIS_URL;
  // either way each page is stored without the framework's runtime and with its Content-Security-Policy,
  // and 404s for unknown addresses stay in memory. See server/cache-handler.mjs.
  cacheHandler: require.resolve("./server/cache-handler.mjs"),
  // No private in-memory copy in front of it: in a fleet, an instance would answer from its own copy
  // of a page another instance revalidated. The cache handler keeps its own LRU where that is safe.
  cacheMaxMemorySize: 0,
  images: {
    formats: ["image/avif", "image/webp"],
    qualities: [75],
    // Fewer widths than the defaults: each one is a candidate in every srcset (sent twice, in the
    // HTML and the RSC payload) and a variant to compute and cache. The largest a page asks for is
    // the 1024 px hero at 2x; 128–384 cover the thumbnails and cards.
    deviceSizes: [640, 750, 828, 1080, 1200, 1920, 2048],
    imageSizes: [128, 256, 384],
    localPatterns: [{ pathname: "/images/**" }],
    // Hero images never change under the same name: keep optimized variants for a year.
    minimumCacheTTL: 31_536_000,
    // The optimizer's answers are images: nothing may run in them (its default lacks default-src).
    contentSecurityPolicy: RESOURCE_POLICY,
  },
  async headers() {
    return [
      // Every response. The Content-Security-Policy differs per page: cache-handler.mjs and server/main.mjs.
      { source: "/:path*", headers: SECURITY_HEADERS },
      {
        // Draft Mode (editors' preview, app/api/draft): never cached by a shared cache, never indexed.
        // Next.js itself sends `private, no-cache, no-store` on pages rendered in Draft Mode.
        source: "/:path*",
        has: [{ type: "cookie", key: "__prerender_bypass" }],
        headers: [
          { key: "Cache-Control", value: "private, no-store" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          ...PRIVATE_PAGE_HEADERS,
        ],
      },
      // The editors' desk and shared preview links (lib/desk): for one browser only, never indexed.
      ...["/desk", "/desk/:path*", "/preview/:path*"].map((source) => ({
        source,
        headers: [
          { key: "Cache-Control", value: "private, no-store" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          ...PRIVATE_PAGE_HEADERS,
        ],
      })),
    ];
  },
  async redirects() {
    // Page 1 of a front has one address: the front itself.
    return [
      { source: "/topic/:tag/page/1", destination: "/topic/:tag", permanent: true },
      { source: "/author/:slug/page/1", destination: "/author/:slug", permanent: true },
      { source: "/:section/page/1", destination: "/:section", permanent: true },
    ];
  },
  // Pages read content/ at request time too (revalidation, preview): ship it with the server.
  // The tracer follows the app and the cache handler, not server/main.mjs: what only the server loads
  // in a fleet (the Redis client, the cache library) is named here, or the standalone output
  // (Dockerfile) fails to start with REDIS_URL. npm run standalone
  // checks that every package server/ imports loads from the output.
  outputFileTracingIncludes: {
    "/**/*": [
      "./content/**/*",
      "./node_modules/@fontsource/source-serif-4/files/source-serif-4-*-{400,700}-normal.woff",
      "./node_modules/@redis/client/**/*",
      "./node_modules/@fortedigital/nextjs-cache-handler/{package.json,dist/**/*}",
    ],
  },
  // The tracer follows CONTENT_DIR's run-time path into every corpus in the repository; the test
  // fixtures (drafts and scheduled marker stories) have no business in the production image, nor
  // the generated corpora of the benchmarks (100,000 files would be copied into every build).
  outputFileTracingExcludes: {
    "/**/*": ["./e2e/**/*", "./bench-results/**/*"],
  },
};

export default nextConfig;
