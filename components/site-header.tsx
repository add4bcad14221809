import { Link } from "@/components/link";
import type { Section, SiteSettings } from "@/lib/content";
import { HOME_PATH, SEARCH_PATH, sectionPath } from "@/lib/paths";

function SectionLinks({ sections, className }: { sections: Section[]; className: string }) {
  return (
    <ul className={className}>
      <li>
        <Link href={HOME_PATH} className="inline-block py-2 text-ink hover:text-accent-ink">
          Home
        </Link>
      </li>
      {sections.map((section) => (
        <li key={section.slug}>
          <Link href={sectionPath(section.slug)} className="inline-block py-2 text-ink hover:text-accent-ink">
            {section.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A plain GET form: search works without JavaScript. */
function SearchForm({ id }: { id: string }) {
  return (
    <form role="search" aria-label="Site search" action={SEARCH_PATH} method="get" className="flex min-w-0 items-stretch">
      <label htmlFor={id} className="sr-only">
        Search stories
      </label>
      <input
        id={id}
        type="search"
        name="q"
        placeholder="Search"
        maxLength={200}
        className="w-full min-w-0 rounded-l border border-r-0 border-muted bg-paper px-3 py-1.5 text-sm text-ink placeholder:text-muted sm:w-44"
      />
      <button
        type="submit"
        className="rounded-r border border-ink bg-ink px-3 py-1.5 text-sm font-semibold text-paper hover:bg-accent-ink hover:border-accent-ink"
      >
        Search
      </button>
    </form>
  );
}

export function SiteHeader({ site, sections }: { site: SiteSettings; sections: Section[] }) {
  return (
    <header className="no-print border-b border-rule">
      <div className="mx-auto flex max-w-6xl flex-col items-center gap-1 px-4 pt-5 pb-3 sm:pt-7">
        <Link href={HOME_PATH} className="font-serif text-3xl font-bold tracking-tight text-ink no-underline sm:text-5xl">
          {site.name}
        </Link>
        {site.tagline ? <p className="text-sm text-muted">{site.tagline}</p> : null}
      </div>

      {/* Wide screens: the sections in a row and the search box beside them. */}
      <div className="hidden border-t border-rule md:block">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-6 px-4 py-1">
          <nav aria-label="Sections">
            <SectionLinks
              sections={sections}
              className="flex flex-wrap gap-x-6 text-sm font-semibold tracking-wide uppercase"
            />
          </nav>
          <SearchForm id="search-wide" />
        </div>
      </div>

      {/* Narrow screens: a disclosure menu that needs no JavaScript. */}
      <details className="group border-t border-rule md:hidden">
        <summary className="mx-auto flex max-w-6xl cursor-pointer list-none items-center justify-between px-4 py-2.5 text-sm font-semibold tracking-wide uppercase [&::-webkit-details-marker]:hidden">
          <span>Menu</span>
          <span aria-hidden="true" className="text-lg leading-none group-open:hidden">
            ☰
          </span>
          <span aria-hidden="true" className="hidden text-lg leading-none group-open:inline">
            ✕
          </span>
        </summary>
        <div className="border-t border-rule px-4 pt-3 pb-4">
          <SearchForm id="search-narrow" />
          <nav aria-label="Sections" className="mt-2">
            <SectionLinks sections={sections} className="divide-y divide-rule text-base font-semibold" />
          </nav>
        </div>
      </details>
    </header>
  );
}
