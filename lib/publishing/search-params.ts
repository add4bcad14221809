import type { SearchFilters } from "../paths";
import { dateFormat } from "../render/format";
import { normalizeQuery } from "./search";

/*
 * The search page's address, read once: what the reader asked for, in the
 * shapes the index wants, and a note for each part that could not be used. A
 * bad parameter never fails the page: it is left out, and the page says so.
 */

type Raw = Record<string, string | string[] | undefined>;

export type SearchRequest = {
  q: string;
  /** As they go back into links and the form: only what was valid. */
  filters: SearchFilters;
  sort: "relevance" | "newest";
  section: string | undefined;
  /** Start of the first day asked for, in the site's time zone (ms since the epoch). */
  from: number | undefined;
  /** Start of the day after the last day asked for (exclusive). */
  to: number | undefined;
  page: number;
  /** What was ignored, for the reader. */
  notes: string[];
};

const first = (value: string | string[] | undefined) => ((Array.isArray(value) ? value[0] : value) ?? "").trim();

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds between UTC and `timeZone`'s wall clock at `at`. */
function zoneOffset(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    dateFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  );
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - at;
}

/**
 * The instant a calendar day (YYYY-MM-DD) begins in `timeZone`, `days` later;
 * undefined for anything that is not a real date.
 *
 * @example
 * dayStart("2025-05-08", "UTC")    // Date.parse("2025-05-08T00:00:00Z")
 * dayStart("2025-05-08", "UTC", 1) // Date.parse("2025-05-09T00:00:00Z")
 */
export function dayStart(value: string, timeZone: string, days = 0): number | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || y < 1000) return undefined;
  const local = utc + days * 86_400_000;
  // The offset at the guess, then at the result: right across a daylight-saving change.
  const guess = local - zoneOffset(local, timeZone);
  return local - zoneOffset(guess, timeZone);
}

/** Reads the search page's parameters against the sections that exist and the site's time zone. */
export function parseSearchRequest(params: Raw, sections: { slug: string; name: string }[], timeZone: string): SearchRequest {
  const notes: string[] = [];
  const filters: SearchFilters = {};
  const q = normalizeQuery(params.q);

  const sortParam = first(params.sort);
  let sort: SearchRequest["sort"] = "relevance";
  if (sortParam === "newest") sort = filters.sort = "newest";
  else if (sortParam && sortParam !== "relevance") notes.push("The order asked for is not one we offer; results are sorted by relevance.");

  const sectionParam = first(params.section);
  let section: string | undefined;
  if (sections.some((s) => s.slug === sectionParam)) section = filters.section = sectionParam;
  else if (sectionParam) notes.push("There is no such section; results come from every section.");

  let fromParam = first(params.from);
  let toParam = first(params.to);
  let from = fromParam ? dayStart(fromParam, timeZone) : undefined;
  let to = toParam ? dayStart(toParam, timeZone, 1) : undefined;
  if (fromParam && from === undefined) {
    notes.push("The start date is not a date (YYYY-MM-DD); it was left out.");
    fromParam = "";
  }
  if (toParam && to === undefined) {
    notes.push("The end date is not a date (YYYY-MM-DD); it was left out.");
    toParam = "";
  }
  if (from !== undefined && to !== undefined && from >= to) {
    notes.push("The dates were the wrong way round; they have been swapped.");
    [fromParam, toParam] = [toParam, fromParam];
    [from, to] = [dayStart(fromParam, timeZone), dayStart(toParam, timeZone, 1)];
  }
  if (fromParam) filters.from = fromParam;
  if (toParam) filters.to = toParam;

  const pageParam = first(params.page);
  const page = /^[1-9]\d{0,4}$/.test(pageParam) ? Number(pageParam) : 1;
  if (pageParam && pageParam !== "1" && page === 1) notes.push("The page number is not a number we know; this is the first page.");

  return { q, filters, sort, section, from, to, page, notes };
}
