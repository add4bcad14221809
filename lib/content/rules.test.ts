import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ContentError, loadCorpus, type ContentProblem, type LoadOptions } from ".";
import { makeCorpus, makePublicDir, validFrontMatter, type FrontMatter } from "../../tools/test-corpus";

/*
 * Every rule `npm run content:check` enforces, each with the smallest broken
 * corpus that breaks it. A problem reads `file: field: reason`; the rule is
 * what the summary counts.
 */

type Seen = { line: string; rule: ContentProblem["rule"] };

function problemsOf(dir: string, options?: LoadOptions): Seen[] {
  try {
    loadCorpus(dir, options);
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    // Paths print relative to the working directory; show them relative to the corpus.
    const prefix = path.relative(process.cwd(), dir) + path.sep;
    return err.problems.map((p) => ({
      line: `${path.relative(dir, path.resolve(p.file))}: ${p.field}: ${p.message.replaceAll(prefix, "")}`,
      rule: p.rule,
    }));
  }
  throw new Error("expected the corpus to be rejected");
}

/** For articles written as whole files, whose tags makeCorpus cannot see. */
const topics = [{ slug: "russia", name: "Russia" }];
const lines = (seen: Seen[]) => seen.map((s) => s.line);
const article = (overrides: FrontMatter = {}) => validFrontMatter(overrides);
const image = (overrides: Record<string, unknown>) => ({ ...(validFrontMatter().image as object), ...overrides });

describe("content rule: schema", () => {
  it("names a missing required field", () => {
    const { title, ...rest } = article();
    void title;
    expect(problemsOf(makeCorpus({ x: rest }))).toEqual([{ line: "articles/x.md: title: is required", rule: "schema" }]);
  });

  it("rejects a date without a time zone", () => {
    expect(lines(problemsOf(makeCorpus({ x: article({ publishedAt: "2025-05-08 12:00" }) })))).toEqual([
      expect.stringMatching(/^articles\/x\.md: publishedAt: must be an ISO 8601 date-time/),
    ]);
  });

  it("rejects a file name that is not a slug", () => {
    expect(lines(problemsOf(makeCorpus({ Bad_Name: article() })))).toEqual([
      "articles/Bad_Name.md: (file name): slug must be lower-case letters, digits and single hyphens",
    ]);
  });

  it("requires a whole-number order on every section", () => {
    const seen = problemsOf(
      makeCorpus(
        { x: article() },
        {
          sections: [
            { slug: "world", name: "World", description: "World news" },
            { slug: "security", name: "Security", description: "Security news", order: 1.5 },
          ],
        },
      ),
    );
    expect(seen).toEqual([
      { line: "sections.yaml: 0.order: is required", rule: "schema" },
      { line: "sections.yaml: 1.order: must be a whole number", rule: "schema" },
      // With sections.yaml unreadable, the article's section is unknown too.
      { line: 'articles/x.md: section: unknown section "world"', rule: "reference" },
    ]);
  });

  it("keeps an author's bio short", () => {
    const authors = [{ slug: "staff", name: "Staff", role: "Newsroom", bio: "word ".repeat(80).trim() }];
    expect(lines(problemsOf(makeCorpus({ x: article() }, { authors })))).toContain(
      "authors.yaml: 0.bio: must be at most 300 characters (a short bio)",
    );
  });
});

describe("content rule: reference", () => {
  it("names an unknown section, author and topic", () => {
    const dir = makeCorpus({ x: article({ section: "sport", authors: ["ghost"], tags: ["russia", "mars"] }) }, {
      topics: [{ slug: "russia", name: "Russia" }],
    });
    expect(problemsOf(dir)).toEqual([
      { line: 'articles/x.md: section: unknown section "sport"', rule: "reference" },
      { line: 'articles/x.md: authors.0: unknown author "ghost"', rule: "reference" },
      { line: 'articles/x.md: tags.1: unknown topic "mars" (add it to topics.yaml)', rule: "reference" },
    ]);
  });

  it("names a pinned related story that does not exist", () => {
    expect(problemsOf(makeCorpus({ x: article({ related: ["no-such-story"] }) }))).toEqual([
      { line: 'articles/x.md: related.0: unknown article "no-such-story"', rule: "reference" },
    ]);
  });

  it("points a pin by an old slug at the story's current slug", () => {
    expect(
      lines(problemsOf(makeCorpus({ x: article({ related: ["old-y"] }), y: article({ aliases: ["old-y"] }) }))),
    ).toEqual(['articles/x.md: related.0: "old-y" is an old slug of "y": pin that instead']);
  });

  it("rejects a story pinning itself", () => {
    expect(lines(problemsOf(makeCorpus({ x: article({ related: ["x"] }) })))).toEqual([
      "articles/x.md: related.0: a story cannot pin itself",
    ]);
  });

  it("accepts a pin of a draft (it shows once published)", () => {
    expect(() =>
      loadCorpus(makeCorpus({ x: article({ related: ["y"] }), y: article({ status: "draft" }) })),
    ).not.toThrow();
  });

  it("names an alias under an unknown section", () => {
    expect(lines(problemsOf(makeCorpus({ x: article({ aliases: ["sport/old-x"] }) })))).toEqual([
      'articles/x.md: aliases.0: unknown section "sport" in alias "sport/old-x"',
    ]);
  });
});

