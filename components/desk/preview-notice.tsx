import type { Article } from "@/lib/content";
import { formatDateTime } from "@/lib/render/format";
import { deskStoryPath } from "@/lib/paths";

/**
 * The banner over a story previewed from the desk or through a shared link:
 * what the story is (not public) and, for a link, until when it works.
 */
export function PreviewNotice({ article, timeZone, until, fromDesk }: { article: Article; timeZone: string; until?: Date; fromDesk?: boolean }) {
  const state =
    article.status === "draft"
      ? "Draft: readers cannot see this story."
      : article.status === "retracted"
        ? "Retracted: readers get its retraction note."
        : `Scheduled: goes public on ${formatDateTime(article.publishedAt, timeZone)}.`;
  return (
    <div role="region" aria-label="Preview" className="no-print sticky top-0 z-40 border-b-4 border-yellow-500 bg-yellow-300 text-black">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-1 px-4 py-2 text-sm">
        <p>
          <strong className="tracking-wide uppercase">Preview — not published</strong> <span>{state}</span>
          {until ? (
            <span>
              {" "}
              This link works until <time dateTime={until.toISOString()}>{formatDateTime(until, timeZone)}</time>.
            </span>
          ) : null}
        </p>
        {fromDesk ? (
          <a href={deskStoryPath(article.slug)} className="font-semibold underline">
            Back to the desk
          </a>
        ) : null}
      </div>
    </div>
  );
}
