import type { Metadata } from "next";
import { headers } from "next/headers";
import { Link } from "@/components/link";
import { notFound } from "next/navigation";
import { getArticle, getSite } from "@/lib/content";
import { RETRACTED_HEADER } from "@/lib/routing-headers.mjs";
import { isRetracted } from "@/lib/visibility";

/*
 * The public note at a retracted story's address. server.mjs serves the
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
    <div className="mx-auto max-w-3xl px-4 py-16">
      <p className="text-sm font-semibold tracking-wider text-accent-ink uppercase">Retracted</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">This story has been retracted</h1>
      {article.retractionNote ? <p className="mt-4 font-serif text-xl">{article.retractionNote}</p> : null}
      <p className="mt-4 text-lg text-muted">
        {site.name} has withdrawn this story and it is no longer available. We correct and retract our reporting in
        public.
      </p>
      <ul className="mt-6 flex flex-wrap gap-4">
        <li>
          <Link href="/" className="font-semibold text-accent-ink underline">
            Front page
          </Link>
        </li>
        <li>
          <Link href={`/${article.section.slug}`} className="font-semibold text-accent-ink underline">
            {article.section.name}
          </Link>
        </li>
      </ul>
    </div>
  );
}
