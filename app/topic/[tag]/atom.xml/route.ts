import { findListing } from "@/lib/publishing/listings";
import { frontsToPrerender } from "@/lib/publishing/prerender";
import { listingFeedResponse } from "@/lib/seo/feeds";

/** A topic's Atom feed: its newest public stories, as its front lists them. Regenerated at most a minute apart, like the pages. */
export const revalidate = 60;
// The busiest are built (lib/publishing/prerender.ts); the rest on first request, an unknown one a 404.
export const dynamicParams = true;

export function generateStaticParams() {
  return frontsToPrerender("topic", new Date()).map((tag) => ({ tag }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ tag: string }> }) {
  return listingFeedResponse("atom", findListing("topic", (await params).tag, new Date()));
}
