import { describe, expect, it } from "vitest";
import { loadCorpus, type Article, type Corpus, isPublic } from "../content";
import { relatedStories, type RelatedIndex } from "./related";
import { makeCorpus, validFrontMatter } from "../../tools/test-corpus";

const NOW = new Date("2025-06-01T00:00:00Z");

function load(articles: Parameters<typeof makeCorpus>[0]): Corpus {
  return loadCorpus(makeCorpus(articles));
}

function related(articles: Parameters<typeof makeCorpus>[0], slug: string, limit?: number): string[] {
  const corpus = load(articles);
  const article = corpus.bySlug.get(slug);
  if (!article) throw new Error(`no ${slug}`);
  return relatedStories(article, { ...corpus, total: corpus.articles.length }, NOW, limit).map((a) => a.slug);
}

const at = (day: number) => `2025-05-${String(day).padStart(2, "0")}T12:00:00Z`;

describe("relatedStories", () => {
  it("finds stories sharing a topic and never the article itself", () => {
    expect(
      related(
        {
          me: validFrontMatter({ tags: ["gas", "china"] }),
          shares: validFrontMatter({ tags: ["gas"] }),
          unrelated: validFrontMatter({ tags: ["football"] }),
        },
        "me",
      ),
    ).toEqual(["shares"]);
  });

  it("returns nothing when no story shares a topic (the page then says “No stories found.”)", () => {
    expect(
      related({ me: validFrontMatter({ tags: ["lighthouses"] }), other: validFrontMatter({ tags: ["fishing"] }) }, "me"),
    ).toEqual([]);
  });

  it("returns nothing for a story without topics or pins", () => {
    expect(related({ me: validFrontMatter({ tags: [] }), other: validFrontMatter({ tags: ["fishing"] }) }, "me")).toEqual([]);
  });

  it("weights a shared rare topic above a shared common one, even against a newer same-section story", () => {
    const common = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [`filler-${i}`, validFrontMatter({ tags: ["russia"], publishedAt: at(1) })]),
    );
    expect(
      related(
        {
          ...common,
          me: validFrontMatter({ tags: ["russia", "pipelines"] }),
          "shares-common": validFrontMatter({ tags: ["russia"], publishedAt: at(20) }),
          "shares-rare": validFrontMatter({ tags: ["pipelines"], section: "security", publishedAt: at(2) }),
        },
        "me",
        2,
      ),
    ).toEqual(["shares-rare", "shares-common"]);
  });

  it("ranks two shared topics above one, and one rare topic above two common ones", () => {
    const fillers = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`filler-${i}`, validFrontMatter({ tags: ["russia", "china"], publishedAt: at(1) })]),
    );
    expect(
      related(
        {
          ...fillers,
          me: validFrontMatter({ tags: ["russia", "china", "pipelines"] }),
          "shares-one-common": validFrontMatter({ tags: ["russia"], publishedAt: at(30) }),
          "shares-rare": validFrontMatter({ tags: ["pipelines"], publishedAt: at(3) }),
          "shares-rare-and-common": validFrontMatter({ tags: ["pipelines", "china"], publishedAt: at(2) }),
        },
        "me",
        3,
      ),
    ).toEqual(["shares-rare-and-common", "shares-rare", "filler-0"]);
  });

  it("breaks ties by same section, then recency, then slug", () => {
    expect(
      related(
        {
          me: validFrontMatter({ tags: ["gas"], section: "world" }),
          "other-section-newest": validFrontMatter({ tags: ["gas"], section: "security", publishedAt: at(30) }),
          "same-section-old": validFrontMatter({ tags: ["gas"], publishedAt: at(2) }),
          "same-section-new-b": validFrontMatter({ tags: ["gas"], publishedAt: at(10) }),
          "same-section-new-a": validFrontMatter({ tags: ["gas"], publishedAt: at(10) }),
        },
        "me",
      ),
    ).toEqual(["same-section-new-a", "same-section-new-b", "same-section-old", "other-section-newest"]);
  });

  it("puts editor pins first, in the editor's order, without repeating them", () => {
    expect(
      related(
        {
          me: validFrontMatter({ tags: ["gas"], related: ["pinned-b", "pinned-a"] }),
          "pinned-a": validFrontMatter({ tags: ["gas"] }),
          "pinned-b": validFrontMatter({ tags: ["football"] }),
          match: validFrontMatter({ tags: ["gas"] }),
        },
        "me",
      ),
    ).toEqual(["pinned-b", "pinned-a", "match"]);
  });

  it("skips a pin of the article itself (content checking also rejects it)", () => {
    const corpus = load({ me: validFrontMatter({ tags: ["gas"] }), match: validFrontMatter({ tags: ["gas"] }) });
    const me = { ...corpus.bySlug.get("me")!, related: ["me", "match", "match"] };
    expect(relatedStories(me, { ...corpus, total: 2 }, NOW).map((a) => a.slug)).toEqual(["match"]);
  });

  it("lets pins alone fill the limit", () => {
    expect(
      related(
        {
          me: validFrontMatter({ tags: ["gas"], related: ["p1", "p2"] }),
          p1: validFrontMatter({ tags: ["x"] }),
          p2: validFrontMatter({ tags: ["y"] }),
          match: validFrontMatter({ tags: ["gas"] }),
        },
        "me",
        2,
      ),
    ).toEqual(["p1", "p2"]);
  });

  it("never offers drafts or stories scheduled for later, even when pinned", () => {
    expect(
      related(
        {
          me: validFrontMatter({ tags: ["gas"], related: ["draft", "scheduled"] }),
          draft: validFrontMatter({ tags: ["gas"], status: "draft" }),
          scheduled: validFrontMatter({ tags: ["gas"], publishedAt: "2025-07-01T00:00:00Z" }),
          live: validFrontMatter({ tags: ["gas"] }),
        },
        "me",
      ),
    ).toEqual(["live"]);
  });

  it("offers a scheduled story once its time has come", () => {
    const corpus = load({
      me: validFrontMatter({ tags: ["gas"] }),
      scheduled: validFrontMatter({ tags: ["gas"], publishedAt: "2025-07-01T00:00:00Z" }),
    });
    const index = { ...corpus, total: corpus.articles.length };
    const me = corpus.bySlug.get("me")!;
    expect(relatedStories(me, index, NOW)).toEqual([]);
    expect(relatedStories(me, index, new Date("2025-07-01T00:00:00Z")).map((a) => a.slug)).toEqual(["scheduled"]);
  });

  it("stops at the limit", () => {
    const many = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`s-${i}`, validFrontMatter({ tags: ["gas"], publishedAt: at(i + 1) })]),
    );
    expect(related({ ...many, me: validFrontMatter({ tags: ["gas"] }) }, "me", 4)).toHaveLength(4);
  });
});

