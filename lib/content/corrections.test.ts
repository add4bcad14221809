import { describe, expect, it } from "vitest";
import { latestCorrection, loadCorpus, modifiedAt, publicCorrections } from ".";
import { corpusProblems, makeCorpus, validFrontMatter } from "../../tools/test-corpus";

/*
 * Corrections: what content:check refuses in `corrections:` (each with the
 * smallest broken corpus), how loading orders them, and what the public
 * surfaces read from them.
 */

const problemsOf = corpusProblems;

const lines = (dir: string) => problemsOf(dir).map((p) => p.line);
const withCorrections = (corrections: unknown, overrides = {}) => validFrontMatter({ corrections, ...overrides });

describe("content rule: corrections", () => {
  it("refuses a correction dated before the story's publication", () => {
    const dir = makeCorpus({
      x: withCorrections([
        { date: "2025-05-08T12:00:00Z", text: "Made the moment the story went out: allowed." },
        { date: "2025-05-08T11:59:59Z", text: "A second before publication." },
      ]),
    });
    expect(problemsOf(dir)).toEqual([{ line: "articles/x.md: corrections.1.date: must not be before publishedAt", rule: "schema" }]);
  });

  it("compares instants, not the written text: a date in another zone is converted", () => {
    // 13:30+02:00 is 11:30Z, before the 12:00Z publication.
    expect(lines(makeCorpus({ x: withCorrections([{ date: "2025-05-08T13:30:00+02:00", text: "Too early." }]) }))).toEqual([
      "articles/x.md: corrections.0.date: must not be before publishedAt",
    ]);
    expect(() => loadCorpus(makeCorpus({ x: withCorrections([{ date: "2025-05-08T14:30:00+02:00", text: "Fine." }]) }))).not.toThrow();
  });

  it("refuses an empty text, a blank one, a missing one and one of several lines", () => {
    const dir = makeCorpus({
      x: withCorrections([
        { date: "2025-05-09T08:00:00Z", text: "" },
        { date: "2025-05-09T08:00:00Z", text: "   " },
        { date: "2025-05-09T08:00:00Z" },
        { date: "2025-05-09T08:00:00Z", text: "First line\nsecond line" },
      ]),
    });
    expect(lines(dir)).toEqual([
      "articles/x.md: corrections.0.text: must not be empty",
      "articles/x.md: corrections.1.text: must not be empty",
      "articles/x.md: corrections.2.text: is required",
      "articles/x.md: corrections.3.text: must be a single line",
    ]);
  });

  it("refuses a text over 500 characters", () => {
    const dir = makeCorpus({ x: withCorrections([{ date: "2025-05-09T08:00:00Z", text: "x".repeat(501) }]) });
    expect(lines(dir)).toEqual(["articles/x.md: corrections.0.text: must be at most 500 characters"]);
    expect(() => loadCorpus(makeCorpus({ x: withCorrections([{ date: "2025-05-09T08:00:00Z", text: "x".repeat(500) }]) }))).not.toThrow();
  });

  it("refuses a date without a time zone, a missing date, and an unknown key", () => {
    const dir = makeCorpus({
      x: withCorrections([
        { date: "2025-05-09 08:00", text: "No zone." },
        { text: "No date." },
        { date: "2025-05-09T08:00:00Z", text: "A typo'd key.", note: "oops" },
      ]),
    });
    expect(lines(dir)).toEqual([
      expect.stringMatching(/^articles\/x\.md: corrections\.0\.date: must be an ISO 8601 date-time/),
      "articles/x.md: corrections.1.date: is required",
      expect.stringMatching(/^articles\/x\.md: corrections\.2: Unrecognized key: "note"/),
    ]);
  });

  it("refuses corrections that are not a list", () => {
    expect(lines(makeCorpus({ x: withCorrections("Fixed a typo.") }))).toEqual([
      expect.stringMatching(/^articles\/x\.md: corrections: /),
    ]);
  });

  it("reserves /corrections: no section may take the slug", () => {
    const sections = [
      { slug: "world", name: "World", description: "d", order: 10 },
      { slug: "corrections", name: "Corrections", description: "d", order: 20 },
    ];
    expect(lines(makeCorpus({ x: validFrontMatter() }, { sections }))).toEqual([
      "sections.yaml: 1.slug: is reserved for the site's own pages",
      // With sections.yaml refused, the article's section is unknown too.
      'articles/x.md: section: unknown section "world"',
    ]);
  });
});

