import { sitemapResponse } from "@/lib/seo/sitemaps";

/** Every public address (or the index of the parts past 50,000); regenerated at most a minute apart. */
export const revalidate = 60;

export function GET() {
  return sitemapResponse(new Date());
}
