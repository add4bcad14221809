import MiniSearch from "minisearch";
import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { CONTINUE, SKIP, visit } from "unist-util-visit";
import { type Article, type Corpus, articleBody, isPublic, visibleUpdates } from "../content";
import { processSlot } from "../process-singleton.mjs";

/*
 * Full-text search over public articles with MiniSearch: small, dependency-free,
 * in memory, with prefix and fuzzy (typo-tolerant) matching and field boosts —
 * what a corpus of thousands of articles served from one process needs, without
 * a search server. FlexSearch is faster on huge corpora but its typo tolerance
 * is coarser and its API less stable; at our size MiniSearch answers in
 * milliseconds.
 *
 * Only public stories are indexed. The index is rebuilt when the next
 * scheduled story comes due, so a story appears in search at its publication
 * time and never before.
 */

export const MAX_QUERY_LENGTH = 200;
const MAX_QUERY_TERMS = 12;

// Words too common to tell stories apart; matching or highlighting them is noise.
const STOP_WORDS = new Set(
  "a an and are as at be but by for from has have he her his in is it its of on or our she that the their they this to was we were which will with".split(" "),
);

function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  return STOP_WORDS.has(t) ? null : t;
}

type Doc = { id: string; title: string; standfirst: string; body: string; topics: string };

export type SearchIndex = {
  search: MiniSearch<Doc>;
  /** Slugs of the indexed (public) stories. */
  slugs: Set<string>;
  /** When the index goes stale: the next scheduled publication or live update, if any. */
  validUntil: number;
};

const TEXT_BLOCKS = new Set(["paragraph", "heading", "tableCell", "code"]);

/** Markdown to the words a reader sees, one space between blocks. */
export function plainText(markdown: string): string {
  const blocks: string[] = [];
  visit(unified().use(remarkParse).parse(markdown), (node) => {
    if (!TEXT_BLOCKS.has(node.type)) return CONTINUE;
    blocks.push(toString(node, { includeHtml: false }));
    return SKIP;
  });
  return blocks.join(" ").replace(/\s+/g, " ").trim();
}

export function buildSearchIndex(articles: Article[], now: Date): SearchIndex {
  const search = new MiniSearch<Doc>({
    fields: ["title", "standfirst", "body", "topics"],
    storeFields: [],
    processTerm,
    searchOptions: {
      processTerm,
      boost: { title: 3, topics: 2, standfirst: 1.5 },
      prefix: true,
      // Typos: none on short words (too many false friends), one edit up to five letters, two beyond.
      fuzzy: (term) => (term.length <= 3 ? false : term.length <= 5 ? 1 : 2),
    },
  });
  const slugs = new Set<string>();
  let validUntil = Infinity;
  const docs: Doc[] = [];
  for (const article of articles) {
    if (isPublic(article, now)) {
      slugs.add(article.slug);
      // A live story's updates are searchable from their time on, never before.
      const updates = visibleUpdates(article, now);
      for (const u of article.live?.updates ?? []) if (u.time > now) validUntil = Math.min(validUntil, u.time.getTime());
      docs.push({
        id: article.slug,
        title: article.title,
        standfirst: article.standfirst,
        body: [articleBody(article), ...updates.flatMap((u) => [u.title, u.text])].join("\n\n"),
        topics: article.tags.map((t) => t.name).join(" "),
      });
    } else if (article.status === "published") {
      validUntil = Math.min(validUntil, article.publishedAt.getTime());
    }
  }
  search.addAll(docs);
  return { search, slugs, validUntil };
}

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

/** Stories matching every word (or, failing that, any word), best first. */
export function searchArticles(index: SearchIndex, corpus: Pick<Corpus, "bySlug">, query: string, now: Date): SearchHit[] {
  const q = normalizeQuery(query);
  if (!q) return [];
  let results = index.search.search(q, { combineWith: "AND" });
  if (results.length === 0) results = index.search.search(q, { combineWith: "OR" });
  const hits: SearchHit[] = [];
  for (const r of results) {
    const article = corpus.bySlug.get(String(r.id));
    // The index only holds public stories; the check stays as a second lock.
    if (article && isPublic(article, now)) hits.push({ article, terms: r.terms, score: r.score });
  }
  return hits;
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

/**
 * One index per process, as the corpus is: instrumentation.ts builds it when the server starts,
 * in its own module graph, and the search page must find it there.
 */
const slot = processSlot<{ corpus: Corpus; version: number; index: SearchIndex }>("searchIndex");

/** The index of this process, rebuilt when the corpus changes or a scheduled story comes due. */
export function getSearchIndex(corpus: Corpus, now: Date): SearchIndex {
  const cached = slot.get();
  if (cached && cached.corpus === corpus && cached.version === corpus.version && now.getTime() < cached.index.validUntil) return cached.index;
  return slot.set({ corpus, version: corpus.version, index: buildSearchIndex(corpus.articles, now) }).index;
}
