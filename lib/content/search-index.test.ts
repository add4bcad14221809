import { DatabaseSync } from "node:sqlite";
import { beforeEach, describe, expect, it } from "vitest";
import { articleBody, loadCorpus } from ".";
import { articleFile, makeCorpus, validFrontMatter } from "../../tools/test-corpus";
import {
  type SearchDoc,
  type SearchQuery,
  boundedDistance,
  createSearchSchema,
  indexText,
  maxEdits,
  pruneSearchTerms,
  queryWords,
  removeSearchDoc,
  searchDocFor,
  searchDocs,
  upsertSearchDoc,
} from "./search-index";

const TOPICS = [{ slug: "russia", name: "Russia" }];
const NOW = Date.parse("2025-06-01T00:00:00Z");
const DAY = 86_400_000;

let db: DatabaseSync;
let n = 0;

function doc(overrides: Partial<SearchDoc> & { slug: string }): SearchDoc {
  return { title: "A headline", standfirst: "A standfirst", text: "Some words of the body.", topics: "Russia", section: "world", publishedAt: NOW - ++n * DAY, ...overrides };
}

function add(...docs: (Partial<SearchDoc> & { slug: string })[]) {
  for (const d of docs) upsertSearchDoc(db, doc(d));
}

function search(q: string, options: Partial<SearchQuery> = {}) {
  return searchDocs(db, { q, now: NOW, sort: "relevance", page: 1, pageSize: 10, ...options });
}

const slugs = (q: string, options: Partial<SearchQuery> = {}) => search(q, options).hits.map((h) => h.slug);

beforeEach(() => {
  db = new DatabaseSync(":memory:");
  createSearchSchema(db);
});

describe("the index", () => {
  it("finds headline, standfirst, text and topic words, and a schema created twice is the same schema", () => {
    createSearchSchema(db);
    add({ slug: "pipeline", title: "Russia and China agree on Power of Siberia 2", standfirst: "Gas talks in Moscow", topics: "Energy", text: "Novak spoke." });
    add({ slug: "parade", title: "Victory Day parade on Red Square", topics: "Victory Day" });
    expect(slugs("Siberia")).toEqual(["pipeline"]);
    expect(slugs("moscow")).toEqual(["pipeline"]);
    expect(slugs("Novak")).toEqual(["pipeline"]);
    expect(slugs("victory-day")).toEqual(["parade"]);
  });

  it("replaces a story in place and forgets a removed one", () => {
    add({ slug: "story", title: "Old headline zebrafinch" });
    upsertSearchDoc(db, doc({ slug: "story", title: "New headline quokka", section: "energy" }));
    expect(slugs("zebrafinch")).toEqual([]);
    expect(slugs("quokka")).toEqual(["story"]);
    expect(slugs("quokka", { section: "energy" })).toEqual(["story"]);
    removeSearchDoc(db, "story");
    removeSearchDoc(db, "never-indexed");
    expect(search("quokka")).toEqual({ hits: [], total: 0 });
  });

  it("moves a rescheduled story, and keeps apart stories of the same millisecond", () => {
    add({ slug: "a", title: "Harbour", publishedAt: NOW - DAY }, { slug: "b", title: "Harbour", publishedAt: NOW - DAY }, { slug: "c", title: "Harbour", publishedAt: NOW - 2 * DAY });
    expect(slugs("harbour", { sort: "newest" })).toEqual(["b", "a", "c"]);
    upsertSearchDoc(db, doc({ slug: "c", title: "Harbour", publishedAt: NOW + DAY }));
    expect(slugs("harbour", { sort: "newest" })).toEqual(["b", "a"]);
    upsertSearchDoc(db, doc({ slug: "a", title: "Harbour", publishedAt: NOW - 3 * DAY }));
    expect(slugs("harbour", { sort: "newest" })).toEqual(["b", "a"]);
    expect(slugs("harbour", { sort: "newest", now: NOW + DAY })).toEqual(["c", "b", "a"]);
    expect(slugs("harbour", { to: NOW - 2 * DAY })).toEqual(["a"]);
  });

  it("never returns a story before its publication time, nor counts it", () => {
    add({ slug: "out", title: "Pipeline opens" }, { slug: "scheduled", title: "Pipeline opens tomorrow", publishedAt: NOW + DAY });
    expect(search("pipeline")).toMatchObject({ hits: [{ slug: "out" }], total: 1 });
    expect(search("pipeline", { sort: "newest" })).toMatchObject({ hits: [{ slug: "out" }], total: 1 });
    expect(slugs("pipeline", { now: NOW + DAY })).toHaveLength(2);
  });

  it("reads a story's live updates only from their time on", () => {
    const corpus = loadCorpus(
      makeCorpus({
        live: articleFile(
          validFrontMatter({ title: "Summit live", live: { start: "2025-05-09T12:00:00Z" } }),
          "The summit opens.\n\n## 2025-05-09T12:05:00Z Delegations arrive\n\nFlags.\n\n## 2025-05-09T15:00:00Z Quokka arrives\n\nThe motorcade passes.\n",
        ),
      }, { topics: TOPICS }),
    );
    const article = corpus.bySlug.get("live")!;
    const early = searchDocFor(article, articleBody(article), new Date("2025-05-09T13:00:00Z"));
    expect(early.text).toContain("Delegations arrive");
    expect(early.text).not.toMatch(/quokka|motorcade/i);
    const later = searchDocFor(article, articleBody(article), new Date("2025-05-09T15:00:00Z"));
    expect(later.text).toMatch(/Quokka arrives.*motorcade/s);
    expect(later).toMatchObject({ slug: "live", section: "world", topics: "Russia", publishedAt: Date.parse("2025-05-08T12:00:00Z") });
  });

  it("keeps a body's words and drops link and image addresses, tags and reference definitions", () => {
    const text = indexText('See ![alt words](/img/hidden1.jpg "t") and [ref][1] <span class="hidden2">shown</span> https://x.example/hidden3.\n\n[1]: https://x.example/hidden4\n');
    expect(queryWords(text)).toEqual(["see", "alt", "words", "ref", "1", "shown"]);
  });

  it("indexes the words of the Markdown, not its syntax or link targets", () => {
    const corpus = loadCorpus(makeCorpus({ story: articleFile(validFrontMatter(), "Hello **bold** [link](https://x.example/wombat)\n\n> quote\n") }, { topics: TOPICS }));
    const article = corpus.bySlug.get("story")!;
    add(searchDocFor(article, articleBody(article), new Date(NOW)));
    expect(slugs("bold quote")).toEqual(["story"]);
    expect(slugs("wombat")).toEqual([]);
  });
});

