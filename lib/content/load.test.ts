import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, articleBody, loadCorpus } from ".";
import { makeCorpus, validFrontMatter } from "../../tools/test-corpus";

function problemsOf(dir: string): string[] {
  try {
    loadCorpus(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(ContentError);
    return (err as ContentError).problems.map((p) => `${path.basename(p.file)}: ${p.field}: ${p.message}`);
  }
  throw new Error("expected the corpus to be rejected");
}

describe("loadCorpus", () => {
  it("loads the shipped content with the seed article as the original page shows it", () => {
    const corpus = loadCorpus(path.resolve("content"));
    const seed = corpus.bySlug.get("russia-and-china-agree-to-accelerate-construction-of-power-of-siberia-2");
    expect(seed?.path).toBe("/world/russia-and-china-agree-to-accelerate-construction-of-power-of-siberia-2");
    expect(seed?.image).toMatchObject({
      alt: "General Secretary of the Chinese Communist Party Xi Jinping and President of Russia Vladimir Putin",
      credit: "Presidential Executive Office of Russia",
      width: 2400,
      height: 1600,
    });
    expect(seed?.publishedAt.toISOString()).toBe("2025-05-08T12:00:00.000Z");
    expect(seed?.authors.map((a) => a.name)).toEqual(["Inter Bellum News staff"]);
    expect(articleBody(seed!)).toContain("pricing disputes");
    expect(articleBody(seed!)).not.toContain("kazadisputes");
    expect(corpus.site).toMatchObject({ name: "Inter Bellum News", domain: "interbellumnews.com", origin: "https://interbellumnews.com" });
  });

  it("derives the slug from the file name, orders newest first and indexes by section, tag and author", () => {
    const corpus = loadCorpus(
      makeCorpus({
        older: validFrontMatter({ publishedAt: "2025-01-01T00:00:00Z", tags: ["a", "b"] }),
        newer: validFrontMatter({ publishedAt: "2025-02-01T00:00:00Z", section: "security", tags: ["b"] }),
      }),
    );
    expect(corpus.articles.map((a) => a.slug)).toEqual(["newer", "older"]);
    expect(corpus.bySection.get("world")?.map((a) => a.slug)).toEqual(["older"]);
    expect(corpus.byTag.get("b")?.map((a) => a.slug)).toEqual(["newer", "older"]);
    expect(corpus.byAuthor.get("staff")?.length).toBe(2);
    expect(corpus.bySlug.get("newer")?.path).toBe("/security/newer");
  });

  it("names the file and every bad field, all at once", () => {
    const { image, ...noImage } = validFrontMatter();
    void image;
    const problems = problemsOf(
      makeCorpus({
        good: validFrontMatter(),
        "bad-one": { ...noImage, title: "", publishedAt: "yesterday", section: "sport" },
        "bad-two": validFrontMatter({ status: "maybe", image: { src: "/images/putin-xi-moscow.jpg", alt: "", caption: "c", credit: "c" } }),
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "bad-one.md: title: must not be empty",
        expect.stringMatching(/^bad-one\.md: publishedAt: must be an ISO 8601 date-time/),
        expect.stringMatching(/^bad-one\.md: image: /),
        'bad-one.md: section: unknown section "sport"',
        expect.stringMatching(/^bad-two\.md: status: /),
        "bad-two.md: image.alt: must not be empty",
      ]),
    );
    expect(problems.some((p) => p.startsWith("good.md"))).toBe(false);
  });

  it("reports the message as `file: field: reason` lines", () => {
    const dir = makeCorpus({ broken: validFrontMatter({ section: "nowhere" }) });
    expect(() => loadCorpus(dir)).toThrow(/articles\/broken\.md: section: unknown section "nowhere"/);
  });

  it("rejects unknown sections and authors, missing images and unparseable front matter", () => {
    const problems = problemsOf(
      makeCorpus({
        "no-section": validFrontMatter({ section: "sport" }),
        "no-author": validFrontMatter({ authors: ["staff", "ghost"] }),
        "no-image": validFrontMatter({ image: { src: "/images/missing.jpg", alt: "a", caption: "c", credit: "c" } }),
        "bad-yaml": "---\ntitle: [unclosed\n---\nBody\n",
        "empty-body": `---\n${"title: T\nstandfirst: S\nsection: world\nauthors: [staff]\npublishedAt: 2025-05-08T12:00:00Z\nstatus: published\nimage: {src: /images/putin-xi-moscow.jpg, alt: a, caption: c, credit: c}"}\n---\n`,
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'no-section.md: section: unknown section "sport"',
        'no-author.md: authors.1: unknown author "ghost"',
        expect.stringMatching(/^no-image\.md: image\.src: image file not found/),
        expect.stringMatching(/^bad-yaml\.md: \(front matter\): /),
        "empty-body.md: body: must not be empty",
      ]),
    );
  });

  it("rejects a topic missing from topics.yaml", () => {
    const dir = makeCorpus({ x: validFrontMatter({ tags: ["russia"] }) });
    fs.writeFileSync(path.join(dir, "topics.yaml"), "- slug: china\n  name: China\n");
    expect(problemsOf(dir)).toEqual(['x.md: tags.0: unknown topic "russia" (add it to topics.yaml)']);
  });

  it("rejects unknown front matter keys, so a typo cannot silently drop a field", () => {
    expect(problemsOf(makeCorpus({ typo: validFrontMatter({ standfrist: "oops" }) }))).toEqual([
      expect.stringMatching(/^typo\.md: \(file\): Unrecognized key/),
    ]);
  });

  it("rejects an update dated before publication", () => {
    expect(problemsOf(makeCorpus({ x: validFrontMatter({ updatedAt: "2020-01-01T00:00:00Z" }) }))).toEqual([
      "x.md: updatedAt: must not be before publishedAt",
    ]);
  });

  it("turns aliases into paths: an old slug in the story's section, an old section/slug whole", () => {
    const corpus = loadCorpus(makeCorpus({ story: validFrontMatter({ aliases: ["old-slug", "security/older-slug"] }) }));
    expect(corpus.bySlug.get("story")?.aliases).toEqual(["/world/old-slug", "/security/older-slug"]);
  });

  it("rejects an alias that is another story's address or the story's own", () => {
    expect(
      problemsOf(
        makeCorpus({
          first: validFrontMatter({ publishedAt: "2025-01-01T00:00:00Z", aliases: ["second", "first"] }),
          second: validFrontMatter({ publishedAt: "2025-02-01T00:00:00Z", aliases: ["old"] }),
          third: validFrontMatter({ publishedAt: "2025-03-01T00:00:00Z", aliases: ["world/old"] }),
        }),
      ),
    ).toEqual([
      expect.stringMatching(/^first\.md: aliases\.0: "second" is the slug of .*articles\/second\.md$/),
      'first.md: aliases.1: "first" is this story\'s own slug',
      expect.stringMatching(/^second\.md: aliases\.0: "old" is also an alias in .*articles\/third\.md$/),
      expect.stringMatching(/^third\.md: aliases\.0: "world\/old" is also an alias in .*articles\/second\.md$/),
    ]);
  });

  it("accepts a retracted story with its public note, and a note only on a retracted story", () => {
    const corpus = loadCorpus(
      makeCorpus({ gone: validFrontMatter({ status: "retracted", retractionNote: "We got it wrong." }) }),
    );
    expect(corpus.bySlug.get("gone")).toMatchObject({ status: "retracted", retractionNote: "We got it wrong." });
    expect(problemsOf(makeCorpus({ x: validFrontMatter({ retractionNote: "Too early." }) }))).toEqual([
      "x.md: retractionNote: only a retracted story has a retraction note",
    ]);
  });

  it("reads an author's byline type, a person unless it says organization", () => {
    const dir = makeCorpus({ x: validFrontMatter() });
    fs.writeFileSync(
      path.join(dir, "authors.yaml"),
      "- {slug: staff, name: Staff, role: Desk, bio: The desk., type: organization}\n- {slug: jane, name: Jane, role: Reporter, bio: Reports.}\n",
    );
    expect(loadCorpus(dir).authors.map((a) => a.type)).toEqual(["organization", "person"]);
  });
});
