import { Link } from "@/components/link";

export type Crumb = { name: string; href: string };

/** Home › Section › Page; the last crumb is the current page and is not a link. */
export function Breadcrumbs({ trail }: { trail: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="no-print text-sm text-muted">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {trail.map((crumb, i) => {
          const last = i === trail.length - 1;
          return (
            <li key={crumb.href} className="flex min-w-0 items-center gap-x-2">
              {i > 0 ? (
                <span aria-hidden="true" className="text-muted">
                  ›
                </span>
              ) : null}
              {last ? (
                <span aria-current="page" className="truncate">
                  {crumb.name}
                </span>
              ) : (
                <Link href={crumb.href} className="underline hover:text-accent-ink">
                  {crumb.name}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
