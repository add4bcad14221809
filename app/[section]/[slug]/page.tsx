import type { Metadata } from "next";
import { draftMode } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleView } from "@/components/article-view";
import { PreviewBanner } from "@/components/preview-banner";
import { getArticle, getSite, isPublic, type Article } from "@/lib/content";
import { articlesToPrerender } from "@/lib/publishing/prerender";
import { articleMetadata } from "@/lib/seo/metadata";

type Params = { section: string; slug: string };

// Scheduled stories go public without a rebuild: pages are regenerated at most a minute apart,
// and slugs not prebuilt are rendered on first request (an unknown or non-public one is a 404).
export const revalidate = 60;
export const dynamicParams = true;

// Only the newest stories are prebuilt (PRERENDER_ARTICLES, see lib/publishing/prerender.ts): the archive
// renders on first request, so build time and size stay flat as it grows.
export function generateStaticParams(): Params[] {
  return articlesToPrerender(new Date()).map((a) => ({ section: a.section.slug, slug: a.slug }));
}

/**
 * One read shared by the page and its metadata. Readers get public stories
 * only; an editor in Draft Mode (see app/api/draft) gets drafts and scheduled
 * stories too, rendered exactly as they will be published.
 */
const loadArticle = cache(async (section: string, slug: string): Promise<Article | undefined> => {
  const article = getArticle(slug);
  if (!article || article.section.slug !== section) return undefined;
  if (isPublic(article, new Date())) return article;
  return (await draftMode()).isEnabled ? article : undefined;
});

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { section, slug } = await params;
  const article = await loadArticle(section, slug);
  if (!article) return {};
  return {
    ...articleMetadata(getSite(), article),
    // Only reachable in preview when not public: never to be indexed.
    ...(isPublic(article, new Date()) ? {} : { robots: { index: false, follow: false } }),
  };
}

export default async function ArticlePage({ params }: { params: Promise<Params> }) {
  const { section, slug } = await params;
  const article = await loadArticle(section, slug);
  if (!article) notFound();

  const now = new Date();
  const preview = (await draftMode()).isEnabled;
  return (
    <ArticleView
      article={article}
      now={now}
      preview={preview}
      banner={preview ? <PreviewBanner article={article} isPublic={isPublic(article, now)} timeZone={getSite().timeZone} /> : null}
    />
  );
}
