import { shareCardResponse } from "@/components/share-card";
import { getArticle, getSite, latestPublic } from "@/lib/content";
import { isPublic } from "@/lib/visibility";

/*
 * A story's share card: section, headline, brand and the hero photo.
 * Public stories are drawn at build time and regenerated like the pages;
 * a story scheduled later is drawn on first request once it is public.
 * Only public stories have a card: a draft's headline must not leak here.
 */
export const revalidate = 60;
export const dynamicParams = true;

type Params = { section: string; slug: string };

export function generateStaticParams(): Params[] {
  return latestPublic(new Date()).map((a) => ({ section: a.section.slug, slug: a.slug }));
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