describe("relevance", () => {
  it("ranks a headline match above a topic, a standfirst and a body match", () => {
    add(
      { slug: "in-text", text: "The wombat spoke." },
      { slug: "in-standfirst", standfirst: "The wombat spoke" },
      { slug: "in-topics", topics: "Wombat" },
      { slug: "in-title", title: "Wombat speaks" },
    );
    expect(slugs("wombat")).toEqual(["in-title", "in-topics", "in-standfirst", "in-text"]);
  });

  it("wants every word, and falls back to any word when no story has them all", () => {
    add({ slug: "both", title: "Gas pipeline" }, { slug: "gas", title: "Gas prices" }, { slug: "none", title: "Victory parade" });
    expect(slugs("gas pipeline")).toEqual(["both"]);
    expect(slugs("gas wombat").sort()).toEqual(["both", "gas"]);
  });

  it("ignores words too common to mean anything", () => {
    add({ slug: "pipeline", title: "Power of Siberia" }, { slug: "other", title: "The power of the sea" });
    const page = search("the Power of Siberia");
    expect(page.hits.map((h) => h.slug)).toEqual(["pipeline"]);
    expect(page.hits[0]!.terms.sort()).toEqual(["power", "siberia"]);
    expect(search("the of and")).toEqual({ hits: [], total: 0 });
  });

  it("matches prefixes and tolerates typos as today: none up to 3 letters, one up to 5, two beyond", () => {
    add({ slug: "pipeline", title: "Russia and China agree on Power of Siberia 2", standfirst: "Gas talks" }, { slug: "tax", title: "Tax rises" });
    expect(slugs("Siber")).toEqual(["pipeline"]);
    expect(slugs("Sibeira")).toEqual(["pipeline"]); // a swap is two edits
    expect(slugs("Sibiria gaz")).toEqual(["pipeline"]);
    expect(slugs("powr")).toEqual(["pipeline"]);
    expect(slugs("tix")).toEqual([]);
    expect(slugs("t")).toEqual([]); // one letter is a word, not a prefix
    expect(slugs("Chinq")).toEqual(["pipeline"]);
    expect(slugs("Sxbxria")).toEqual(["pipeline"]);
    expect(slugs("Sxbxxia")).toEqual([]);
    expect(search("Sibiria").hits[0]!.terms).toEqual(["siberia"]);
  });

  it("ranks the words as typed above a near-spelling", () => {
    add({ slug: "powder", title: "The powder keg", text: "powder ".repeat(20) }, { slug: "power", title: "Power cut" });
    expect(slugs("power")).toEqual(["power", "powder"]);
    expect(slugs("powder")).toEqual(["powder", "power"]);
  });

  it("does not correct a typo in the first letter", () => {
    add({ slug: "pipeline", title: "Power of Siberia" });
    expect(slugs("Xiberia")).toEqual([]);
  });
});

