import { findListing, listingSlugs } from "@/lib/publishing/listings";
import { listingFeedResponse } from "@/lib/seo/feeds";

/** An author's Atom feed: their newest public stories, as their front lists them. Regenerated at most a minute apart, like the pages. */
export const revalidate = 60;
export const dynamicParams = false;

export function generateStaticParams() {
  return listingSlugs("author").map((slug) => ({ slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return listingFeedResponse("atom", findListing("author", (await params).slug, new Date()));
}
