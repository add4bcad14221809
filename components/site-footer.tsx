import { Link } from "@/components/link";
import type { Section, SiteSettings } from "@/lib/content";
import { ARCHIVE_PATH, CORRECTIONS_PATH, sectionPath } from "@/lib/paths";

export function SiteFooter({ site, sections }: { site: SiteSettings; sections: Section[] }) {
  return (
    <footer className="no-print mt-16 border-t-4 border-ink">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:grid-cols-[1fr_auto]">
        <div>
          <p className="font-serif text-2xl font-bold">{site.name}</p>
          <p className="mt-1 text-sm text-muted">
            <a href={site.origin} className="underline hover:text-accent-ink">
              {site.domain}
            </a>
          </p>
        </div>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
            {sections.map((section) => (
              <li key={section.slug}>
                <Link href={sectionPath(section.slug)} className="underline hover:text-accent-ink">
                  {section.name}
                </Link>
              </li>
            ))}
            <li>
              <Link href={ARCHIVE_PATH} className="underline hover:text-accent-ink">
                Archive
              </Link>
            </li>
            <li>
              <Link href={CORRECTIONS_PATH} className="underline hover:text-accent-ink">
                Corrections
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
