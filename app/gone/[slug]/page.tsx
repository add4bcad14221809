import type { Metadata } from "next";
import { headers } from "next/headers";
import { NoticePage } from "@/components/notice-page";
import { notFound } from "next/navigation";
import { getArticle, getSite, isRetracted } from "@/lib/content";
import { RETRACTED_HEADER } from "@/server/address-contract.mjs";
import { sectionPath } from "@/lib/paths";

/*
 * The public note at a retracted story's address. server/main.mjs serves the
 * story's addresses here with status 410 Gone; reached any other way, this
 * is a 404. The headline and text are not repeated: a story is withdrawn
 * because something in it was wrong.
 */

export const metadata: Metadata = {
  title: "Story retracted",
  description: "This story has been retracted.",
  robots: { index: false, follow: true },
};

export default async function RetractedStory({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const article = getArticle(slug);
  if ((await headers()).get(RETRACTED_HEADER) !== slug || !article || !isRetracted(article, new Date())) notFound();
  const site = getSite();

  return (
    <NoticePage
      label="Retracted"
      title="This story has been retracted"
      destinations={[{ href: sectionPath(article.section.slug), name: article.section.name }]}
    >
      {article.retractionNote ? <p className="mt-4 font-serif text-xl">{article.retractionNote}</p> : null}
      <p className="mt-4 text-lg text-muted">
        {site.name} has withdrawn this story and it is no longer available. We correct and retract our reporting in
        public.
      </p>
    </NoticePage>
  );
}
