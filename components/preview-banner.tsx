import type { ReactNode } from "react";
import type { Article } from "@/lib/content";
import { formatDateTime } from "@/lib/render/format";
import { previewExitPath } from "@/lib/paths";

/** What a story previewed is to readers right now, in one sentence. */
export function previewState(article: Article, isPublic: boolean, timeZone: string): string {
  if (isPublic) return "This story is public; you are viewing it in preview mode.";
  if (article.status === "draft") return "Draft: readers cannot see this story.";
  if (article.status === "retracted") return "Retracted: readers get its retraction note.";
  return `Scheduled: goes public on ${formatDateTime(article.publishedAt, timeZone)}.`;
}

/**
 * The stylesheet of the band, linked by the band itself (React puts the link in the head, once): only
 * a page with a preview loads it, and its rules stay out of the readers' stylesheet.
 */
export const PREVIEW_BAND_STYLESHEET = "/preview-band.css";

/** The sticky band every preview wears (Draft Mode, the desk, a shared link): a title, what it says, a way out. */
export function PreviewFrame({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div role="region" aria-label="Preview" className="preview-band">
      <link rel="stylesheet" href={PREVIEW_BAND_STYLESHEET} precedence="preview" />
      <div className="preview-band-inner">
        <p>
          <strong className="preview-band-title">{title}</strong> {children}
        </p>
        {action}
      </div>
    </div>
  );
}

/** Unmistakable in preview: what the editor sees is not (yet) what readers see. */
export function PreviewBanner({ article, isPublic, timeZone }: { article: Article; isPublic: boolean; timeZone: string }) {
  return (
    <PreviewFrame
      title={isPublic ? "Preview mode" : "Preview — not published"}
      action={
        <a href={previewExitPath(article.slug)} className="preview-band-action">
          Exit preview
        </a>
      }
    >
      <span>{previewState(article, isPublic, timeZone)}</span>
    </PreviewFrame>
  );
}
