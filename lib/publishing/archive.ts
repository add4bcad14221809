import { derived, getCorpus, isPublic, type Article, type Corpus } from "../content";
import { archivePath } from "../paths";
import { dateFormat } from "../render/format";
import { paginate, type Page } from "./pagination";

/*
 * The date archive: /archive, /archive/<yyyy>, /archive/<yyyy>/<mm>,
 * /archive/<yyyy>/<mm>/<dd> (and /page/<n> of a day), in the newsroom's time
 * zone. A page costs its own items: the corpus is newest first, so each day,
 * month and year is a range of it, found by binary search on publication time.
 *
 * What is built once per version of the corpus costs the months, not the
 * archive: one count of the public stories before each position (a walk
 * without any time-zone lookup), then each month that has stories, found from
 * its newest story and the first instant of that month (three zone lookups a
 * month). A month's days are found when one of its pages is asked for. Counts
 * are of public stories (isPublic); only the scheduled stories at the head of
 * the list are looked at again on a request.
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
  /** Position in its list, newest first: all years, all months, or the days of its month. */
  index: number;
};

export type ArchiveIndex<A extends Dated = Article> = {
  articles: A[];
  timeZone: string;
  years: Period[];
  months: Period[];
  /** Every day of the archive, newest first: all months' days, found on first use (tests and tools; pages ask for one month's). */
  readonly days: Period[];
  /** The days of a month, newest first, found on first use. */
  daysOf(month: Period): Period[];
  /** The year, month or day of a key ("2025", "2025-05", "2025-05-08"), if it has stories. */
  period(key: string): Period | undefined;
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
 * The local day of `t` and its first instant (ms). When the zone's offset is
 * the same at `t` and just before that day's midnight, no clock change lies
 * between them; otherwise the first instant is searched for.
 */
function dayOf(t: number, timeZone: string): { key: string; start: number } {
  const offset = offsetAt(t, timeZone);
  const wall = t + offset;
  const key = isoDay(wall);
  const midnight = wall - (((wall % DAY) + DAY) % DAY) - offset;
  if (offsetAt(midnight - 1, timeZone) === offset) return { key, start: midnight };
  let lo = midnight - DAY;
  let hi = t;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayKey(mid, timeZone) >= key) hi = mid;
    else lo = mid + 1;
  }
  return { key: dayKey(t, timeZone), start: lo };
}

/** The first position from `from` on whose story is older than `before` (ms), in the newest-first list. */
function firstOlder(articles: Dated[], before: number, from = 0, to = articles.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (articles[mid]!.publishedAt.getTime() < before) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first instant of the local calendar month `key` ("2025-05"). */
function monthStart(key: string, timeZone: string): number {
  const [y, m] = key.split("-").map(Number) as [number, number];
  const noonUtc = Date.UTC(y, m - 1, 1, 12);
  // Local noon of the 1st (no zone is 12 hours from its offset at UTC noon), then the start of that day.
  return dayOf(noonUtc - offsetAt(noonUtc, timeZone), timeZone).start;
}

/**
 * Years and months of `articles` (newest first by publishedAt), each a range of
 * that list; days per month on first use. Costs one walk of the list for the
 * counts and a few zone lookups per month.
 */
export function buildArchiveIndex<A extends Dated>(articles: A[], timeZone: string): ArchiveIndex<A> {
  // before[i]: stories in [0, i) that are public once their time has come.
  const before = new Int32Array(articles.length + 1);
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i]!;
    before[i + 1] = before[i]! + (isPublic(a, a.publishedAt) ? 1 : 0);
  }
  const range = (level: PeriodLevel, key: string, start: number, end: number, index: number): Period => ({
    level,
    key,
    start,
    end,
    published: before[end]! - before[start]!,
    index,
  });
  const months: Period[] = [];
  for (let i = 0; i < articles.length; ) {
    const key = dayKey(articles[i]!.publishedAt, timeZone).slice(0, 7);
    const end = firstOlder(articles, monthStart(key, timeZone), i);
    months.push(range("month", key, i, end, months.length));
    i = end;
  }
  const years = group(months, "year", 4);
  const byKey = new Map<string, Period>([...years, ...months].map((p) => [p.key, p]));
  const daysByMonth = new Map<string, Period[]>();
  const daysOf = (month: Period): Period[] => {
    let days = daysByMonth.get(month.key);
    if (days) return days;
    days = [];
    for (let i = month.start; i < month.end; ) {
      const day = dayOf(articles[i]!.publishedAt.getTime(), timeZone);
      const end = firstOlder(articles, day.start, i, month.end);
      days.push(range("day", day.key, i, end, days.length));
      i = end;
    }
    daysByMonth.set(month.key, days);
    return days;
  };
  return {
    articles,
    timeZone,
    years,
    months,
    get days() {
      return months.flatMap(daysOf);
    },
    daysOf,
    period(key) {
      if (key.length <= 7) return byKey.get(key);
      const month = byKey.get(key.slice(0, 7));
      return month && daysOf(month).find((d) => d.key === key);
    },
  };
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
  if (level === "day" && parent?.level === "month") return index.daysOf(parent);
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
  const find = (step: 1 | -1) => {
    for (const candidate of walk(index, period, step)) if (publicCount(index, candidate, now) > 0) return candidate;
    return undefined;
  };
  return { older: find(1), newer: find(-1) };
}

/** The periods of the same level after `period` (step 1: older) or before it (-1), nearest first; days across months. */
function* walk<A extends Dated>(index: ArchiveIndex<A>, period: Period, step: 1 | -1): Generator<Period> {
  if (period.level !== "day") {
    const list = index[`${period.level}s`];
    for (let i = period.index + step; i >= 0 && i < list.length; i += step) yield list[i]!;
    return;
  }
  const month = index.period(period.key.slice(0, 7))!;
  let days = index.daysOf(month);
  for (let i = period.index + step; i >= 0 && i < days.length; i += step) yield days[i]!;
  for (let m = month.index + step; m >= 0 && m < index.months.length; m += step) {
    days = index.daysOf(index.months[m]!);
    for (let i = step === 1 ? 0 : days.length - 1; i >= 0 && i < days.length; i += step) yield days[i]!;
  }
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
  const period = index.period(segments.join("-"));
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
  return dateFormat("en-GB", { ...NAMES[style][period.level], timeZone: "UTC" }).format(Date.UTC(y, m - 1, d));
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
