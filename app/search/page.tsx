import type { Metadata } from "next";
import { Pagination } from "@/components/pagination";
import { StoryList } from "@/components/story-list";
import { articleBody, getCorpus } from "@/lib/content";
import { SEARCH_PATH, searchPath } from "@/lib/paths";
import { paginate } from "@/lib/publishing/pagination";
import { getSearchIndex, highlight, normalizeQuery, plainText, searchArticles, snippet, type Fragment } from "@/lib/publishing/search";

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

function parsePage(raw: string | string[] | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && /^[1-9]\d{0,4}$/.test(value) ? Number(value) : 1;
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const q = normalizeQuery(params.q);
  const now = new Date();
  const corpus = getCorpus();
  const hits = q ? searchArticles(getSearchIndex(corpus, now), corpus, q, now) : [];
  const requested = parsePage(params.page);
  const page = paginate(
    hits.map((h) => h.article),
    requested,
    RESULTS_PER_PAGE,
    SEARCH_PATH,
  );
  const termsBySlug = new Map(hits.map((h) => [h.article.slug, h.terms]));
  const href = (n: number) => searchPath(q, n);

  return (
    <div className="mx-auto max-w-4xl px-4 pt-6 sm:pt-8">
      <header className="border-b-2 border-ink pb-5">
        <h1 className="font-serif text-4xl font-bold">Search</h1>
        <form role="search" aria-label="Search again" action={SEARCH_PATH} method="get" className="mt-4 flex max-w-xl">
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
        </form>
      </header>

      {!q ? (
        <p className="py-10 text-muted">Type a word or a phrase to search every story we have published.</p>
      ) : !hits.length ? (
        <div className="py-10">
          <p className="text-lg" role="status">
            No stories match <strong>“{q}”</strong>.
          </p>
          <p className="mt-2 text-muted">Check the spelling, try fewer or more general words, or browse a section.</p>
        </div>
      ) : !page ? (
        <p className="py-10" role="status">
          There are only {hits.length} results for <strong>“{q}”</strong>.{" "}
          <a href={href(1)} className="font-semibold text-accent-ink underline">
            Back to the first page
          </a>
        </p>
      ) : (
        <>
          <p className="mt-5 text-sm text-muted" role="status">
            {hits.length} {hits.length === 1 ? "story matches" : "stories match"} “{q}”
            {page.totalPages > 1 ? ` · page ${page.page} of ${page.totalPages}` : ""}
          </p>
          <StoryList
            stories={page.items}
            timeZone={corpus.site.timeZone}
            renderTitle={(story) => <Marked fragments={highlight(story.title, termsBySlug.get(story.slug) ?? [])} />}
            renderStandfirst={(story) => {
              const terms = termsBySlug.get(story.slug) ?? [];
              const standfirst = highlight(story.standfirst, terms);
              const inStandfirst = standfirst.some((f) => f.match);
              const body = plainText(articleBody(story));
              return (
                <>
                  <Marked fragments={standfirst} />
                  {!inStandfirst && highlight(body, terms).some((f) => f.match) ? (
                    <span className="mt-1 block text-sm">
                      <Marked fragments={highlight(snippet(body, terms), terms)} />
                    </span>
                  ) : null}
                </>
              );
            }}
          />
          <Pagination
            page={page.page}
            totalPages={page.totalPages}
            prevHref={page.prevHref ? href(page.page - 1) : undefined}
            nextHref={page.nextHref ? href(page.page + 1) : undefined}
          />
        </>
      )}
    </div>
  );
}
