import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { JsonLd } from "@/components/json-ld";
import { Link } from "@/components/link";
import { Pagination } from "@/components/pagination";
import { getSite } from "@/lib/content";
import { CORRECTIONS_PATH, correctionPath, pagePath, sectionPath } from "@/lib/paths";
import { correctionsPage, extraCorrectionsPages } from "@/lib/publishing/corrections";
import { parsePageSegment } from "@/lib/publishing/pagination";
import { correctionsChannel } from "@/lib/seo/feeds";
import { breadcrumbJsonLd } from "@/lib/seo/jsonld";
import { pageMetadata } from "@/lib/seo/metadata";
import { formatDateTime } from "@/lib/render/format";

/*
 * /corrections and /corrections/page/<n>: every correction of the public
 * stories, newest first, paged like the fronts. Each route file only says
 * whether it is page 1 or a later page.
 */

type RouteParams = { n?: string };

function resolve(params: RouteParams) {
  const page = params.n === undefined ? 1 : parsePageSegment(params.n);
  return page ? correctionsPage(page, new Date()) : undefined;
}

export function correctionsRoute({ paged }: { paged: boolean }) {
  function generateStaticParams(): Required<RouteParams>[] {
    return paged ? extraCorrectionsPages(new Date()).map((n) => ({ n: String(n) })) : [];
  }

  async function generateMetadata({ params }: { params: Promise<RouteParams> }): Promise<Metadata> {
    const page = resolve(await params);
    if (!page) return {};
    const site = getSite();
    const channel = correctionsChannel(site);
    return pageMetadata(site, {
      title: page.page > 1 ? `${channel.name} – page ${page.page}` : channel.name,
      description: channel.description,
      path: pagePath(CORRECTIONS_PATH, page.page),
      feed: { name: channel.name, path: channel.path },
    });
  }

  async function Page({ params }: { params: Promise<RouteParams> }) {
    const page = resolve(await params);
    if (!page) notFound();
    const site = getSite();
    const trail = [{ name: "Home", href: "/" }, { name: "Corrections", href: CORRECTIONS_PATH }];
    if (page.page > 1) trail.push({ name: `Page ${page.page}`, href: pagePath(CORRECTIONS_PATH, page.page) });

    return (
      <div className="mx-auto max-w-4xl px-4 pt-6 sm:pt-8">
        <JsonLd data={breadcrumbJsonLd(site, trail.slice(1).map((c) => ({ name: c.name, path: c.href })))} />
        <Breadcrumbs trail={trail} />
        <header className="mt-4 border-b-2 border-ink pb-5">
          <h1 className="mt-1 font-serif text-4xl font-bold sm:text-5xl">
            Corrections
            {page.page > 1 ? <span className="text-muted"> · page {page.page}</span> : null}
          </h1>
          <p className="mt-2 max-w-2xl text-lg text-muted">
            When we get something wrong, we correct the story and say so at its end. Every correction, newest first.
          </p>
        </header>
        {page.items.length ? (
          <ol className="divide-y divide-rule">
            {page.items.map(({ article, correction, number }) => (
              <li key={`${article.slug}-${number}`} className="py-5">
                <p className="text-xs font-semibold tracking-wider uppercase">
                  <Link href={sectionPath(article.section.slug)} className="text-accent-ink hover:underline">
                    {article.section.name}
                  </Link>
                </p>
                <h2 className="mt-1 font-serif text-xl leading-snug font-bold sm:text-2xl">
                  <Link href={correctionPath(article.path, number)} className="hover:underline">
                    {article.title}
                  </Link>
                </h2>
                <p className="mt-2">{correction.text}</p>
                <p className="mt-2 text-sm text-muted">
                  Corrected <time dateTime={correction.date.toISOString()}>{formatDateTime(correction.date, site.timeZone)}</time>
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="py-16 text-center text-muted">No corrections have been published.</p>
        )}
        <Pagination {...page} newer="← Newer corrections" older="Older corrections →" />
      </div>
    );
  }

  return { generateStaticParams, generateMetadata, Page };
}
