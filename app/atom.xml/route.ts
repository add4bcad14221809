import { feedResponse } from "@/lib/seo/feeds";

/** The site's Atom feed: the newest public stories. Regenerated at most a minute apart, like the pages. */
export const revalidate = 60;

export function GET() {
  return feedResponse("atom", undefined, new Date());
}
