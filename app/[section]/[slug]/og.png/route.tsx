import { shareCardResponse } from "@/components/share-card";
import { getArticle, getSite, isPublic } from "@/lib/content";
import { articlesToPrerender } from "@/lib/publishing/prerender";

/*
 * A story's share card: section, headline, brand and the hero photo.
 * The stories whose pages are prerendered (the newest PRERENDER_ARTICLES) are
 * drawn at build time and regenerated like the pages; older ones, and a story
 * scheduled later once it is public, are drawn on first request.
 * Only public stories have a card: a draft's headline must not leak here.
 */
export const revalidate = 60;
export const dynamicParams = true;

type Params = { section: string; slug: string };

export function generateStaticParams(): Params[] {
  return articlesToPrerender(new Date()).map((a) => ({ section: a.section.slug, slug: a.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<Params> }) {
  const { section, slug } = await params;
  const article = getArticle(slug);
  if (!article || article.section.slug !== section || !isPublic(article, new Date())) {
    return new Response("Not found", { status: 404 });
  }
  return shareCardResponse({
    brand: getSite().name,
    label: article.section.name,
    headline: article.title,
    image: article.image.src,
  });
}
