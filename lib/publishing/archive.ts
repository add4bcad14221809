import { derived, getCorpus, isPublic, type Article, type Corpus } from "../content";
import { archivePath } from "../paths";
import { paginate, type Page } from "./pagination";

/*
 * The date archive: /archive, /archive/<yyyy>, /archive/<yyyy>/<mm>,
 * /archive/<yyyy>/<mm>/<dd> (and /page/<n> of a day), in the newsroom's time
 * zone. A page costs its own items: the corpus is newest first, so each day,
 * month and year is a range of it, found once per corpus object (one walk
 * with one time-zone lookup per day, not per story) and kept per version of the corpus.
 * Counts are of public stories (isPublic); only the scheduled stories at
 * the head of the list are looked at again on a request.
 *
 * Why every story is within 4 clicks of the front page: the footer links
 * /archive, which links every month; a month links each of its days and,
 * for a day longer than a page, each of that day's pages; those list the
 * stories (docs/architecture.md, e2e/archive.spec.ts).
 */

type Dated = { status: string; publishedAt: Date };

export type PeriodLevel = "year" | "month" | "day";

/** A year, month or day of the archive: the range [start, end) of the newest-first article list. */
export type Period = {
  level: PeriodLevel;
  /** "2025", "2025-05" or "2025-05-08". */
  key: string;
  start: number;
  end: number;
  /** Stories in the range that are public once their time has come (drafts and retractions never count). */
  published: number;
  /** Position in its level's list, newest first. */
  index: number;
};

