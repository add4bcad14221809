import type { DatabaseSync, StatementSync } from "node:sqlite";
import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { CONTINUE, SKIP, visit } from "unist-util-visit";
import type { Article } from "./types";
import { visibleUpdates } from "./visibility";

/*
 * Full-text search of the archive in SQLite FTS5: plain functions over a
 * database handle, so the content store can keep the index in its own
 * persistent database and update it one story at a time, inside its own
 * transactions. Nothing is held in memory between calls.
 *
 * - One contentless FTS5 table (the text is never read back: snippets come from
 *   the story itself), sharing its rowid with an ordinary table of what filters
 *   and sorts (slug, section, publication time).
 * - Relevance is bm25 with column weights mirroring the boosts of the
 *   MiniSearch index this replaces: headline 3, topics 2, standfirst 1.5, text 1.
 * - Typos: each word of the query also matches the indexed words within one edit
 *   (words of 4–5 letters) or two (longer), looked up in a table of the indexed
 *   words by first letter and length (fts5vocab reads every posting list of the
 *   words it scans, far too slow at 100,000 stories; docs/performance.md); words
 *   of three letters or fewer must be exact. Every word also
 *   matches as a prefix. Stories carrying the words as typed (or a longer form)
 *   rank above those that match only through a near-spelling.
 * - Every word must match (AND); when no story has them all, any word will do (OR).
 * - Scheduled stories are indexed with their future time and filtered out by
 *   `now` in the query, so a story appears at its time without re-indexing.
 */

export type SearchDoc = {
  slug: string;
  title: string;
  standfirst: string;
  /** The body as plain text, plus the titles and text of the live updates public so far. */
  text: string;
  /** Topic names, space-separated. */
  topics: string;
  /** Section slug. */
  section: string;
  /** Milliseconds since the epoch. */
  publishedAt: number;
};

export type SearchQuery = {
  q: string;
  now: number;
  sort: "relevance" | "newest";
  section?: string;
  /** Published at or after this time (ms since the epoch). */
  from?: number;
  /** Published before this time (ms since the epoch, exclusive: the start of the day after the last one asked for). */
  to?: number;
  /** From 1. */
  page: number;
  pageSize: number;
};

export type SearchHit = {
  slug: string;
  /** The indexed words the query matched (as typed, prefixes expanded, near-spellings), for highlighting. */
  terms: string[];
  /** Higher is better; 0 when sorted by time. */
  score: number;
};

export type SearchPage = { hits: SearchHit[]; total: number };

// Words too common to tell stories apart; matching or highlighting them is noise.
const STOP_WORDS = new Set(
  "a an and are as at be but by for from has have he her his in is it its of on or our she that the their they this to was we were which will with".split(" "),
);

/** Column order of the FTS table, and the bm25 weight of each. */
const COLUMNS = ["title", "topics", "standfirst", "text"] as const;
const WEIGHTS = [3, 2, 1.5, 1];

const SCHEMA = `
CREATE TABLE IF NOT EXISTS search_docs (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  section TEXT NOT NULL,
  published_at INTEGER NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5 (
  ${COLUMNS.join(", ")},
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab USING fts5vocab (search_fts, row);
CREATE TABLE IF NOT EXISTS search_terms (term TEXT PRIMARY KEY, length INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_terms_by_length ON search_terms (length, term);
`;

/** Creates the search tables when missing; safe to call on every start. */
export function createSearchSchema(db: DatabaseSync): void {
  db.exec(SCHEMA);
}

/*
 * A story's id is its publication time: the millisecond times SLOTS, plus its
 * place among stories of the same millisecond. FTS5 then holds every word's
 * stories in time order, so "newest first", "published by now" and a date range
 * are ranges and an order of rowids that FTS5 serves from the index itself, with
 * no join and no sort.
 */
const SLOTS = 1024;

const prepared = new WeakMap<DatabaseSync, Map<string, StatementSync>>();

/** A statement prepared once per database: preparing costs more than running one of these. */
function statement(db: DatabaseSync, sql: string): StatementSync {
  let byText = prepared.get(db);
  if (!byText) prepared.set(db, (byText = new Map()));
  let s = byText.get(sql);
  if (!s) byText.set(sql, (s = db.prepare(sql)));
  return s;
}

/**
 * Adds or replaces one story in the index. `terms: false` leaves the typo
 * vocabulary alone (a bulk load fills it once at the end: fillSearchTerms).
 */
