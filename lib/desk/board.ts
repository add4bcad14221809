import { derived, isPublic, modifiedAt, type Article, type Corpus } from "../content";

/*
 * The desk's four lists. The corpus is split by status once (per corpus: a
 * reload makes a new one); what depends on the time (scheduled or out, the last
 * 48 hours) is read from the published stories, which are newest first, and
 * each list is cut to `limit` stories with its full count beside it, so a
 * 10,000-story desk renders what an editor reads, not the archive.
 */

export const RECENT_HOURS = 48;
export const LIST_LIMIT = 50;

export type DeskList = { stories: Article[]; total: number };
export type DeskBoard = { drafts: DeskList; scheduled: DeskList; recent: DeskList; retracted: DeskList };

type ByStatus = { drafts: Article[]; published: Article[]; retracted: Article[] };

const newestChangeFirst = (a: Article, b: Article) => modifiedAt(b).getTime() - modifiedAt(a).getTime();

/** The corpus's lists per status (kept by the store), drafts and retractions latest change first, once per version. */
function byStatus(corpus: Pick<Corpus, "articles" | "byStatus" | "version">): ByStatus {
  return derived(corpus, "deskByStatus", () => ({
    drafts: [...(corpus.byStatus.get("draft") ?? [])].sort(newestChangeFirst),
    published: corpus.byStatus.get("published") ?? [],
    retracted: [...(corpus.byStatus.get("retracted") ?? [])].sort(newestChangeFirst),
  }));
}

const cut = (stories: Article[], limit: number): DeskList => ({ stories: stories.slice(0, limit), total: stories.length });

/**
 * Drafts and retracted stories (latest change first), scheduled stories (soonest
 * first) and stories out in the last 48 hours (newest first), at most `limit` each.
 * Costs the drafts and retractions once per version, then the lists' first stories.
 */
export function deskBoard(corpus: Pick<Corpus, "articles" | "byStatus" | "version">, now: Date, limit = LIST_LIMIT): DeskBoard {
  const { drafts, published, retracted } = byStatus(corpus);
  const since = now.getTime() - RECENT_HOURS * 3600_000;
  const scheduled: Article[] = [];
  const recent: Article[] = [];
  for (const a of published) {
    const t = a.publishedAt.getTime();
    if (!isPublic(a, now)) scheduled.push(a);
    else if (t > since) recent.push(a);
    else break; // newest first: the rest are older
  }
  scheduled.reverse();
  return { drafts: cut(drafts, limit), scheduled: cut(scheduled, limit), recent: cut(recent, limit), retracted: cut(retracted, limit) };
}

/** Where a story stands, as the desk says it. */
export function storyState(article: Article, now: Date): "draft" | "scheduled" | "published" | "retracted" {
  if (article.status === "draft" || article.status === "retracted") return article.status;
  return isPublic(article, now) ? "published" : "scheduled";
}

/**
 * How long until `when`, in the largest two units.
 *
 * @example
 * timeUntil(new Date("2025-01-02T03:30:00Z"), new Date("2025-01-01T00:00:00Z")) // "in 1 day 3 hours"
 * timeUntil(new Date("2025-01-01T00:20:00Z"), new Date("2025-01-01T00:00:00Z")) // "in 20 minutes"
 */
export function timeUntil(when: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((when.getTime() - now.getTime()) / 60_000));
  if (minutes < 1) return "in less than a minute";
  const units: [number, string][] = [
    [Math.floor(minutes / 1440), "day"],
    [Math.floor((minutes % 1440) / 60), "hour"],
    [minutes % 60, "minute"],
  ];
  const first = units.findIndex(([n]) => n > 0);
  const shown = units.slice(first, first + 2).filter(([n]) => n > 0);
  return `in ${shown.map(([n, unit]) => `${n} ${unit}${n === 1 ? "" : "s"}`).join(" ")}`;
}
