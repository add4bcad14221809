import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { JsonLd } from "@/components/json-ld";
import { Pagination } from "@/components/pagination";
import { StoryList } from "@/components/story-list";
import { getSection, getSite } from "@/lib/content";
import { breadcrumbJsonLd } from "@/lib/seo/jsonld";
import { extraPages, findListingPage, type ListingKind } from "@/lib/publishing/listings";
import { frontsToPrerender } from "@/lib/publishing/prerender";
import { pagePath } from "@/lib/paths";
import { parsePageSegment } from "@/lib/publishing/pagination";
import { listingDescription, pageMetadata, sectionCard } from "@/lib/seo/metadata";

/*
 * The section, topic and author fronts (page 1 and /page/N) share one
 * implementation; each route file only names its kind and parameter.
 */

type RouteParams = Record<string, string>;

function pageNumber(params: RouteParams): number | undefined {
  return params.n === undefined ? 1 : parsePageSegment(params.n);
}

export function listingRoute(kind: ListingKind, param: string, { paged }: { paged: boolean }) {
  function resolve(params: RouteParams) {
    const slug = params[param];
    const page = pageNumber(params);
    if (!slug || !page) return undefined;
    return findListingPage(kind, slug, page, new Date());
  }

  function generateStaticParams(): RouteParams[] {
    const now = new Date();
    return frontsToPrerender(kind, now).flatMap((slug) =>
      paged ? extraPages(kind, slug, now).map((n) => ({ [param]: slug, n: String(n) })) : [{ [param]: slug }],
    );
  }

  async function generateMetadata({ params }: { params: Promise<RouteParams> }): Promise<Metadata> {
    const found = resolve(await params);
    if (!found) return {};
    const { listing, page } = found;
    const title = page.page > 1 ? `${listing.name} – page ${page.page}` : listing.name;
    const site = getSite();
    const section = listing.kind === "section" ? getSection(listing.slug) : undefined;
    return pageMetadata(site, {
      title,
      description: listingDescription(site, listing),
      path: pagePath(listing.base, page.page),
      image: section ? sectionCard(site, section) : undefined,
      section,
      // Topics and authors have feeds of their own (app/topic/[tag]/feed.xml, app/author/[slug]/feed.xml, …).
      feed: section ? undefined : { name: listing.name, path: listing.base },
    });
  }

  async function Page({ params }: { params: Promise<RouteParams> }) {
    const found = resolve(await params);
    if (!found) notFound();
    const { listing, page } = found;
    const site = getSite();
    const trail = [{ name: "Home", href: "/" }, { name: listing.name, href: listing.base }];
    if (page.page > 1) trail.push({ name: `Page ${page.page}`, href: pagePath(listing.base, page.page) });

    return (
      <div className="mx-auto max-w-4xl px-4 pt-6 sm:pt-8">
        <JsonLd data={breadcrumbJsonLd(site, trail.slice(1).map((c) => ({ name: c.name, path: c.href })))} />
        <Breadcrumbs trail={trail} />
        <header className="mt-4 border-b-2 border-ink pb-5">
          {listing.label ? (
            <p className="text-sm font-semibold tracking-wider text-accent-ink uppercase">{listing.label}</p>
          ) : null}
          <h1 className="mt-1 font-serif text-4xl font-bold sm:text-5xl">
            {listing.name}
            {page.page > 1 ? <span className="text-muted"> · page {page.page}</span> : null}
          </h1>
          {listing.role ? <p className="mt-2 font-semibold">{listing.role}</p> : null}
          {listing.description ? <p className="mt-2 max-w-2xl text-lg text-muted">{listing.description}</p> : null}
        </header>
        {page.items.length ? (
          <StoryList stories={page.items} timeZone={site.timeZone} />
        ) : (
          <p className="py-16 text-center text-muted">No stories here yet.</p>
        )}
        <Pagination {...page} />
      </div>
    );
  }

  return { generateStaticParams, generateMetadata, Page };
}
