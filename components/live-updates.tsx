import type { Article, LiveUpdate } from "@/lib/content";
import { formatDateTime } from "@/lib/render/format";
import { renderMarkdown } from "@/lib/render/markdown";
import { liveFeedPath, updatePath } from "@/lib/paths";

/*
 * A live story's updates and its key events. The update markup uses the plain
 * class names styled in components/article-view.css: public/live-updates.js builds the same
 * elements for updates that arrive while the page is open, and must match.
 */

/** The key updates as links to their anchors, at the top of the story; nothing when there are none. */
export function KeyEvents({ article, updates, timeZone }: { article: Article; updates: LiveUpdate[]; timeZone: string }) {
  const keys = updates.filter((u) => u.key);
  if (!keys.length) return null;
  return (
    <nav aria-labelledby="key-events" className="mx-auto mt-8 max-w-3xl px-4">
      <div className="border-l-4 border-accent pl-4">
        <h2 id="key-events" className="font-serif text-xl font-bold">
          Key events
        </h2>
        <ol className="mt-2 space-y-2" data-key-events="">
          {keys.map((u) => (
            <li key={u.id}>
              <a href={updatePath(article.path, u.id)} className="live-key-event">
                <time dateTime={u.time.toISOString()}>{formatDateTime(u.time, timeZone)}</time>: {u.title}
              </a>
            </li>
          ))}
        </ol>
      </div>
    </nav>
  );
}

/**
 * The updates, newest first, each with its anchor, its time in the site's time
 * zone and a permalink. `live`: the coverage runs and the story is public, so
 * the list names the feed public/live-updates.js polls (loaded here). In
 * preview `updates` may hold scheduled ones, marked as such.
 */
export function LiveUpdates({
  article,
  updates,
  timeZone,
  origin,
  live,
  now,
}: {
  article: Article;
  updates: LiveUpdate[];
  timeZone: string;
  origin: string;
  live: boolean;
  now: Date;
}) {
  const end = article.live?.end;
  return (
    <section aria-labelledby="live-updates" className="mx-auto mt-10 max-w-3xl px-4">
      <h2 id="live-updates" className="border-t-2 border-ink pt-3 font-serif text-2xl font-bold">
        Live updates
      </h2>
      {end && end <= now ? (
        <p className="mt-2 text-sm text-muted">
          Coverage ended <time dateTime={end.toISOString()}>{formatDateTime(end, timeZone)}</time>.
        </p>
      ) : null}
      {updates.length ? null : (
        <p className="mt-3 text-muted" data-live-empty="">
          No updates yet.
        </p>
      )}
      <ol
        className="live-updates"
        {...(live
          ? { "data-live-feed": liveFeedPath(article.path), "data-time-zone": timeZone, ...(end ? { "data-live-end": end.toISOString() } : {}) }
          : {})}
      >
        {updates.map((u) => (
          <li key={u.id} className="live-update">
            <article id={u.id} aria-labelledby={`${u.id}-title`}>
              <p className="live-update-meta">
                <time dateTime={u.time.toISOString()}>{formatDateTime(u.time, timeZone)}</time>
                {u.key ? (
                  <>
                    {" · "}
                    <strong>Key event</strong>
                  </>
                ) : null}
                {u.time > now ? <> · Scheduled: not public until then</> : null}
              </p>
              <h3 id={`${u.id}-title`} className="live-update-title">
                {u.title}
              </h3>
              <div className="live-update-body prose-article" dangerouslySetInnerHTML={{ __html: renderMarkdown(u.body, origin) }} />
              <p className="live-update-link">
                <a href={updatePath(article.path, u.id)}>
                  Link to this update<span className="sr-only"> ({u.title})</span>
                </a>
              </p>
            </article>
          </li>
        ))}
      </ol>
      {live ? <script src="/live-updates.js" defer /> : null}
    </section>
  );
}