export function upsertSearchDoc(db: DatabaseSync, doc: SearchDoc, { terms = true }: { terms?: boolean } = {}): void {
  const prepare = (sql: string) => statement(db, sql);
  const existing = prepare("SELECT id, published_at FROM search_docs WHERE slug = ?").get(doc.slug) as { id: number; published_at: number } | undefined;
  if (existing) prepare("DELETE FROM search_fts WHERE rowid = ?").run(existing.id);
  let id: number;
  if (existing && existing.published_at === doc.publishedAt) {
    id = existing.id;
    prepare("UPDATE search_docs SET section = ? WHERE id = ?").run(doc.section, id);
  } else {
    if (existing) prepare("DELETE FROM search_docs WHERE id = ?").run(existing.id);
    const floor = doc.publishedAt * SLOTS;
    const { top } = prepare("SELECT max(id) AS top FROM search_docs WHERE id BETWEEN ? AND ?").get(floor, floor + SLOTS - 1) as { top: number | null };
    id = top === null ? floor : top + 1;
    if (id >= floor + SLOTS || !Number.isSafeInteger(id)) throw new Error(`search index: no id left for ${doc.slug} at ${doc.publishedAt}`);
    prepare("INSERT INTO search_docs (id, slug, section, published_at) VALUES (?, ?, ?, ?)").run(id, doc.slug, doc.section, doc.publishedAt);
  }
  prepare(`INSERT INTO search_fts (rowid, ${COLUMNS.join(", ")}) VALUES (?, ?, ?, ?, ?)`).run(id, doc.title, doc.topics, doc.standfirst, doc.text);
  if (!terms) return;
  const addTerm = prepare("INSERT OR IGNORE INTO search_terms (term, length) VALUES (?, ?)");
  for (const term of words([doc.title, doc.topics, doc.standfirst, doc.text].join(" "))) addTerm.run(term, term.length);
}

/**
 * Drops from the typo vocabulary the words no story in the index holds any
 * more (upserts only add words; a stale one costs nothing but a few bytes and a
 * query alternative that matches nothing). Reads the whole fts5vocab view: for
 * a background job, not for a publish.
 */
export function pruneSearchTerms(db: DatabaseSync): number {
  return Number(db.prepare("DELETE FROM search_terms WHERE term NOT IN (SELECT term FROM search_vocab)").run().changes);
}

/**
 * Adds to the typo vocabulary the indexed words from `after` on, at most
 * `limit` of them, in term order; returns the last word read (undefined when
 * the vocabulary is done). A bulk load calls it in slices after its upserts.
 */
export function fillSearchTerms(db: DatabaseSync, after = "", limit = 5_000): string | undefined {
  const rows = statement(db, "SELECT term FROM search_vocab WHERE term > ? ORDER BY term LIMIT ?").all(after, limit) as { term: string }[];
  const add = statement(db, "INSERT OR IGNORE INTO search_terms (term, length) VALUES (?, ?)");
  for (const { term } of rows) if (!STOP_WORDS.has(term)) add.run(term, term.length);
  return rows.length < limit ? undefined : rows.at(-1)!.term;
}

/** Takes one story out of the index (retracted, back to draft, deleted, renamed). */
export function removeSearchDoc(db: DatabaseSync, slug: string): void {
  const existing = statement(db, "SELECT id FROM search_docs WHERE slug = ?").get(slug) as { id: number } | undefined;
  if (!existing) return;
  statement(db, "DELETE FROM search_fts WHERE rowid = ?").run(existing.id);
  statement(db, "DELETE FROM search_docs WHERE id = ?").run(existing.id);
}

const TEXT_BLOCKS = new Set(["paragraph", "heading", "tableCell", "code"]);

/** Markdown to the words a reader sees, one space between blocks (for snippets on the page). */
export function plainText(markdown: string): string {
  const blocks: string[] = [];
  visit(unified().use(remarkParse).parse(markdown), (node) => {
    if (!TEXT_BLOCKS.has(node.type)) return CONTINUE;
    blocks.push(toString(node, { includeHtml: false }));
    return SKIP;
  });
  return blocks.join(" ").replace(/\s+/g, " ").trim();
}

