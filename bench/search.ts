/*
 * `npm run bench:search`: the archive's search index (lib/content/search-index.ts)
 * at the size of a generated corpus. Builds a file database from the corpus's
 * Markdown files, parsed here in chunks with the project's own front-matter
 * parser (loading 100,000 stories as the site does takes minutes and gigabytes,
 * and the index needs none of the rest), then times a fixed set of queries per
 * kind: p50, p95 and max, with the build time and the database's size.
 *
 *   CONTENT_DIR=/tmp/c100k npm run bench:search [-- --rebuild] [--extra-words=N] [--rounds=R]
 *
 * --compare (at 10,000 stories or fewer) also builds the MiniSearch index the site used before,
 * with its settings, and says how far the new ranking agrees with it: the share of the old first
 * ten found in the new first ten, the same first result, and the counts of matches.
 *
 * --extra-words=N adds N made-up words to the vocabulary, spread over the stories
 * (a few rare ones each), so typo candidates are looked up in a vocabulary as
 * large as a real archive's rather than the generator's few hundred words.
 */
import { seededRandom } from "../tools/corpus-generator";
import fs from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { load as parseYaml } from "js-yaml";
import MiniSearch from "minisearch";
import { markdownFiles, splitFrontMatter } from "../lib/content/parse";
import { type SearchDoc, type SearchQuery, createSearchSchema, indexText, queryWords, searchDocs, upsertSearchDoc } from "../lib/content/search-index";
import { args, log, resultsDir, table } from "./lib";

const opts = args();
const dir = path.resolve(process.env.CONTENT_DIR ?? "content");
const extraWords = Number(opts.get("extra-words") ?? 0);
const rounds = Number(opts.get("rounds") ?? 3);
const dbFile = path.join(resultsDir(), `search-${path.basename(dir)}${extraWords ? `-x${extraWords}` : ""}.db`);
const CHUNK = 1000;

/** Pronounceable made-up words, distinct, 5–10 letters: the names and rare words of a real archive. */
function madeUpWords(n: number): string[] {
  const rnd = seededRandom(7);
  const c = "bcdfghjklmnprstvz";
  const v = "aeiou";
  const out = new Set<string>();
  while (out.size < n) {
    let w = "";
    const len = 5 + Math.floor(rnd() * 6);
    while (w.length < len) w += (w.length % 2 ? v : c)[Math.floor(rnd() * (w.length % 2 ? v : c).length)];
    out.add(w);
  }
  return [...out];
}

function build(): { seconds: number; stories: number } {
  fs.rmSync(dbFile, { force: true });
  const db = new DatabaseSync(dbFile);
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
  createSearchSchema(db);
  const topics = new Map((parseYaml(fs.readFileSync(path.join(dir, "topics.yaml"), "utf8")) as { slug: string; name: string }[]).map((t) => [t.slug, t.name]));
  const files = markdownFiles(path.join(dir, "articles"));
  const extra = madeUpWords(extraWords);
  const perStory = extra.length ? Math.ceil((extra.length * 3) / files.length) : 0;
  const rnd = seededRandom(11);
  const started = performance.now();
  let stories = 0;
  for (let i = 0; i < files.length; i += CHUNK) {
    db.exec("BEGIN");
    for (const file of files.slice(i, i + CHUNK)) {
      const parsed = splitFrontMatter(fs.readFileSync(path.join(dir, "articles", file), "utf8"));
      if (typeof parsed === "string" || parsed.data.status !== "published") continue;
      const d = parsed.data as { title: string; standfirst: string; section: string; tags: string[]; publishedAt: string };
      const rare = Array.from({ length: perStory }, () => extra[Math.floor(rnd() * extra.length)]).join(" ");
      const doc: SearchDoc = {
        slug: path.basename(file, ".md"),
        title: d.title,
        standfirst: d.standfirst,
        text: `${indexText(parsed.body)} ${rare}`,
        topics: d.tags.map((t) => topics.get(t) ?? t).join(" "),
        section: d.section,
        publishedAt: Date.parse(d.publishedAt),
      };
      upsertSearchDoc(db, doc);
      stories++;
    }
    db.exec("COMMIT");
    if ((i / CHUNK) % 10 === 0) log(`indexed ${i + CHUNK} of ${files.length} files`);
  }
  db.exec("INSERT INTO search_fts (search_fts) VALUES ('optimize'); PRAGMA wal_checkpoint(TRUNCATE);");
  db.close();
  return { seconds: (performance.now() - started) / 1000, stories };
}

