import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/pagination";
import { StoryList } from "@/components/story-list";
import { articleBody, getSections, getSite } from "@/lib/content";
import { SEARCH_PATH, searchPath, type SearchFilters } from "@/lib/paths";
import { highlight, matchedPassage, normalizeQuery, searchArticles, snippet, type Fragment } from "@/lib/publishing/search";
import { parseSearchRequest } from "@/lib/publishing/search-params";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const RESULTS_PER_PAGE = 10;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const q = normalizeQuery((await searchParams).q);
  return {
    title: q ? `Search: ${q}` : "Search",
    // Result pages are for readers, not for the index; their links are worth following.
    robots: { index: false, follow: true },
    alternates: { canonical: SEARCH_PATH },
  };
}

function Marked({ fragments }: { fragments: Fragment[] }) {
  return fragments.map((f, i) =>
    f.match ? (
      <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-ink dark:bg-yellow-300 dark:text-black">
        {f.text}
      </mark>
    ) : (
      f.text
    ),
  );
}

const FIELD = "mt-1 block w-full rounded border border-muted bg-paper px-2 py-1.5 text-ink";

/** The query, its order, section and dates: one GET form, so every combination is an address. */
function SearchForm({ q, filters }: { q: string; filters: SearchFilters }) {
  const sections = getSections();
  return (
    <form role="search" aria-label="Search again" action={SEARCH_PATH} method="get" className="mt-4 max-w-2xl">
      <div className="flex">
        <label htmlFor="search-page" className="sr-only">
          Search stories
        </label>
        <input
          id="search-page"
          type="search"
          name="q"
          defaultValue={q}
          maxLength={200}
          className="w-full min-w-0 rounded-l border border-r-0 border-muted bg-paper px-3 py-2 text-ink"
        />
        <button type="submit" className="rounded-r border border-ink bg-ink px-4 py-2 font-semibold text-paper hover:bg-accent-ink">
          Search
        </button>
      </div>
      <div className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <label className="text-muted">
          Order
          <select name="sort" defaultValue={filters.sort ?? "relevance"} className={FIELD}>
            <option value="relevance">Best match</option>
            <option value="newest">Newest first</option>
          </select>
        </label>
        <label className="text-muted">
          Section
          <select name="section" defaultValue={filters.section ?? ""} className={FIELD}>
            <option value="">All sections</option>
            {sections.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-muted">
          From
          <input type="date" name="from" defaultValue={filters.from ?? ""} className={FIELD} />
        </label>
        <label className="text-muted">
          To
          <input type="date" name="to" defaultValue={filters.to ?? ""} className={FIELD} />
        </label>
      </div>
    </form>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const site = getSite();
  const request = parseSearchRequest(await searchParams, getSections(), site.timeZone);
  const { q, filters, page } = request;
  const now = new Date();
  const { hits, total } = q
    ? searchArticles({ q, sort: request.sort, section: request.section, from: request.from, to: request.to, page, pageSize: RESULTS_PER_PAGE }, now)
    : { hits: [], total: 0 };
  const totalPages = Math.max(1, Math.ceil(total / RESULTS_PER_PAGE));
  // As on the section fronts: a page past the last one does not exist.
  if (q && page > totalPages) notFound();
  const termsBySlug = new Map(hits.map((h) => [h.article.slug, h.terms]));
  const href = (n: number, f: SearchFilters = filters) => searchPath(q, n, f);
  const sectionName = getSections().find((s) => s.slug === request.section)?.name;
  const narrowed = [sectionName ? ` in ${sectionName}` : "", filters.from ? ` from ${filters.from}` : "", filters.to ? ` to ${filters.to}` : ""].join("");

  return (
    <div className="mx-auto max-w-4xl px-4 pt-6 sm:pt-8">
      <header className="border-b-2 border-ink pb-5">
        <h1 className="font-serif text-4xl font-bold">Search</h1>
        <SearchForm q={q} filters={filters} />
        {request.notes.length ? (
          <ul className="mt-3 text-sm text-muted">
            {request.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
      </header>

      {!q ? (
        <p className="py-10 text-muted">Type a word or a phrase to search every story we have published.</p>
      ) : !total ? (
        <div className="py-10">
          <p className="text-lg" role="status">
            No stories match <strong>“{q}”</strong>
            {narrowed}.
          </p>
          <p className="mt-2 text-muted">Check the spelling, try fewer or more general words, widen the dates or the section, or browse a section.</p>
        </div>
      ) : (
        <>
          <p className="mt-5 text-sm text-muted" role="status">
            {total} {total === 1 ? "story matches" : "stories match"} “{q}”{narrowed}
            {totalPages > 1 ? ` · page ${page} of ${totalPages}` : ""}
          </p>
          <p className="mt-1 text-sm text-muted">
            {request.sort === "newest" ? (
              <>
                Newest first ·{" "}
                <a href={href(1, { ...filters, sort: undefined })} className="font-semibold text-accent-ink underline">
                  Sort by best match
                </a>
              </>
            ) : (
              <>
                Best match first ·{" "}
                <a href={href(1, { ...filters, sort: "newest" })} className="font-semibold text-accent-ink underline">
                  Sort by newest
                </a>
              </>
            )}
          </p>
          <StoryList
            stories={hits.map((h) => h.article)}
            timeZone={site.timeZone}
            renderTitle={(story) => <Marked fragments={highlight(story.title, termsBySlug.get(story.slug) ?? [])} />}
            renderStandfirst={(story) => {
              const terms = termsBySlug.get(story.slug) ?? [];
              const standfirst = highlight(story.standfirst, terms);
              const inStandfirst = standfirst.some((f) => f.match);
              const passage = inStandfirst ? undefined : matchedPassage(articleBody(story), terms);
              return (
                <>
                  <Marked fragments={standfirst} />
                  {passage ? (
                    <span className="mt-1 block text-sm">
                      <Marked fragments={highlight(snippet(passage, terms), terms)} />
                    </span>
                  ) : null}
                </>
              );
            }}
          />
          <Pagination
            page={page}
            totalPages={totalPages}
            prevHref={page > 1 ? href(page - 1) : undefined}
            nextHref={page < totalPages ? href(page + 1) : undefined}
            newer="← Previous results"
            older="More results →"
          />
        </>
      )}
    </div>
  );
}
