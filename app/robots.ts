import type { MetadataRoute } from "next";
import { getSite } from "@/lib/content";
import { absolute } from "@/lib/paths";

/** Crawlers may read every page; the API (draft preview) is not for them. */
export default function robots(): MetadataRoute.Robots {
  const { origin } = getSite();
  return {
    rules: { userAgent: "*", allow: "/", disallow: "/api/" },
    sitemap: [absolute(origin, "/sitemap.xml"), absolute(origin, "/news-sitemap.xml")],
  };
}