/**
 * The words of a Markdown body for the index. The tokenizer already drops
 * Markdown's punctuation; what must go is what a reader never reads: link and
 * image addresses, HTML tags, reference definitions. A few regular expressions
 * instead of a Markdown parser, which cost about a millisecond more a story
 * (docs/performance.md).
 *
 * @example
 * indexText("**Gas** [deal](https://x.example/secret) <b>now</b>") // "**Gas** [deal]   now "
 */
export function indexText(markdown: string): string {
  return markdown
    .replace(/^ {0,3}\[[^\]\n]+\]:[^\n]*$/gm, " ")
    .replace(/\]\([^)\n]*\)/g, "] ")
    .replace(/<[^>\n]*>/g, " ")
    .replace(/\bhttps?:\/\/\S+/g, " ");
}

/** What the index holds of a published story at `now`: its live updates only from their time on. */
export function searchDocFor(article: Article, body: string, now: Date): SearchDoc {
  const updates = visibleUpdates(article, now).flatMap((u) => [u.title, u.text]);
  return {
    slug: article.slug,
    title: article.title,
    standfirst: article.standfirst,
    text: [indexText(body), ...updates].join("\n\n"),
    topics: article.tags.map((t) => t.name).join(" "),
    section: article.section.slug,
    publishedAt: article.publishedAt.getTime(),
  };
}

/**
 * The reader's words as the index's tokenizer (unicode61, diacritics removed)
 * sees them, without stop words, each once. Only letters and digits survive, so
 * nothing of FTS5's query syntax can come through.
 *
 * @example
 * queryWords("The Power of SIBÉRIA, power!") // ["power", "siberia"]
 */
export function queryWords(q: string): string[] {
  return [...words(q)];
}

function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().normalize("NFKD").replace(/\p{M}+/gu, "").split(/[^\p{L}\p{N}]+/u)) if (w && !STOP_WORDS.has(w)) out.add(w);
  return out;
}

/** Edits allowed for a word of `length` letters: none up to 3, one up to 5, two beyond. */
export function maxEdits(length: number): number {
  return length <= 3 ? 0 : length <= 5 ? 1 : 2;
}

/** Levenshtein distance of a and b, or max + 1 as soon as it must exceed max. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** Prefix expansions reported for highlighting, at most this many per word (the match itself is unbounded). */
const MAX_PREFIX_TERMS = 20;

type Expansion = {
  word: string;
  /** Indexed words starting with `word` (it included), for highlighting. */
  prefixed: string[];
  /** Indexed words within the allowed edits that do not start with `word`. */
  near: string[];
};

/** The smallest string greater than every string starting with `prefix`. */
function prefixEnd(prefix: string): string {
  return prefix + "\u{10FFFF}";
}

/*
 * Near-spellings come from the indexed words of each length within the allowed
 * edits that start with the same letter (ranges of an index), then an exact
 * distance. A typo in the first letter is not corrected: the price of not
 * scanning the whole vocabulary.
 */
function expand(db: DatabaseSync, word: string): Expansion {
  const prefixed = (
    db.prepare("SELECT term FROM search_terms WHERE term >= ? AND term < ? LIMIT ?").all(word, word.length > 1 ? prefixEnd(word) : `${word}\0`, MAX_PREFIX_TERMS) as { term: string }[]
  ).map((r) => r.term);
  const edits = maxEdits(word.length);
  const near: string[] = [];
  if (edits > 0) {
    const first = word[0]!;
    const candidates = db.prepare("SELECT term FROM search_terms WHERE length = ? AND term >= ? AND term < ?");
    for (let length = word.length - edits; length <= word.length + edits; length++) {
      for (const { term } of candidates.all(length, first, prefixEnd(first)) as { term: string }[]) {
        if (!term.startsWith(word) && boundedDistance(word, term, edits) <= edits) near.push(term);
      }
    }
  }
  return { word, prefixed, near };
}

