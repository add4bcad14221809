import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, loadCorpus } from "../lib/content";
import { makeCorpus, validFrontMatter } from "./test-corpus";
import { createArticle, NewArticleError } from "./new-article";

const NOW = new Date("2025-06-01T09:30:45.123Z");

describe("content:new", () => {
  it("creates a draft named after the headline that passes content checking", () => {
    const dir = makeCorpus({ existing: validFrontMatter({ tags: ["russia"] }) });
    const file = createArticle({ dir, headline: "Café & Crude: Venezuela’s Oil Comes Back", tags: ["russia"], now: NOW });
    expect(path.relative(dir, file)).toBe("articles/cafe-and-crude-venezuelas-oil-comes-back.md");
    const draft = loadCorpus(dir).bySlug.get("cafe-and-crude-venezuelas-oil-comes-back");
    expect(draft).toMatchObject({
      title: "Café & Crude: Venezuela’s Oil Comes Back",
      status: "draft",
      section: { slug: "world" },
      authors: [{ slug: "staff" }],
      tags: [{ slug: "russia" }],
      image: { src: "/images/placeholder.jpg" },
    });
    expect(draft?.publishedAt.toISOString()).toBe("2025-06-01T09:30:00.000Z");
  });

  it("cannot be published until every stub is replaced", () => {
    const dir = makeCorpus({});
    const file = createArticle({ dir, headline: "A story", now: NOW });
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("status: draft", "status: published"));
    try {
      loadCorpus(dir);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ContentError);
      const problems = (err as ContentError).problems;
      expect(problems.every((p) => p.rule === "placeholder")).toBe(true);
      expect(problems.map((p) => p.field).sort()).toEqual(
        ["body", "image.alt", "image.caption", "image.credit", "image.src", "standfirst"].sort(),
      );
    }
  });

  it("refuses a slug already used in any folder or as an old slug", () => {
    const dir = makeCorpus({ "2024/taken": validFrontMatter(), other: validFrontMatter({ aliases: ["old-story"] }) });
    expect(() => createArticle({ dir, headline: "Taken", now: NOW })).toThrow(/slug "taken" is taken .*2024\/taken\.md/);
    expect(() => createArticle({ dir, headline: "Old Story", now: NOW })).toThrow(/slug "old-story" is taken \(an old slug of/);
    expect(createArticle({ dir, headline: "Taken", slug: "taken-again", now: NOW })).toMatch(/taken-again\.md$/);
  });

  it("refuses unknown sections, authors and topics, and headlines without a slug", () => {
    const dir = makeCorpus({});
    expect(() => createArticle({ dir, headline: "X", section: "sport", authors: ["ghost"], tags: ["mars"], now: NOW })).toThrow(
      'unknown section "sport", author "ghost", topic "mars"',
    );
    expect(() => createArticle({ dir, headline: "Путин и Си", now: NOW })).toThrow(NewArticleError);
    expect(() => createArticle({ dir, headline: "x".repeat(141), slug: "long", now: NOW })).toThrow(/title: must be at most 140/);
  });
});
