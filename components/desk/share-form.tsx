import { LINK_LIFETIMES } from "@/lib/desk/share-links";
import { DESK_SHARE_PATH } from "@/lib/paths";
import { formatDateTime } from "@/lib/render/format";

/**
 * Making a preview link for a story that is not public: how long it lives,
 * and the link made last (shown once it is made).
 */
export function ShareForm({
  slug,
  csrf,
  enabled,
  made,
  timeZone,
}: {
  slug: string;
  csrf: string;
  /** False when PREVIEW_LINK_KEY is unset. */
  enabled: boolean;
  made?: { url: string; expires: Date };
  timeZone: string;
}) {
  if (!enabled) {
    return <p className="border-l-4 border-accent pl-3">Sharing is switched off on this server: PREVIEW_LINK_KEY is not set.</p>;
  }
  return (
    <>
      {made ? (
        <div role="status" className="mb-5 rounded border border-rule p-4">
          <p className="font-semibold">
            Preview link, valid until <time dateTime={made.expires.toISOString()}>{formatDateTime(made.expires, timeZone)}</time>:
          </p>
          <p className="mt-2 font-mono text-sm break-all">
            <a href={made.url} className="text-accent-ink underline">
              {made.url}
            </a>
          </p>
          <p className="mt-2 text-sm text-muted">Whoever has it sees this story, and only this story, until then. Rotating PREVIEW_LINK_KEY revokes it.</p>
        </div>
      ) : null}
      <form action={DESK_SHARE_PATH} method="post" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="slug" value={slug} />
        <div>
          <label htmlFor="share-hours" className="block text-sm font-semibold">
            Valid for
          </label>
          <select id="share-hours" name="hours" defaultValue="24" className="mt-1 rounded border border-muted bg-paper px-3 py-2 text-ink">
            {LINK_LIFETIMES.map((l) => (
              <option key={l.hours} value={l.hours}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-ink bg-ink px-4 py-2 font-semibold text-paper hover:bg-accent-ink">
          Make a preview link
        </button>
      </form>
    </>
  );
}