const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** An FTS5 expression: every word (AND) or any (OR), each as a prefix, with or without its near-spellings. */
function expression(expansions: Expansion[], join: "AND" | "OR", fuzzy: boolean): string {
  return expansions
    .map((e) => {
      // One letter is a word, not a prefix: "s*" would read the posting lists of a twentieth of the vocabulary.
      const alternatives = [`${quote(e.word)}${e.word.length > 1 ? "*" : ""}`, ...(fuzzy ? e.near.map(quote) : [])];
      return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(" OR ")})`;
    })
    .join(` ${join} `);
}

/**
 * Stories ranked by relevance when a query matches more: the newest this many.
 * Scoring every match of a word in nearly every story costs more than the
 * page's budget at 100,000 stories; among that many, relevance hardly tells
 * stories apart, and recent ones serve a reader better (docs/performance.md).
 */
export const RANK_WINDOW = 20_000;

/** The query's time bounds as a range of ids, and its section. */
type Filter = { low: number; high: number; section: string | undefined };

function filterOf(query: SearchQuery): Filter {
  const until = Math.min(query.now + 1, query.to ?? Infinity);
  const low = query.from === undefined ? Number.MIN_SAFE_INTEGER : query.from * SLOTS;
  return { low, high: until * SLOTS - 1, section: query.section };
}

type Row = { slug: string; score: number };

/*
 * The FTS table drives every query; a section is the one filter that needs the
 * ordinary table (CROSS JOIN keeps FTS5 outside: SQLite would otherwise walk a
 * section's stories and ask FTS5 about each one).
 */
function matching(filter: Filter): string {
  return filter.section === undefined
    ? "search_fts m WHERE search_fts MATCH ? AND m.rowid BETWEEN ? AND ?"
    : "search_fts m CROSS JOIN search_docs s ON s.id = m.rowid WHERE search_fts MATCH ? AND m.rowid BETWEEN ? AND ? AND s.section = ?";
}

const bind = (match: string, filter: Filter) => (filter.section === undefined ? [match, filter.low, filter.high] : [match, filter.low, filter.high, filter.section]);

/** One tier of matches: ranked by bm25 (the newest RANK_WINDOW) or by time, with the count of all of them. */
function run(db: DatabaseSync, match: string, filter: Filter, sort: SearchQuery["sort"], limit: number, offset: number): { rows: Row[]; total: number } {
  const { total } = db.prepare(`SELECT count(*) AS total FROM ${matching(filter)}`).get(...bind(match, filter)) as { total: number };
  if (limit <= 0 || offset >= total) return { rows: [], total };
  const sql =
    sort === "relevance"
      ? `SELECT d.slug AS slug, w.score AS score
         FROM (SELECT m.rowid AS id, bm25(search_fts, ${WEIGHTS.join(", ")}) AS score FROM ${matching(filter)} ORDER BY m.rowid DESC LIMIT ${RANK_WINDOW}) w
         JOIN search_docs d ON d.id = w.id
         ORDER BY w.score, w.id DESC LIMIT ? OFFSET ?`
      : `SELECT d.slug AS slug, 0 AS score
         FROM (SELECT m.rowid AS id FROM ${matching(filter)} ORDER BY m.rowid DESC LIMIT ? OFFSET ?) w
         JOIN search_docs d ON d.id = w.id
         ORDER BY w.id DESC`;
  const rows = db.prepare(sql).all(...bind(match, filter), limit, offset) as Row[];
  return { rows, total };
}

function pageOf(db: DatabaseSync, expansions: Expansion[], join: "AND" | "OR", query: SearchQuery, filter: Filter): { rows: Row[]; total: number } {
  const offset = (query.page - 1) * query.pageSize;
  const full = expression(expansions, join, true);
  const exact = expression(expansions, join, false);
  if (query.sort === "newest" || full === exact) return run(db, full, filter, query.sort, query.pageSize, offset);
  // Stories with the words as typed first, then those matching only through a near-spelling.
  const first = run(db, exact, filter, "relevance", query.pageSize, offset);
  const rest = Math.max(0, offset + query.pageSize - first.total);
  const second = run(db, `(${full}) NOT (${exact})`, filter, "relevance", Math.min(rest, query.pageSize), Math.max(0, offset - first.total));
  return { rows: [...first.rows, ...second.rows], total: first.total + second.total };
}

/** A page of the public stories matching `query.q`, best first or newest first. */
export function searchDocs(db: DatabaseSync, query: SearchQuery): SearchPage {
  const words = queryWords(query.q);
  if (!words.length || query.page < 1 || query.pageSize < 1) return { hits: [], total: 0 };
  const expansions = words.map((w) => expand(db, w));
  const filter = filterOf(query);
  let result = pageOf(db, expansions, "AND", query, filter);
  if (result.total === 0 && expansions.length > 1) result = pageOf(db, expansions, "OR", query, filter);
  const terms = [...new Set(expansions.flatMap((e) => [...e.prefixed, ...e.near]))];
  return { hits: result.rows.map((r) => ({ slug: r.slug, terms, score: -r.score })), total: result.total };
}
