import { describe, expect, it } from "vitest";
import { loadCorpus } from "./content";
import { relatedStories } from "./related";
import { makeCorpus, validFrontMatter } from "./test-corpus";

const NOW = new Date("2025-06-01T00:00:00Z");

function related(articles: Parameters<typeof makeCorpus>[0], slug: string, limit?: number): string[] {
  const corpus = loadCorpus(makeCorpus(articles));
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

  it("returns nothing when no story shares a topic", () => {
    expect(
      related({ me: validFrontMatter({ tags: ["lighthouses"] }), other: validFrontMatter({ tags: ["fishing"] }) }, "me"),
    ).toEqual([]);
  });

  it("weights a shared rare topic above a shared common one", () => {
    const common = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [`filler-${i}`, validFrontMatter({ tags: ["russia"], publishedAt: at(1) })]),
    );
    expect(
      related(
        {
          ...common,
          me: validFrontMatter({ tags: ["russia", "pipelines"] }),
          "shares-common": validFrontMatter({ tags: ["russia"], publishedAt: at(20) }),
          "shares-rare": validFrontMatter({ tags: ["pipelines"], publishedAt: at(2) }),
        },
        "me",
        2,
      ),
    ).toEqual(["shares-rare", "shares-common"]);
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
          me: validFrontMatter({ tags: ["gas"], related: ["pinned-b", "pinned-a", "me"] }),
          "pinned-a": validFrontMatter({ tags: ["gas"] }),
          "pinned-b": validFrontMatter({ tags: ["football"] }),
          match: validFrontMatter({ tags: ["gas"] }),
        },
        "me",
      ),
    ).toEqual(["pinned-b", "pinned-a", "match"]);
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

  it("stops at the limit", () => {
    const many = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`s-${i}`, validFrontMatter({ tags: ["gas"], publishedAt: at(i + 1) })]),
    );
    expect(related({ ...many, me: validFrontMatter({ tags: ["gas"] }) }, "me", 4)).toHaveLength(4);
  });
});
