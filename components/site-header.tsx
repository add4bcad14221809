import Link from "next/link";
import type { Section, SiteSettings } from "@/lib/content";

export function SiteHeader({ site, sections }: { site: SiteSettings; sections: Section[] }) {
  return (
    <header className="no-print border-b border-rule">
      <div className="mx-auto flex max-w-6xl flex-col items-center gap-1 px-4 pt-5 pb-3 sm:pt-7">
        <Link
          href="/"
          className="font-serif text-3xl font-bold tracking-tight text-ink no-underline sm:text-5xl"
        >
          {site.name}
        </Link>
        {site.tagline ? <p className="text-sm text-muted">{site.tagline}</p> : null}
      </div>
      <nav aria-label="Sections" className="border-t border-rule">
        <ul className="mx-auto flex max-w-6xl flex-wrap justify-center gap-x-6 gap-y-1 px-4 py-2 text-sm font-semibold tracking-wide uppercase">
          <li>
            <Link href="/" className="inline-block py-1 text-ink hover:text-accent-ink">
              Home
            </Link>
          </li>
          {sections.map((section) => (
            <li key={section.slug}>
              <Link href={`/${section.slug}`} className="inline-block py-1 text-ink hover:text-accent-ink">
                {section.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
