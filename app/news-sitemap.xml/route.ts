import { newsSitemapResponse } from "@/lib/seo/sitemaps";

/** Google News sitemap: public stories of the last 48 hours, the window taken at each regeneration. */
export const revalidate = 60;

export function GET() {
  return newsSitemapResponse(new Date());
}