type Kind = { name: string; queries: Omit<SearchQuery, "now" | "pageSize">[] };

/** Drops or swaps a letter inside the word (never the first): the typos readers make. */
function typo(word: string, rnd: () => number): string {
  const at = 1 + Math.floor(rnd() * (word.length - 2));
  return rnd() < 0.5 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

function querySet(db: DatabaseSync): Kind[] {
  const rnd = seededRandom(42);
  const vocab = db.prepare("SELECT term, doc FROM search_vocab WHERE length(term) >= 4 AND term GLOB '[a-z]*' AND NOT term GLOB '*[0-9]*'").all() as { term: string; doc: number }[];
  const stories = (db.prepare("SELECT count(*) AS n FROM search_docs").get() as { n: number }).n;
  const pick = (xs: { term: string }[], n: number) => Array.from({ length: n }, () => xs[Math.floor(rnd() * xs.length)]!.term);
  // Stop words never reach the index's query: asking for them would time nothing.
  vocab.splice(0, vocab.length, ...vocab.filter((v) => queryWords(v.term).length === 1));
  vocab.sort((a, b) => a.doc - b.doc);
  const common = vocab.filter((v) => v.doc > stories * 0.2);
  const middle = vocab.filter((v) => v.doc > stories * 0.001 && v.doc <= stories * 0.05);
  // The tenth of the vocabulary in the fewest stories.
  const rare = vocab.slice(0, Math.max(1, Math.floor(vocab.length / 10)));
  const long = [...middle, ...rare].filter((v) => v.term.length >= 6);
  const sections = (db.prepare("SELECT DISTINCT section FROM search_docs").all() as { section: string }[]).map((r) => r.section);
  const { lo, hi } = db.prepare("SELECT min(published_at) AS lo, max(published_at) AS hi FROM search_docs").get() as { lo: number; hi: number };
  const year = 365 * 24 * 3600 * 1000;
  const base = { sort: "relevance" as const, page: 1 };
  const n = 20;
  return [
    { name: "common word", queries: pick(common, n).map((q) => ({ ...base, q })) },
    { name: "rare word", queries: pick(rare, n).map((q) => ({ ...base, q })) },
    { name: "two words", queries: Array.from({ length: n }, () => ({ ...base, q: `${pick(middle, 1)[0]} ${pick(common, 1)[0]}` })) },
    { name: "three words", queries: Array.from({ length: n }, () => ({ ...base, q: pick(middle, 3).join(" ") })) },
    { name: "prefix", queries: pick(long, n).map((w) => ({ ...base, q: w.slice(0, 4) })) },
    { name: "typo", queries: pick(long, n).map((w) => ({ ...base, q: typo(w, rnd) })) },
    { name: "typo, first letter", queries: pick(long, n).map((w) => ({ ...base, q: (w[1] === "x" ? "z" : "x") + w.slice(1) })) },
    { name: "typos, two words", queries: Array.from({ length: n }, () => ({ ...base, q: pick(long, 2).map((w) => typo(w, rnd)).join(" ") })) },
    {
      name: "section + year",
      queries: pick(common, n).map((q) => {
        const from = lo + rnd() * Math.max(0, hi - lo - year);
        return { ...base, q, section: sections[Math.floor(rnd() * sections.length)], from, to: from + year };
      }),
    },
    { name: "newest first", queries: pick(common, n).map((q) => ({ ...base, q, sort: "newest" as const })) },
    { name: "page 5", queries: pick(common, n).map((q) => ({ ...base, q, page: 5 })) },
    { name: "typo, newest", queries: pick(long, n).map((w) => ({ ...base, q: typo(w, rnd), sort: "newest" as const })) },
  ];
}

/** The index the site used before (lib/publishing/search.ts up to a015bc8), with its settings. */
function oldIndex(): MiniSearch {
  const stop = new Set("a an and are as at be but by for from has have he her his in is it its of on or our she that the their they this to was we were which will with".split(" "));
  const processTerm = (term: string) => (stop.has(term.toLowerCase()) ? null : term.toLowerCase());
  const index = new MiniSearch({
    fields: ["title", "standfirst", "body", "topics"],
    storeFields: [],
    processTerm,
    searchOptions: { processTerm, boost: { title: 3, topics: 2, standfirst: 1.5 }, prefix: true, fuzzy: (t: string) => (t.length <= 3 ? false : t.length <= 5 ? 1 : 2) },
  });
  const topics = new Map((parseYaml(fs.readFileSync(path.join(dir, "topics.yaml"), "utf8")) as { slug: string; name: string }[]).map((t) => [t.slug, t.name]));
  for (const file of markdownFiles(path.join(dir, "articles"))) {
    const parsed = splitFrontMatter(fs.readFileSync(path.join(dir, "articles", file), "utf8"));
    if (typeof parsed === "string" || parsed.data.status !== "published") continue;
    const d = parsed.data as { title: string; standfirst: string; tags: string[] };
    index.add({ id: path.basename(file, ".md"), title: d.title, standfirst: d.standfirst, body: parsed.body, topics: d.tags.map((t) => topics.get(t) ?? t).join(" ") });
  }
  return index;
}

function compare(db: DatabaseSync, kinds: Kind[], now: number): string {
  log("building the old MiniSearch index");
  const index = oldIndex();
  const rows: (string | number)[][] = [];
  for (const kind of kinds) {
    if (kind.queries.some((q) => q.sort !== "relevance" || q.section || q.page !== 1)) continue;
    let overlap = 0;
    let same = 0;
    let newTotal = 0;
    let oldTotal = 0;
    for (const q of kind.queries) {
      let old = index.search(q.q, { combineWith: "AND" });
      if (!old.length) old = index.search(q.q, { combineWith: "OR" });
      const page = searchDocs(db, { ...q, now, pageSize: 10 });
      const top = new Set(page.hits.map((h) => h.slug));
      const oldTop = old.slice(0, 10).map((r) => String(r.id));
      overlap += oldTop.length ? oldTop.filter((s) => top.has(s)).length / oldTop.length : 1;
      if (oldTop[0] === page.hits[0]?.slug) same++;
      newTotal += page.total;
      oldTotal += old.length;
    }
    const n = kind.queries.length;
    rows.push([kind.name, `${Math.round((overlap / n) * 100)} %`, `${same} of ${n}`, Math.round(oldTotal / n), Math.round(newTotal / n)]);
  }
  return table(["kind", "old top 10 in new top 10", "same first", "matches before", "matches now"], rows);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function main() {
  log(`corpus ${dir}, database ${dbFile}`);
  let built: { seconds: number; stories: number } | undefined;
  if (opts.has("rebuild") || !fs.existsSync(dbFile)) built = build();
  const db = new DatabaseSync(dbFile, { readOnly: true });
  const stories = (db.prepare("SELECT count(*) AS n FROM search_docs").get() as { n: number }).n;
  const terms = (db.prepare("SELECT count(*) AS n FROM search_vocab").get() as { n: number }).n;
  const size = fs.statSync(dbFile).size;
  const kinds = querySet(db);
  const now = Date.now();
  const rows: (string | number)[][] = [];
  const all: number[] = [];
  for (const kind of kinds) {
    const times: number[] = [];
    let hits = 0;
    for (let r = 0; r <= rounds; r++) {
      for (const q of kind.queries) {
        const t = performance.now();
        const page = searchDocs(db, { ...q, now, pageSize: 10 });
        const ms = performance.now() - t;
        if (r > 0) times.push(ms); // round 0 warms the page cache
        if (r === 1) hits += page.total;
      }
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    rows.push([kind.name, kind.queries[0]!.q, Math.round(hits / kind.queries.length), percentile(times, 50).toFixed(1), percentile(times, 95).toFixed(1), times.at(-1)!.toFixed(1)]);
  }
  all.sort((a, b) => a - b);
  rows.push(["all", "", "", percentile(all, 50).toFixed(1), percentile(all, 95).toFixed(1), all.at(-1)!.toFixed(1)]);
  const summary = [
    `${stories} stories, ${terms} indexed words, database ${(size / 1e6).toFixed(0)} MB${built ? `, built in ${built.seconds.toFixed(0)} s` : ""}`,
    `${kinds[0]!.queries.length} queries per kind, ${rounds} rounds after a warm-up, 10 per page`,
    table(["kind", "e.g.", "matches (mean)", "p50 ms", "p95 ms", "max ms"], rows),
  ].join("\n");
  const comparison = opts.has("compare") ? `\nAgainst the MiniSearch index of before:\n${compare(db, kinds, now)}` : "";
  console.log(summary + comparison);
  fs.writeFileSync(path.join(resultsDir(), `search-${path.basename(dir)}.txt`), `${summary}${comparison}\n`);
  db.close();
}

main();
