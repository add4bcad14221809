import { describe, expect, it } from "vitest";
import { loadCorpus } from "../content";
import { buildSearchIndex, getSearchIndex, highlight, normalizeQuery, plainText, searchArticles, snippet } from "./search";
import { makeCorpus, validFrontMatter } from "../../tools/test-corpus";

const NOW = new Date("2025-06-01T00:00:00Z");

function corpusOf() {
  return loadCorpus(
    makeCorpus({
      pipeline: validFrontMatter({
        title: "Russia and China agree on Power of Siberia 2",
        standfirst: "Gas talks in Moscow",
        tags: ["energy"],
      }),
      parade: validFrontMatter({ title: "Victory Day parade on Red Square", standfirst: "Xi attends", tags: ["victory-day"] }),
      "draft-story": validFrontMatter({ title: "Secret pipeline draft zebracorn", status: "draft" }),
      "scheduled-story": validFrontMatter({ title: "Scheduled pipeline story unicornfish", publishedAt: "2025-07-01T00:00:00Z" }),
    }),
  );
}

describe("search index", () => {
  it("indexes headline, standfirst, body and topics of public stories", () => {
    const corpus = corpusOf();
    const index = buildSearchIndex(corpus.articles, NOW);
    const find = (q: string) => searchArticles(index, corpus, q, NOW).map((h) => h.article.slug);
    expect(find("Siberia")).toEqual(["pipeline"]);
    expect(find("Moscow")).toEqual(["pipeline"]); // standfirst
    expect(find("Body of parade")).toEqual(["parade"]); // body
    expect(find("victory-day")).toContain("parade"); // topic name
  });

  it("never indexes drafts or stories scheduled for later", () => {
    const corpus = corpusOf();
    const index = buildSearchIndex(corpus.articles, NOW);
    expect([...index.slugs].sort()).toEqual(["parade", "pipeline"]);
    expect(searchArticles(index, corpus, "zebracorn", NOW)).toEqual([]);
    expect(searchArticles(index, corpus, "unicornfish", NOW)).toEqual([]);
  });

  it("goes stale when the next scheduled story comes due, and then finds it", () => {
    const corpus = corpusOf();
    const before = getSearchIndex(corpus, NOW);
    expect(before.validUntil).toBe(Date.parse("2025-07-01T00:00:00Z"));
    expect(getSearchIndex(corpus, new Date("2025-06-30T23:59:59Z"))).toBe(before);
    const after = new Date("2025-07-01T00:00:00Z");
    const index = getSearchIndex(corpus, after);
    expect(index).not.toBe(before);
    expect(searchArticles(index, corpus, "unicornfish", after).map((h) => h.article.slug)).toEqual(["scheduled-story"]);
  });

  it("matches prefixes and tolerates a typo", () => {
    const corpus = corpusOf();
    const index = buildSearchIndex(corpus.articles, NOW);
    expect(searchArticles(index, corpus, "Siber", NOW).map((h) => h.article.slug)).toEqual(["pipeline"]);
    expect(searchArticles(index, corpus, "Sibeira", NOW).map((h) => h.article.slug)).toEqual(["pipeline"]);
    expect(searchArticles(index, corpus, "Sibiria gaz", NOW).map((h) => h.article.slug)).toEqual(["pipeline"]);
  });

  it("ignores words too common to mean anything", () => {
    const corpus = corpusOf();
    const index = buildSearchIndex(corpus.articles, NOW);
    const hits = searchArticles(index, corpus, "the Power of Siberia", NOW);
    expect(hits.map((h) => h.article.slug)).toEqual(["pipeline"]);
    expect(hits[0]?.terms.sort()).toEqual(["power", "siberia"]);
  });

  it("ranks a headline match above a body match", () => {
    const corpus = loadCorpus(
      makeCorpus({
        "in-body": validFrontMatter({ title: "Talks in Moscow" }),
        "in-title": validFrontMatter({ title: "Body talks" }),
      }),
    );
    const index = buildSearchIndex(corpus.articles, NOW);
    expect(searchArticles(index, corpus, "body", NOW)[0]?.article.slug).toBe("in-title");
  });
});

describe("normalizeQuery", () => {
  it("folds whitespace and control characters and caps length and words", () => {
    expect(normalizeQuery("  power \u0000 of\n\tsiberia  ")).toBe("power of siberia");
    expect(normalizeQuery(["first", "second"])).toBe("first");
    expect(normalizeQuery(undefined)).toBe("");
    expect(normalizeQuery("x".repeat(5000)).length).toBe(200);
    expect(normalizeQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(" ")).split(" ")).toHaveLength(12);
  });
});

describe("highlight and snippet", () => {
  it("marks whole matched words, case-insensitively", () => {
    expect(highlight("Power of Siberia, siberian gas", ["siberia"])).toEqual([
      { text: "Power of ", match: false },
      { text: "Siberia", match: true },
      { text: ", siberian gas", match: false },
    ]);
  });

  it("treats terms as text, not as patterns", () => {
    expect(highlight("a b c", ["(b)"]).filter((f) => f.match)).toEqual([]);
    expect(highlight("a (b) c", ["(b)"]).filter((f) => f.match)).toEqual([{ text: "(b)", match: true }]);
    expect(highlight("1+1", ["1+1"])).toEqual([{ text: "1+1", match: true }]);
  });

  it("cuts a window around the first match at word boundaries", () => {
    const text = `${"lorem ".repeat(100)}pipeline ${"ipsum ".repeat(100)}`.trim();
    const s = snippet(text, ["pipeline"], 120);
    expect(s).toContain("pipeline");
    expect(s.startsWith("… lorem")).toBe(true);
    expect(s.endsWith("ipsum …")).toBe(true);
    expect(s.length).toBeLessThanOrEqual(130);
  });

  it("reads the words of Markdown, not its syntax", () => {
    expect(plainText("Hello **bold** [link](https://x.example)\n\n> quote")).toBe("Hello bold link quote");
  });
});
