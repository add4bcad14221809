import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Tests build fixture corpora beside the real site; each build gets its own directory.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    formats: ["image/avif", "image/webp"],
    qualities: [75],
    localPatterns: [{ pathname: "/images/**" }],
    // Hero images never change under the same name: keep optimized variants for a year.
    minimumCacheTTL: 31_536_000,
  },
  // Pages read content/ at request time too (revalidation, preview): ship it with the server.
  outputFileTracingIncludes: {
    "/**/*": ["./content/**/*"],
  },
};

export default nextConfig;
