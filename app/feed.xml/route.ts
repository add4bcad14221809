import { feedResponse } from "@/lib/seo/feeds";

/** The site's RSS 2.0 feed: the newest public stories. Regenerated at most a minute apart, like the pages. */
export const revalidate = 60;

export function GET() {
  return feedResponse("rss", undefined, new Date());
}
