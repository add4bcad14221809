import { Link } from "@/components/link";

/** Real links with rel="prev"/"next": crawlers and readers without JavaScript can walk every page. */
export function Pagination({
  page,
  totalPages,
  prevHref,
  nextHref,
  newer = "← Newer stories",
  older = "Older stories →",
}: {
  page: number;
  totalPages: number;
  prevHref: string | undefined;
  nextHref: string | undefined;
  /** The links' text, for lists of something other than stories. */
  newer?: string;
  older?: string;
}) {
  if (totalPages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="no-print mt-10 flex items-center justify-between border-t border-rule pt-4 text-sm">
      {prevHref ? (
        <Link href={prevHref} rel="prev" className="font-semibold text-accent-ink underline">
          {newer}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">
        Page {page} of {totalPages}
      </span>
      {nextHref ? (
        <Link href={nextHref} rel="next" className="font-semibold text-accent-ink underline">
          {older}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
