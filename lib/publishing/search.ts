import { type Article, type SearchQuery, getCorpus, isPublic, searchDatabase, searchDocs } from "../content";

/*
 * Search as the pages ask for it: the reader's query made safe, a page of
 * public stories from the archive's index (search-index.ts, SQLite FTS5), and
 * highlighting and snippets of the matched words. The database comes from one
 * function, searchDatabase(); every hit is checked again against the loaded
 * stories with isPublic before a page shows it.
 */

import { plainText } from "../content";

export { plainText };

export const MAX_QUERY_LENGTH = 200;
const MAX_QUERY_TERMS = 12;

/**
 * A query as a reader typed it, made safe to search: whitespace folded, at
 * most MAX_QUERY_LENGTH characters and MAX_QUERY_TERMS words.
 *
 * @example
 * normalizeQuery("  power   of\nsiberia ") // "power of siberia"
 */
export function normalizeQuery(raw: string | string[] | undefined): string {
  const text = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  return text
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .split(" ")
    .slice(0, MAX_QUERY_TERMS)
    .join(" ")
    .trim();
}

export type SearchHit = { article: Article; terms: string[]; score: number };

export type SearchResults = { hits: SearchHit[]; total: number };

/**
 * A page of the public stories matching the query: every word (or, failing
 * that, any word), best first or newest first, narrowed to a section and a
 * time range when asked.
 */
export function searchArticles(query: Omit<SearchQuery, "now">, now: Date): SearchResults {
  const q = normalizeQuery(query.q);
  if (!q) return { hits: [], total: 0 };
  const page = searchDocs(searchDatabase(), { ...query, q, now: now.getTime() });
  const { bySlug } = getCorpus();
  const hits: SearchHit[] = [];
  for (const hit of page.hits) {
    const article = bySlug.get(hit.slug);
    // The index only holds public stories (scheduled ones filtered by time); this is the second lock.
    if (article && isPublic(article, now)) hits.push({ article, terms: hit.terms, score: hit.score });
  }
  return { hits, total: page.total };
}

/** Opens (or fills) the search database now, not on a reader's first search. */
export function prepareSearch(): void {
  searchDatabase();
}

export type Fragment = { text: string; match: boolean };

function termPattern(terms: string[]): RegExp | undefined {
  const words = [...new Set(terms.map((t) => t.trim()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (!words.length) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join("|")})(?![\\p{L}\\p{N}])`, "giu");
}

/**
 * Splits text into plain and matched fragments, for highlighting.
 *
 * @example
 * highlight("Power of Siberia", ["siberia"]) // [{text:"Power of ",match:false},{text:"Siberia",match:true}]
 */
export function highlight(text: string, terms: string[]): Fragment[] {
  const pattern = termPattern(terms);
  if (!pattern) return text ? [{ text, match: false }] : [];
  const out: Fragment[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const start = m.index ?? 0;
    if (start > last) out.push({ text: text.slice(last, start), match: false });
    out.push({ text: m[0], match: true });
    last = start + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return out;
}

/**
 * The words a reader sees of the first block of a Markdown body (a paragraph,
 * heading, list or quote: text between blank lines) in which one of `terms`
 * matches, or undefined when none does. Only that block is parsed: a search
 * page shows a passage for each of its hits, and parsing whole bodies for them
 * held the server's event loop (docs/performance.md).
 *
 * @example
 * matchedPassage("Intro.\n\nThe **pipeline** opens [today](https://x.example).", ["pipeline"]) // "The pipeline opens today."
 */
export function matchedPassage(markdown: string, terms: string[]): string | undefined {
  const pattern = termPattern(terms);
  if (!pattern) return undefined;
  for (const block of markdown.split(/\n[ \t]*\n/)) {
    pattern.lastIndex = 0;
    if (!pattern.test(block)) continue;
    const text = plainText(block);
    pattern.lastIndex = 0;
    if (pattern.test(text)) return text;
  }
  return undefined;
}

/**
 * About `length` characters of `text` around the first matched term, cut at
 * word boundaries, with ellipses where text was left out.
 */
export function snippet(text: string, terms: string[], length = 220): string {
  const pattern = termPattern(terms);
  const at = pattern ? (pattern.exec(text)?.index ?? 0) : 0;
  if (text.length <= length) return text;
  let start = Math.max(0, at - Math.floor(length / 3));
  let end = Math.min(text.length, start + length);
  start = Math.max(0, end - length);
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
  return `${start > 0 ? "… " : ""}${text.slice(start, end).trim()}${end < text.length ? " …" : ""}`;
}