describe("filters, order and pages", () => {
  beforeEach(() => {
    for (let i = 0; i < 25; i++) add({ slug: `story-${i}`, title: `Harbour story ${i}`, section: i % 2 ? "energy" : "world", publishedAt: NOW - (i + 1) * DAY });
  });

  it("pages through every match exactly once, with the total", () => {
    const seen = [1, 2, 3].flatMap((page) => search("harbour", { page }).hits.map((h) => h.slug));
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(search("harbour", { page: 3 }).total).toBe(25);
    expect(search("harbour", { page: 4 })).toEqual({ hits: [], total: 25 });
  });

  it("sorts newest first", () => {
    expect(slugs("harbour", { sort: "newest", pageSize: 3 })).toEqual(["story-0", "story-1", "story-2"]);
    expect(slugs("harbour", { sort: "newest", pageSize: 3, page: 2 })).toEqual(["story-3", "story-4", "story-5"]);
  });

  it("narrows to a section and a time range, start included and end excluded", () => {
    expect(search("harbour", { section: "energy" }).total).toBe(12);
    expect(search("harbour", { section: "nowhere" }).total).toBe(0);
    const page = search("harbour", { sort: "newest", from: NOW - 5 * DAY, to: NOW - 2 * DAY });
    expect(page.hits.map((h) => h.slug)).toEqual(["story-2", "story-3", "story-4"]);
    expect(search("harbour", { section: "world", from: NOW - 5 * DAY, to: NOW - 2 * DAY }).total).toBe(2);
  });

  it("pages across stories with the words as typed and those with a near-spelling", () => {
    add({ slug: "near-1", title: "Harbor one" }, { slug: "near-2", title: "Harbor two" });
    const all = [1, 2, 3].flatMap((page) => search("harbour", { page }).hits.map((h) => h.slug));
    expect(all).toHaveLength(27);
    expect(all.slice(-2).sort()).toEqual(["near-1", "near-2"]);
    expect(search("harbour", { page: 3 }).total).toBe(27);
  });
});

describe("the reader's words are words, never query syntax", () => {
  it.each(['"', "*", "NEAR(", "-", ":", "title:secret", '"unterminated', "a OR b", "x AND NOT y", "^start", "(((", "col:*", "{title}: x", "+", "\\", "'; DROP TABLE search_docs; --"])(
    "%j searches safely",
    (q) => {
      add({ slug: "secret", title: "secret near title start" });
      expect(() => search(q)).not.toThrow();
      expect(() => search(q, { sort: "newest" })).not.toThrow();
      expect((db.prepare("SELECT count(*) AS n FROM search_docs").get() as { n: number }).n).toBe(1);
    },
  );

  it("finds the words around the syntax", () => {
    add({ slug: "secret", title: "secret near title" });
    expect(slugs("title:secret")).toEqual(["secret"]);
    expect(slugs('NEAR("secret" title)')).toEqual(["secret"]);
  });

  it("splits and folds as the index does", () => {
    expect(queryWords('The Power of SIBÉRIA, "power"*')).toEqual(["power", "siberia"]);
    expect(queryWords("NEAR(a b) OR -c:d")).toEqual(["near", "b", "c", "d"]);
  });
});

describe("the typo vocabulary", () => {
  it("forgets the words no story holds when pruned", () => {
    add({ slug: "a", title: "Quokka" });
    upsertSearchDoc(db, doc({ slug: "a", title: "Wombat" }));
    expect(pruneSearchTerms(db)).toBeGreaterThan(0);
    expect(db.prepare("SELECT term FROM search_terms WHERE term = 'quokka'").all()).toEqual([]);
    expect(slugs("wombatt")).toEqual(["a"]);
  });

  it("counts edits as Levenshtein does, stopping early", () => {
    expect(maxEdits(3)).toBe(0);
    expect(maxEdits(5)).toBe(1);
    expect(maxEdits(6)).toBe(2);
    expect(boundedDistance("siberia", "sibiria", 2)).toBe(1);
    expect(boundedDistance("siberia", "sibeira", 2)).toBe(2);
    expect(boundedDistance("kitten", "sitting", 3)).toBe(3);
    expect(boundedDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });
});
