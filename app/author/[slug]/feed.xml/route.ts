import { findListing } from "@/lib/publishing/listings";
import { frontsToPrerender } from "@/lib/publishing/prerender";
import { listingFeedResponse } from "@/lib/seo/feeds";

/** An author's RSS 2.0 feed: their newest public stories, as their front lists them. Regenerated at most a minute apart, like the pages. */
export const revalidate = 60;
// The busiest are built (lib/publishing/prerender.ts); the rest on first request, an unknown one a 404.
export const dynamicParams = true;

export function generateStaticParams() {
  return frontsToPrerender("author", new Date()).map((slug) => ({ slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return listingFeedResponse("rss", findListing("author", (await params).slug, new Date()));
}
