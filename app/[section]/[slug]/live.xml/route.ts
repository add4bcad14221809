import { articlesToPrerender } from "@/lib/publishing/prerender";
import { liveFeedResponse } from "@/lib/seo/live-feed";

/*
 * A live story's updates as Atom (lib/seo/live-feed.ts): what its page's script
 * polls, and feed readers follow. Regenerated like the pages, and at once when
 * content is published (/api/revalidate) or an update comes due (the
 * publication timer); while the coverage runs the server sends it with a short
 * Cache-Control (server/live-cache.mjs). Only a public live story has one.
 */
export const revalidate = 60;
export const dynamicParams = true;

type Params = { section: string; slug: string };

export function generateStaticParams(): Params[] {
  return articlesToPrerender(new Date())
    .filter((a) => a.live)
    .map((a) => ({ section: a.section.slug, slug: a.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<Params> }) {
  const { section, slug } = await params;
  return liveFeedResponse(section, slug, new Date());
}