describe("content rule: duplicate", () => {
  it("rejects one slug in two sub-folders, naming both files", () => {
    const seen = problemsOf(makeCorpus({ "2024/same": article(), "2025/same": article(), other: article() }));
    expect(seen).toEqual([
      { line: 'articles/2024/same.md: (file name): duplicate slug "same" (also articles/2025/same.md)', rule: "duplicate" },
      { line: 'articles/2025/same.md: (file name): duplicate slug "same" (also articles/2024/same.md)', rule: "duplicate" },
    ]);
  });

  it("rejects two sections with one slug or one order", () => {
    const sections = [
      { slug: "world", name: "World", description: "d", order: 10 },
      { slug: "world", name: "World again", description: "d", order: 20 },
      { slug: "security", name: "Security", description: "d", order: 10 },
    ];
    expect(problemsOf(makeCorpus({ x: article() }, { sections }))).toEqual([
      { line: 'sections.yaml: 1.slug: duplicate section slug "world" (also entry 0)', rule: "duplicate" },
      { line: "sections.yaml: 2.order: duplicate section order 10 (also entry 0)", rule: "duplicate" },
    ]);
  });

  it("rejects two authors or two topics with one slug", () => {
    const authors = [
      { slug: "staff", name: "Staff", role: "Newsroom", bio: "b" },
      { slug: "staff", name: "Staff 2", role: "Newsroom", bio: "b" },
    ];
    const topics = [
      { slug: "russia", name: "Russia" },
      { slug: "russia", name: "Russia again" },
    ];
    expect(lines(problemsOf(makeCorpus({ x: article() }, { authors, topics })))).toEqual([
      'authors.yaml: 1.slug: duplicate author slug "staff" (also entry 0)',
      'topics.yaml: 1.slug: duplicate topic slug "russia" (also entry 0)',
    ]);
  });
});

describe("content rule: alias", () => {
  it("rejects an alias that is another story's slug", () => {
    expect(problemsOf(makeCorpus({ x: article({ aliases: ["y"] }), y: article() }))).toEqual([
      { line: 'articles/x.md: aliases.0: "y" is the slug of articles/y.md', rule: "alias" },
    ]);
  });

  it("rejects an alias that is the story's own slug, also under a section", () => {
    expect(lines(problemsOf(makeCorpus({ x: article({ aliases: ["world/x"] }) })))).toEqual([
      'articles/x.md: aliases.0: "world/x" is this story\'s own slug',
    ]);
  });

  it("rejects one alias on two stories, telling each about the other", () => {
    const seen = lines(problemsOf(makeCorpus({ x: article({ aliases: ["old"] }), y: article({ aliases: ["world/old"] }) })));
    expect(seen).toEqual([
      'articles/x.md: aliases.0: "old" is also an alias in articles/y.md',
      'articles/y.md: aliases.0: "world/old" is also an alias in articles/x.md',
    ]);
  });

  it("rejects an alias listed twice on one story", () => {
    expect(lines(problemsOf(makeCorpus({ x: article({ aliases: ["old", "old"] }) })))).toEqual([
      `articles/x.md: aliases.0: "old" is also an alias in this story's aliases.1`,
      `articles/x.md: aliases.1: "old" is also an alias in this story's aliases.0`,
    ]);
  });

  it("indexes a valid alias to its story", () => {
    const corpus = loadCorpus(makeCorpus({ x: article({ aliases: ["old-x", "security/older-x"] }) }));
    expect(corpus.byAlias.get("old-x")?.slug).toBe("x");
    expect(corpus.byAlias.get("older-x")?.slug).toBe("x");
  });
});