export type ArchiveIndex<A extends Dated = Article> = {
  articles: A[];
  timeZone: string;
  years: Period[];
  months: Period[];
  days: Period[];
  byKey: Map<string, Period>;
};

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at `t`, in ms. */
function offsetAt(t: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    // format() and a pattern: formatToParts costs four times as much, and this runs once per day of the archive.
    format = new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", timeZoneName: "shortOffset" });
    offsetFormats.set(timeZone, format);
  }
  const m = /GMT(?:([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?)?$/.exec(format.format(t));
  if (!m) throw new Error(`Cannot read the UTC offset of ${timeZone}`);
  const ms = ((Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === "-" ? -ms : ms;
}

/**
 * The calendar day of `date` in `timeZone`, as the archive's key.
 *
 * @example
 * dayKey(new Date("2025-05-08T23:30:00Z"), "UTC")           // "2025-05-08"
 * dayKey(new Date("2025-05-08T23:30:00Z"), "Europe/Berlin") // "2025-05-09"
 */
export function dayKey(date: Date | number, timeZone: string): string {
  const t = typeof date === "number" ? date : date.getTime();
  return new Date(t + offsetAt(t, timeZone)).toISOString().slice(0, 10);
}

const DAY = 86_400_000;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The local day of `t`, its first instant (ms), and the offset just before
 * that instant (the end of the day before). Given the offset at the end of
 * the day before the one it came from (`after`), a walk back through a
 * dense archive asks the zone once per day: a day holds at most one clock
 * change, so equal offsets at both its ends mean none. A day with a change
 * is searched for its first instant.
 */
function dayOf(t: number, timeZone: string, after?: { key: string; offset: number }): { key: string; start: number; offsetBefore: number } {
  const guess = after && isoDay(t + after.offset) === after.key ? after.offset : offsetAt(t, timeZone);
  const wall = t + guess;
  const key = isoDay(wall);
  const midnight = wall - (((wall % DAY) + DAY) % DAY) - guess;
  const before = offsetAt(midnight - 1, timeZone);
  if (before === guess) return { key, start: midnight, offsetBefore: before };
  let lo = midnight - DAY;
  let hi = t;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayKey(mid, timeZone) >= key) hi = mid;
    else lo = mid + 1;
  }
  return { key: dayKey(t, timeZone), start: lo, offsetBefore: offsetAt(lo - 1, timeZone) };
}

/**
 * Years, months and days of `articles` (newest first by publishedAt), each a
 * range of that list. One walk; the zone is asked about each new day only.
 */
export function buildArchiveIndex<A extends Dated>(articles: A[], timeZone: string): ArchiveIndex<A> {
  const days: Period[] = [];
  let current: Period | undefined;
  let currentStart = Infinity;
  let offsetBefore = 0;
  articles.forEach((article, i) => {
    const t = article.publishedAt.getTime();
    if (!current || t < currentStart) {
      const after = current ? { key: isoDay(Date.parse(current.key) - DAY), offset: offsetBefore } : undefined;
      if (current) current.end = i;
      const day = dayOf(t, timeZone, after);
      current = { level: "day", key: day.key, start: i, end: articles.length, published: 0, index: days.length };
      currentStart = day.start;
      offsetBefore = day.offsetBefore;
      days.push(current);
    }
    // Public once its time has come: the one visibility rule, asked at the story's own time.
    if (isPublic(article, article.publishedAt)) current.published++;
  });
  const months = group(days, "month", 7);
  const years = group(months, "year", 4);
  const byKey = new Map<string, Period>([...years, ...months, ...days].map((p) => [p.key, p]));
  return { articles, timeZone, years, months, days, byKey };
}

function group(periods: Period[], level: PeriodLevel, keyLength: number): Period[] {
  const out: Period[] = [];
  for (const p of periods) {
    const key = p.key.slice(0, keyLength);
    const last = out.at(-1);
    if (last?.key === key) {
      last.end = p.end;
      last.published += p.published;
    } else {
      out.push({ level, key, start: p.start, end: p.end, published: p.published, index: out.length });
    }
  }
  return out;
}

/** The first position in the newest-first list whose story is not in the future at `now`. */
function firstPast(articles: Dated[], now: Date): number {
  let lo = 0;
  let hi = articles.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (articles[mid]!.publishedAt.getTime() <= now.getTime()) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Public stories in a period at `now`: its count, less the scheduled stories
 * not yet due, which sit at the head of the list (a walk of those only).
 */
export function publicCount<A extends Dated>(index: ArchiveIndex<A>, period: Period, now: Date): number {
  const cut = Math.min(period.end, firstPast(index.articles, now));
  let due = period.published;
  for (let i = period.start; i < cut; i++) {
    const a = index.articles[i]!;
    if (isPublic(a, a.publishedAt) && !isPublic(a, now)) due--;
  }
  return due;
}

/** The public stories of a period, newest first: a walk of its range only. */
export function periodStories<A extends Dated>(index: ArchiveIndex<A>, period: Period, now: Date): A[] {
  return index.articles.slice(period.start, period.end).filter((a) => isPublic(a, now));
}

/** The periods of `level` inside `parent` (all of them without a parent), newest first. */
export function childPeriods<A extends Dated>(index: ArchiveIndex<A>, level: PeriodLevel, parent?: Period): Period[] {
  const list = index[`${level}s`];
  if (!parent) return list;
  // Children are contiguous and newest first; the first one starts where the parent does.
  const first = binarySearch(list, (p) => p.start >= parent.start);
  const out: Period[] = [];
  for (let i = first; i < list.length && list[i]!.start < parent.end; i++) out.push(list[i]!);
  return out;
}

function binarySearch<T>(list: T[], atOrAfter: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (atOrAfter(list[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The nearest older and newer periods of the same level that have public stories at `now`. */
export function adjacentPeriods<A extends Dated>(
  index: ArchiveIndex<A>,
  period: Period,
  now: Date,
): { older: Period | undefined; newer: Period | undefined } {
  const list = index[`${period.level}s`];
  const find = (step: 1 | -1) => {
    for (let i = period.index + step; i >= 0 && i < list.length; i += step) {
      if (publicCount(index, list[i]!, now) > 0) return list[i];
    }
    return undefined;
  };
  return { older: find(1), newer: find(-1) };
}

/** The archive of the live corpus, built once per version of it (a publish changes the corpus in place). */
export function getArchiveIndex(corpus: Corpus = getCorpus()): ArchiveIndex {
  return derived(corpus, "archiveIndex", () => buildArchiveIndex(corpus.articles, corpus.site.timeZone));
}

/**
 * The period a URL names, when it has public stories at `now`; anything else
 * (a malformed or impossible date, a day without public stories) is undefined.
 *
 * @example
 * findPeriod(index, ["2025", "05", "08"], now) // the day 2025-05-08
 * findPeriod(index, ["2025", "5"], now)        // undefined: months are two digits
 */
export function findPeriod<A extends Dated>(index: ArchiveIndex<A>, segments: string[], now: Date): Period | undefined {
  const [year, month, day] = segments;
  if (!year || !/^\d{4}$/.test(year) || segments.length > 3) return undefined;
  if (month !== undefined && !/^(0[1-9]|1[0-2])$/.test(month)) return undefined;
  if (day !== undefined && !/^(0[1-9]|[12]\d|3[01])$/.test(day)) return undefined;
  const period = index.byKey.get(segments.join("-"));
  return period && publicCount(index, period, now) > 0 ? period : undefined;
}

const NAMES = {
  long: { year: { year: "numeric" }, month: { month: "long", year: "numeric" }, day: { weekday: "long", day: "numeric", month: "long", year: "numeric" } },
  short: { year: { year: "numeric" }, month: { month: "long" }, day: { weekday: "long", day: "numeric" } },
} as const satisfies Record<string, Record<PeriodLevel, Intl.DateTimeFormatOptions>>;

/**
 * A period as readers read it; `short` leaves out what its parent's page already says.
 *
 * @example
 * periodName({ level: "day", key: "2025-05-08" })            // "Thursday, 8 May 2025"
 * periodName({ level: "day", key: "2025-05-08" }, "short")   // "Thursday 8"
 * periodName({ level: "month", key: "2025-05" }, "short")    // "May"
 */
export function periodName(period: Pick<Period, "level" | "key">, style: "long" | "short" = "long"): string {
  const [y, m = 1, d = 1] = period.key.split("-").map(Number) as [number, number?, number?];
  // The key is already the newsroom's calendar date: format it as a UTC date so no zone moves it.
  return new Intl.DateTimeFormat("en-GB", { ...NAMES[style][period.level], timeZone: "UTC" }).format(Date.UTC(y, m - 1, d));
}

/** The URL segments of a period's key. */
export const periodSegments = (period: Period): string[] => period.key.split("-");

/** The path of a period's page (page 1). */
export const periodPath = (period: Period): string => archivePath(...periodSegments(period));

/**
 * The archive page of the day a story was published on, in the site's zone.
 *
 * @example
 * storyDayPath(new Date("2025-05-08T12:00:00Z"), "UTC") // "/archive/2025/05/08"
 */
export function storyDayPath(publishedAt: Date, timeZone: string): string {
  return archivePath(...dayKey(publishedAt, timeZone).split("-"));
}

export type PeriodSummary = { period: Period; count: number; path: string; pages: number };

/** A period's children with public stories at `now`, each with its count, path and page count. */
export function periodChildren<A extends Dated>(index: ArchiveIndex<A>, level: PeriodLevel, parent: Period | undefined, now: Date, pageSize: number): PeriodSummary[] {
  return childPeriods(index, level, parent)
    .map((period) => {
      const count = publicCount(index, period, now);
      return { period, count, path: periodPath(period), pages: Math.ceil(count / pageSize) };
    })
    .filter((s) => s.count > 0);
}

/** Page `page` of a day's public stories, or undefined past the end. */
export function dayPage<A extends Dated>(index: ArchiveIndex<A>, day: Period, page: number, now: Date, pageSize: number): Page<A> | undefined {
  return paginate(periodStories(index, day, now), page, pageSize, periodPath(day));
}
