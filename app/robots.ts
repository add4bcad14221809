import type { MetadataRoute } from "next";
import { getSite } from "@/lib/content";
import { HOME_PATH, NEWS_SITEMAP_PATH, ROBOTS_DISALLOW, SITEMAP_PATH, absolute } from "@/lib/paths";

/** Crawlers may read every page; the API (draft preview), the editors' desk and shared previews are not for them. */
export default function robots(): MetadataRoute.Robots {
  const { origin } = getSite();
  return {
    rules: { userAgent: "*", allow: HOME_PATH, disallow: ROBOTS_DISALLOW },
    sitemap: [absolute(origin, SITEMAP_PATH), absolute(origin, NEWS_SITEMAP_PATH)],
  };
}