describe("content rule: image", () => {
  let publicDir: string;
  beforeAll(async () => {
    publicDir = await makePublicDir({ "narrow.jpg": { width: 1199, height: 800 }, "wide.jpg": { width: 1200, height: 800 } });
  });

  it("rejects a hero image file that does not exist", () => {
    const seen = problemsOf(makeCorpus({ x: article({ image: image({ src: "/images/missing.jpg" }) }) }));
    expect(seen).toEqual([
      { line: "articles/x.md: image.src: image file not found: public/images/missing.jpg", rule: "image" },
    ]);
  });

  it("rejects a hero image narrower than 1200 px and accepts 1200 px", () => {
    const dir = makeCorpus({
      x: article({ image: image({ src: "/images/narrow.jpg" }) }),
      y: article({ image: image({ src: "/images/wide.jpg" }) }),
    });
    expect(problemsOf(dir, { publicDir })).toEqual([
      { line: "articles/x.md: image.src: hero image is 1199 px wide; it must be at least 1200 px", rule: "image" },
    ]);
  });

  it("requires alt text and a credit", () => {
    const { alt, credit, ...rest } = image({});
    void alt;
    void credit;
    expect(problemsOf(makeCorpus({ x: article({ image: rest }), y: article({ image: image({ credit: " " }) }) }))).toEqual([
      { line: "articles/x.md: image.alt: is required", rule: "image" },
      { line: "articles/x.md: image.credit: is required", rule: "image" },
      { line: "articles/y.md: image.credit: must not be empty", rule: "image" },
    ]);
  });

  it("rejects an author avatar that does not exist", () => {
    const authors = [{ slug: "staff", name: "Staff", role: "Newsroom", bio: "b", avatar: "/images/nobody.jpg" }];
    expect(problemsOf(makeCorpus({ x: article() }, { authors }))).toEqual([
      { line: expect.stringMatching(/^authors\.yaml: 0\.avatar: image file not found/), rule: "image" },
    ]);
  });
});

describe("content rule: placeholder", () => {
  const stubbed = {
    title: "TODO: headline",
    standfirst: "TODO: one sentence",
    image: { src: "/images/placeholder.jpg", alt: "TODO: alt", caption: "TODO: caption", credit: "TODO: credit" },
  };

  it("lets a draft keep the content:new stubs", () => {
    const dir = makeCorpus({ x: `---\n${JSON.stringify(article({ ...stubbed, status: "draft" }))}\n---\n\nTODO: write the story.\n` }, { topics });
    expect(() => loadCorpus(dir)).not.toThrow();
  });

  it("refuses to publish a story still carrying them, naming each field", () => {
    const dir = makeCorpus({ x: `---\n${JSON.stringify(article(stubbed))}\n---\n\nTODO: write the story.\n` }, { topics });
    expect(lines(problemsOf(dir))).toEqual(
      ["title", "standfirst", "image.alt", "image.caption", "image.credit", "body", "image.src"].map(
        (field) => `articles/x.md: ${field}: still the content:new placeholder; replace it before publishing`,
      ),
    );
  });
});

describe("content model", () => {
  it("orders sections by their order field, not their place in the file", () => {
    const sections = [
      { slug: "world", name: "World", description: "d", order: 20 },
      { slug: "security", name: "Security", description: "d", order: 10 },
    ];
    expect(loadCorpus(makeCorpus({ x: article() }, { sections })).sections.map((s) => s.slug)).toEqual(["security", "world"]);
  });

  it("reads articles from sub-folders; the file name stays the slug", () => {
    const corpus = loadCorpus(makeCorpus({ "2025/05/deep-story": article() }));
    expect(corpus.bySlug.get("deep-story")?.path).toBe("/world/deep-story");
  });

  it("computes reading time from the body at 230 words a minute, at least one minute", () => {
    const body = (words: number) => `---\n${JSON.stringify(article())}\n---\n\n${"word ".repeat(words)}\n`;
    const corpus = loadCorpus(makeCorpus({ short: body(10), long: body(1150) }, { topics }));
    expect(corpus.bySlug.get("short")?.readingMinutes).toBe(1);
    expect(corpus.bySlug.get("long")?.readingMinutes).toBe(5);
  });
});
