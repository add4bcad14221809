import { getSections } from "@/lib/content";
import { feedResponse } from "@/lib/seo/feeds";

/** A section's Atom feed. Regenerated at most a minute apart, like the pages. */
export const revalidate = 60;
export const dynamicParams = false;

export function generateStaticParams() {
  return getSections().map((s) => ({ section: s.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ section: string }> }) {
  return feedResponse("atom", (await params).section, new Date());
}
