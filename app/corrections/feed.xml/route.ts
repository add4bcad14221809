import { correctionsFeedResponse } from "@/lib/seo/feeds";

/** The RSS 2.0 feed of corrections to public stories, newest first. Regenerated at most a minute apart, like the pages. */
export const revalidate = 60;

export function GET() {
  return correctionsFeedResponse("rss", new Date());
}
