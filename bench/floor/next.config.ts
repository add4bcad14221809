import type { NextConfig } from "next";

/*
 * The framework floor: a bare Next.js app of the same version as the site (the
 * root node_modules), serving the site's own body markup as static pages with
 * no client component, no font, no image. `npm run bench` and `npm run
 * lighthouse` capture the markup from the running site (bench/lib.ts),
 * build this app and measure it beside the site in the same run.
 */
const nextConfig: NextConfig = {
  distDir: process.env.FLOOR_DIST_DIR || ".next",
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