describe("loaded corrections", () => {
  const corpus = loadCorpus(
    makeCorpus({
      story: withCorrections(
        [
          { date: "2025-05-10T09:00:00Z", text: "Second." },
          { date: "2025-05-09T09:00:00+02:00", text: "First." },
        ],
        { updatedAt: "2025-05-09T12:00:00Z" },
      ),
      plain: validFrontMatter({ publishedAt: "2025-05-07T12:00:00Z" }),
    }),
  );
  const story = corpus.bySlug.get("story")!;
  const plain = corpus.bySlug.get("plain")!;

  it("are kept oldest first, whatever order the editor wrote them in, as dates", () => {
    expect(story.corrections).toEqual([
      { date: new Date("2025-05-09T07:00:00Z"), text: "First." },
      { date: new Date("2025-05-10T09:00:00Z"), text: "Second." },
    ]);
    expect(latestCorrection(story)?.text).toBe("Second.");
  });

  it("default to none", () => {
    expect(plain.corrections).toEqual([]);
    expect(latestCorrection(plain)).toBeUndefined();
  });

  it("make the story's last change the latest of updatedAt and the corrections", () => {
    expect(modifiedAt(story).toISOString()).toBe("2025-05-10T09:00:00.000Z");
    // An update after the latest correction wins.
    expect(modifiedAt({ ...story, updatedAt: new Date("2025-05-11T00:00:00Z") }).toISOString()).toBe("2025-05-11T00:00:00.000Z");
    expect(modifiedAt(plain).toISOString()).toBe("2025-05-07T12:00:00.000Z");
  });
});

describe("publicCorrections", () => {
  const corpus = loadCorpus(
    makeCorpus({
      older: withCorrections([{ date: "2025-05-09T10:00:00Z", text: "Older story, newest correction." }], {
        publishedAt: "2025-05-01T08:00:00Z",
      }),
      newer: withCorrections(
        [
          { date: "2025-05-05T08:00:00Z", text: "Newer story, first correction." },
          { date: "2025-05-06T08:00:00Z", text: "Newer story, second correction." },
        ],
        { publishedAt: "2025-05-04T08:00:00Z" },
      ),
      same: withCorrections([{ date: "2025-05-06T08:00:00Z", text: "Same moment, older story." }], {
        publishedAt: "2025-05-02T08:00:00Z",
      }),
      draft: withCorrections([{ date: "2025-05-08T13:00:00Z", text: "A draft's correction." }], { status: "draft" }),
      retracted: withCorrections([{ date: "2025-05-08T14:00:00Z", text: "A retracted story's correction." }], {
        status: "retracted",
      }),
      scheduled: withCorrections([{ date: "2025-06-02T08:00:00Z", text: "A scheduled story's correction." }], {
        publishedAt: "2025-06-01T08:00:00Z",
      }),
    }),
  );
  const now = new Date("2025-05-20T00:00:00Z");
  const texts = (at: Date) => publicCorrections(at, corpus).map((e) => e.correction.text);

  it("lists every correction of the public stories, newest first; at one moment, the newer story first", () => {
    expect(texts(now)).toEqual([
      "Older story, newest correction.",
      "Newer story, second correction.",
      "Same moment, older story.",
      "Newer story, first correction.",
    ]);
  });

  it("never lists a draft's, a retracted or a scheduled story's corrections, until the story is public", () => {
    const all = texts(now).join(" ");
    for (const hidden of ["draft", "retracted", "scheduled"]) expect(all).not.toContain(hidden);
    expect(texts(new Date("2025-06-03T00:00:00Z"))[0]).toBe("A scheduled story's correction.");
  });

  it("numbers each correction as its story's box does, 1 for the oldest", () => {
    const numbers = publicCorrections(now, corpus).map((e) => `${e.article.slug}#${e.number}`);
    expect(numbers).toEqual(["older#1", "newer#2", "same#1", "newer#1"]);
  });
});
