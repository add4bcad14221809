import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article-view";
import { PreviewNotice } from "@/components/desk/preview-notice";
import { getArticle, getSite } from "@/lib/content";
import { requireEditor } from "@/lib/desk/requests";
import { deskArticlePath } from "@/lib/paths";

/*
 * /desk/story/<slug>/article: the story's page as it will be published, for a
 * signed-in editor. Unlike Draft Mode, it unlocks this one story and nothing else.
 */

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const article = getArticle((await params).slug);
  return { title: article ? `Preview: ${article.title}` : "Preview", robots: { index: false, follow: false } };
}

export default async function DeskArticlePage({ params }: { params: Params }) {
  const { slug } = await params;
  await requireEditor(deskArticlePath(slug));
  const article = getArticle(slug);
  if (!article) notFound();
  return <ArticleView article={article} now={new Date()} preview banner={<PreviewNotice article={article} timeZone={getSite().timeZone} fromDesk />} />;
}
