import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { reloadCorpus } from "../content";
import { highlight, matchedPassage, normalizeQuery, plainText, prepareSearch, searchArticles, snippet } from "./search";
import { articleFile, makeCorpus, validFrontMatter } from "../../tools/test-corpus";

const NOW = new Date("2025-06-01T00:00:00Z");

function useCorpus(articles: Parameters<typeof makeCorpus>[0]) {
  const before = process.env.CONTENT_DIR;
  beforeAll(() => {
    process.env.CONTENT_DIR = makeCorpus(articles, { topics: [{ slug: "energy", name: "Energy" }, { slug: "victory-day", name: "Victory Day" }] });
    reloadCorpus();
  });
  afterAll(() => {
    if (before === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = before;
  });
}

const find = (q: string, now = NOW, more: Partial<Parameters<typeof searchArticles>[0]> = {}) =>
  searchArticles({ q, sort: "relevance", page: 1, pageSize: 10, ...more }, now).hits.map((h) => h.article.slug);

describe("searchArticles", () => {
  useCorpus({
    pipeline: validFrontMatter({ title: "Russia and China agree on Power of Siberia 2", standfirst: "Gas talks in Moscow", tags: ["energy"] }),
    parade: validFrontMatter({ title: "Victory Day parade on Red Square", standfirst: "Xi attends", tags: ["victory-day"] }),
    "draft-story": validFrontMatter({ title: "Secret pipeline draft zebracorn", tags: ["energy"], status: "draft" }),
    "scheduled-story": validFrontMatter({ title: "Scheduled pipeline story unicornfish", tags: ["energy"], publishedAt: "2025-07-01T00:00:00Z" }),
    summit: articleFile(
      validFrontMatter({ tags: ["energy"], publishedAt: "2025-05-09T12:00:00Z", live: { start: "2025-05-09T12:00:00Z", end: "2025-05-09T18:00:00Z" } }),
      "The summit opens.\n\n## 2025-05-09T15:00:00Z Joint statement zanzibarquokka\n\nA statement is due.\n",
    ),
  });

  it("finds public stories by headline, standfirst, body, topic and typo, with the page's total", () => {
    prepareSearch();
    expect(find("Siberia")).toEqual(["pipeline"]);
    expect(find("Moscow")).toEqual(["pipeline"]);
    expect(find("Body of parade")).toEqual(["parade"]);
    expect(find("victory-day")).toEqual(["parade"]);
    expect(find("Sibiria gaz")).toEqual(["pipeline"]);
    expect(searchArticles({ q: "  the   Power of Siberia ", sort: "newest", page: 1, pageSize: 10 }, NOW)).toMatchObject({ total: 1, hits: [{ terms: ["power", "siberia"] }] });
  });

  it("never finds drafts, nor scheduled stories before their time", () => {
    expect(find("zebracorn")).toEqual([]);
    expect(find("unicornfish")).toEqual([]);
    expect(find("unicornfish", new Date("2025-07-01T00:00:00Z"))).toEqual(["scheduled-story"]);
  });

  it("finds a live update's words from its time on, the index catching up by itself", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2025-05-09T13:00:00Z"));
      reloadCorpus();
      vi.setSystemTime(new Date("2025-05-09T14:59:59Z"));
      expect(find("zanzibarquokka", new Date())).toEqual([]);
      vi.setSystemTime(new Date("2025-05-09T15:00:00Z"));
      expect(find("zanzibarquokka", new Date())).toEqual(["summit"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("answers an empty query with nothing, without asking the index", () => {
    expect(searchArticles({ q: "   ", sort: "relevance", page: 1, pageSize: 10 }, NOW)).toEqual({ hits: [], total: 0 });
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

  it("finds the passage of a body that matches, parsing that block only", () => {
    const body = "Intro without it.\n\nA [link](https://x.example/pipeline) only in an address.\n\n## Later\n\nThe **pipeline** opens.\n \nAnother pipeline.";
    expect(matchedPassage(body, ["pipeline"])).toBe("The pipeline opens.");
    expect(matchedPassage(body, ["absent"])).toBeUndefined();
    expect(matchedPassage(body, [])).toBeUndefined();
    expect(matchedPassage("> Quoted *Siberia* gas", ["siberia"])).toBe("Quoted Siberia gas");
  });

  it("reads the words of Markdown, not its syntax", () => {
    expect(plainText("Hello **bold** [link](https://x.example)\n\n> quote")).toBe("Hello bold link quote");
  });
});
