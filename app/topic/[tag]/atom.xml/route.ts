import { findListing, listingSlugs } from "@/lib/publishing/listings";
import { listingFeedResponse } from "@/lib/seo/feeds";

/** A topic's Atom feed: its newest public stories, as its front lists them. Regenerated at most a minute apart, like the pages. */
export const revalidate = 60;
export const dynamicParams = false;

export function generateStaticParams() {
  return listingSlugs("topic").map((tag) => ({ tag }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ tag: string }> }) {
  return listingFeedResponse("atom", findListing("topic", (await params).tag, new Date()));
}