/*
 * The pruned top-k must give exactly what scoring every candidate and sorting
 * them all gives. A seeded random corpus with a skewed topic distribution
 * checks that across thousands of articles.
 */
describe("relatedStories at scale", () => {
  function random(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function syntheticIndex(count: number, seed: number, skew = 2.5): { articles: Article[]; index: RelatedIndex } {
    const rand = random(seed);
    const sections = ["world", "security", "economy"].map((slug, order) => ({ slug, name: slug, description: slug, order }));
    const topics = Array.from({ length: 60 }, (_, i) => ({ slug: `t${i}`, name: `T${i}` }));
    const articles: Article[] = [];
    for (let i = 0; i < count; i++) {
      const tags = new Set<(typeof topics)[number]>();
      const wanted = 1 + Math.floor(rand() * 4);
      // Squaring skews the draw towards the first topics, so a few are on a large share of stories.
      while (tags.size < wanted) tags.add(topics[Math.floor(rand() ** skew * topics.length)]!);
      articles.push({
        slug: `s${i}`,
        path: "",
        title: "",
        standfirst: "",
        kicker: undefined,
        section: sections[Math.floor(rand() ** 2 * sections.length)]!,
        tags: [...tags],
        authors: [],
        // Coarse dates, so many ties fall through to the slug.
        publishedAt: new Date(Date.UTC(2025, 0, 1 + Math.floor(rand() * 200))),
        updatedAt: undefined,
        status: rand() < 0.05 ? "draft" : "published",
        retractionNote: undefined,
        image: { src: "", width: 0, height: 0, bytes: 0, alt: "", caption: "", credit: "" },
        related: rand() < 0.05 ? [`s${Math.floor(rand() * count)}`] : [],
        aliases: [],
        writtenAliases: [],
        corrections: [],
        readingMinutes: 1,
        file: "",
      });
    }
    articles.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.slug < b.slug ? -1 : 1));
    const byTag = new Map<string, Article[]>();
    for (const a of articles) {
      for (const t of a.tags) {
        const list = byTag.get(t.slug);
        if (list) list.push(a);
        else byTag.set(t.slug, [a]);
      }
    }
    return { articles, index: { bySlug: new Map(articles.map((a) => [a.slug, a])), byTag, total: count } };
  }

  /** The ranking as the issue states it, the slow obvious way. */
  function reference(article: Article, all: Article[], index: RelatedIndex, now: Date, limit: number): string[] {
    const pins = [...new Set(article.related)]
      .map((s) => index.bySlug.get(s))
      .filter((a): a is Article => !!a && a !== article && isPublic(a, now));
    const weight = (slug: string) => Math.log(1 + index.total / index.byTag.get(slug)!.length);
    const mine = new Set(article.tags.map((t) => t.slug));
    const scored = all
      .filter((a) => a !== article && !pins.includes(a) && isPublic(a, now))
      .map((a) => ({ a, score: a.tags.filter((t) => mine.has(t.slug)).reduce((s, t) => s + weight(t.slug), 0) }))
      .filter((c) => c.score > 0)
      .sort(
        (x, y) =>
          (Math.abs(y.score - x.score) > 1e-9 ? y.score - x.score : 0) ||
          Number(y.a.section === article.section) - Number(x.a.section === article.section) ||
          y.a.publishedAt.getTime() - x.a.publishedAt.getTime() ||
          (x.a.slug < y.a.slug ? -1 : 1),
      );
    return [...pins, ...scored.map((c) => c.a)].slice(0, limit).map((a) => a.slug);
  }

  it.each([
    { seed: 7, skew: 2.5 },
    { seed: 8, skew: 5 }, // a few topics on most stories: the early stops matter most
    { seed: 9, skew: 1 }, // no skew
  ])("gives exactly the full ranking for every article of a corpus (seed $seed, skew $skew)", ({ seed, skew }) => {
    const { articles, index } = syntheticIndex(500, seed, skew);
    const now = new Date(Date.UTC(2025, 5, 1));
    for (const article of articles) {
      for (const limit of [1, 4, 10]) {
        expect(relatedStories(article, index, now, limit).map((a) => a.slug)).toEqual(
          reference(article, articles, index, now, limit),
        );
      }
    }
  });

  it("reads a fraction of the stories sharing a topic, even when every topic is common", () => {
    const { articles, index } = syntheticIndex(3000, 11, 5);
    const now = new Date(Date.UTC(2025, 5, 1));
    let examined = 0;
    let allSharing = 0;
    for (const article of articles) {
      const probe = { examined: 0 };
      relatedStories(article, index, now, 4, probe);
      examined += probe.examined;
      for (const tag of article.tags) allSharing += index.byTag.get(tag.slug)!.length;
    }
    expect(examined).toBeLessThan(allSharing / 10);
  });
});
