import { PreviewFrame, previewState } from "@/components/preview-banner";
import type { Article } from "@/lib/content";
import { formatDateTime } from "@/lib/render/format";
import { deskStoryPath } from "@/lib/paths";

/**
 * The banner over a story previewed from the desk or through a shared link:
 * what the story is (not public) and, for a link, until when it works.
 */
export function PreviewNotice({ article, timeZone, until, fromDesk }: { article: Article; timeZone: string; until?: Date; fromDesk?: boolean }) {
  return (
    <PreviewFrame
      title="Preview — not published"
      action={
        fromDesk ? (
          <a href={deskStoryPath(article.slug)} className="preview-band-action">
            Back to the desk
          </a>
        ) : null
      }
    >
      <span>{previewState(article, false, timeZone)}</span>
      {until ? (
        <span>
          {" "}
          This link works until <time dateTime={until.toISOString()}>{formatDateTime(until, timeZone)}</time>.
        </span>
      ) : null}
    </PreviewFrame>
  );
}
