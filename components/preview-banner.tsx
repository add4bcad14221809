import type { Article } from "@/lib/content";
import { formatDateTime } from "@/lib/render/format";
import { previewExitPath } from "@/lib/paths";

/** Unmistakable in preview: what the editor sees is not (yet) what readers see. */
export function PreviewBanner({ article, isPublic, timeZone }: { article: Article; isPublic: boolean; timeZone: string }) {
  const state = isPublic
    ? "This story is public; you are viewing it in preview mode."
    : article.status === "draft"
      ? "Draft: readers cannot see this story."
      : `Scheduled: goes public on ${formatDateTime(article.publishedAt, timeZone)}.`;
  return (
    <div role="region" aria-label="Preview" className="no-print sticky top-0 z-40 border-b-4 border-yellow-500 bg-yellow-300 text-black">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-1 px-4 py-2 text-sm">
        <p>
          <strong className="tracking-wide uppercase">{isPublic ? "Preview mode" : "Preview — not published"}</strong>{" "}
          <span>{state}</span>
        </p>
        <a href={previewExitPath(article.slug)} className="font-semibold underline">
          Exit preview
        </a>
      </div>
    </div>
  );
}
