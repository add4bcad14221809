import { describe, expect, it } from "vitest";
import { articleBody, isLive, loadCorpus, visibleUpdates } from ".";
import { articleFile, corpusProblems, makeCorpus, validFrontMatter, type FrontMatter } from "../../tools/test-corpus";
import { splitLiveBody } from "./live";

/*
 * Live stories: how a body splits into intro and updates (mdast, not lines),
 * every content rule on coverage dates and update headings, each with the
 * smallest broken corpus that breaks it, and which updates the public sees.
 */

const topics = [{ slug: "russia", name: "Russia" }];

/** A whole article file: front matter (a live story unless `live: undefined`) and a body. */
const liveFile = (body: string, overrides: FrontMatter = {}) =>
  articleFile(validFrontMatter({ publishedAt: "2025-05-09T12:00:00Z", live: { start: "2025-05-09T12:00:00Z" }, ...overrides }), body);

const problemsOf = corpusProblems;

const BODY = `Boats from six harbours race across the bay.

### How the race works

Three laps.

## 2025-05-09T12:05:00Z The first boats leave

The starting gun fired at **noon**.

### A heading inside an update

More text.

## 2025-05-09T14:30:00+02:00 Storm Petrel takes the lead [key]

A [link](https://example.com) and a list:

- one
- two

## 2099-01-01T00:00:00Z The winner, announced later

Not yet.
`;

describe("splitLiveBody", () => {
  const { intro, updates } = splitLiveBody(BODY);

  it("keeps the text before the first ## heading as the intro, ### headings included", () => {
    expect(intro).toBe("Boats from six harbours race across the bay.\n\n### How the race works\n\nThree laps.");
  });

  it("makes each ## heading an update running to the next one, in the order written", () => {
    expect(updates.map((u) => [u.timeText, u.title, u.key])).toEqual([
      ["2025-05-09T12:05:00Z", "The first boats leave", false],
      ["2025-05-09T14:30:00+02:00", "Storm Petrel takes the lead", true],
      ["2099-01-01T00:00:00Z", "The winner, announced later", false],
    ]);
    expect(updates[0]!.body).toBe("The starting gun fired at **noon**.\n\n### A heading inside an update\n\nMore text.");
    expect(updates[1]!.body).toBe("A [link](https://example.com) and a list:\n\n- one\n- two");
  });

  it("gives each update its text as a reader sees it and the line of its heading", () => {
    expect(updates[0]!.text).toBe("The starting gun fired at noon. A heading inside an update More text.");
    expect(updates[1]!.text).toBe("A link and a list: one two");
    expect(updates.map((u) => u.line)).toEqual([7, 15, 22]);
  });

  it("reads Markdown, not lines: a ## inside a code block or a quoted line starts no update", () => {
    const split = splitLiveBody("Intro.\n\n```\n## 2025-05-09T12:05:00Z not a heading\n```\n\n> ## 2025-05-09T12:06:00Z quoted\n");
    expect(split.updates).toEqual([]);
    expect(split.intro).toContain("## 2025-05-09T12:05:00Z not a heading");
  });

  it("reads a setext heading (text underlined with ---) as an update too, and a body with no update as all intro", () => {
    expect(splitLiveBody("Intro.\n\n2025-05-09T12:05:00Z Underlined\n---\n\nText.").updates.map((u) => u.title)).toEqual(["Underlined"]);
    expect(splitLiveBody("Only an intro.")).toEqual({ intro: "Only an intro.", updates: [] });
  });
});

describe("loading a live story", () => {
  const corpus = loadCorpus(makeCorpus({ story: liveFile(BODY, { live: { start: "2025-05-09T12:00:00Z", end: "2025-05-09T18:00:00Z" } }) }, { topics }));
  const story = corpus.bySlug.get("story")!;

  it("keeps the intro as the body and the updates newest first, with anchors from their times", () => {
    expect(articleBody(story)).toBe("Boats from six harbours race across the bay.\n\n### How the race works\n\nThree laps.");
    expect(story.live?.start.toISOString()).toBe("2025-05-09T12:00:00.000Z");
    expect(story.live?.end?.toISOString()).toBe("2025-05-09T18:00:00.000Z");
    expect(story.live?.updates.map((u) => [u.id, u.time.toISOString(), u.key])).toEqual([
      ["update-20990101t000000z", "2099-01-01T00:00:00.000Z", false],
      ["update-20250509t123000z", "2025-05-09T12:30:00.000Z", true],
      ["update-20250509t120500z", "2025-05-09T12:05:00.000Z", false],
    ]);
  });

  it("leaves a story without `live` as it was: its ## headings are headings", () => {
    const plain = loadCorpus(makeCorpus({ plain: liveFile(BODY, { live: undefined }) }, { topics })).bySlug.get("plain")!;
    expect(plain.live).toBeUndefined();
    expect(articleBody(plain)).toBe(BODY.trim());
  });
});

describe("content rule: live", () => {
  const rejects = (body: string, overrides: FrontMatter = {}) => problemsOf(makeCorpus({ x: liveFile(body, overrides) }, { topics }));

  it("wants coverage to start no earlier than the story is published", () => {
    expect(rejects("Intro.", { live: { start: "2025-05-09T11:59:59Z" } })).toEqual([
      { line: "articles/x.md: live.start: must not be before publishedAt (2025-05-09T12:00:00Z)", rule: "live" },
    ]);
  });

  it("wants coverage to end after it starts", () => {
    for (const end of ["2025-05-09T12:00:00Z", "2025-05-09T11:00:00Z"]) {
      expect(rejects("Intro.", { live: { start: "2025-05-09T12:00:00Z", end } })).toEqual([
        { line: "articles/x.md: live.end: must be after live.start (2025-05-09T12:00:00Z)", rule: "live" },
      ]);
    }
  });

  it("checks the coverage dates' format and fields with the schema", () => {
    expect(rejects("Intro.", { live: { start: "9 May 2025" } }).map((p) => p.line)).toEqual([
      expect.stringMatching(/^articles\/x\.md: live\.start: must be an ISO 8601 date-time/),
    ]);
    expect(rejects("Intro.", { live: { end: "2025-05-09T18:00:00Z" } }).map((p) => p.line)).toEqual(["articles/x.md: live.start: is required"]);
    expect(rejects("Intro.", { live: { start: "2025-05-09T12:00:00Z", until: "2025-05-09T18:00:00Z" } }).map((p) => p.line)).toEqual([
      expect.stringMatching(/^articles\/x\.md: live: Unrecognized key: "until"/),
    ]);
  });

  it("names the file's line of an update heading without a time, or with a time lacking a zone", () => {
    // The front matter takes the file's first lines; the body's first line is the file's line 20.
    const lines = rejects("Intro.\n\n## Latest news\n\nText.\n\n## 2025-05-09 14:05 Xi arrives\n\nText.").map((p) => p.line);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^articles\/x\.md: body line (\d+): update "## Latest news": in a live story every ## heading starts an update with its time, an ISO 8601 date-time with a time zone, e\.g\. ## 2025-05-09T14:05:00Z Xi arrives at Vnukovo \(use ### for a heading inside the text\)$/);
    expect(lines[1]).toMatch(/^articles\/x\.md: body line \d+: update "## 2025-05-09 14:05 Xi arrives": in a live story every ## heading/);
    const [first, second] = lines.map((l) => Number(/body line (\d+)/.exec(l)![1]));
    expect(second! - first!).toBe(4);
    const file = liveFile("Intro.\n\n## Latest news\n\nText.").split("\n");
    expect(file[first! - 1]).toBe("## Latest news");
  });

  it("wants a headline after the time", () => {
    expect(rejects("## 2025-05-09T12:05:00Z\n\nText.").map((p) => p.line)).toEqual([
      expect.stringMatching(/: update "## 2025-05-09T12:05:00Z": needs a headline after its time$/),
    ]);
  });

  it("refuses an update before the story's publication, and one before the coverage starts", () => {
    const before = rejects("## 2025-05-09T11:00:00Z Too early\n\nText.", { live: { start: "2025-05-09T12:00:00Z" } });
    expect(before.map((p) => p.line)).toEqual([
      expect.stringMatching(/: update "## 2025-05-09T11:00:00Z Too early": is before the story's publishedAt \(2025-05-09T12:00:00Z\)$/),
    ]);
    const beforeStart = rejects("## 2025-05-09T12:30:00Z Before the start\n\nText.", { live: { start: "2025-05-09T13:00:00Z" } });
    expect(beforeStart).toEqual([
      { line: expect.stringMatching(/: update "## 2025-05-09T12:30:00Z Before the start": is before live\.start \(2025-05-09T13:00:00Z\)$/), rule: "live" },
    ]);
  });

  it("refuses two updates in the same second, which would share an anchor, naming the first one's line", () => {
    const seen = rejects("## 2025-05-09T12:05:00Z One\n\nA.\n\n## 2025-05-09T14:05:00.400+02:00 Two\n\nB.");
    expect(seen.map((p) => p.line)).toEqual([
      expect.stringMatching(/: update "## 2025-05-09T14:05:00\.400\+02:00 Two": has the same time, to the second, as the update on line \d+$/),
    ]);
  });

  it("reports every broken update at once, and none of a non-live story's headings", () => {
    expect(rejects("## Nope\n\n## 2025-05-09T11:00:00Z Early\n\n## 2025-05-09T12:05:00Z\n")).toHaveLength(3);
    expect(() => loadCorpus(makeCorpus({ x: liveFile("## Nope\n\nText.", { live: undefined }) }, { topics }))).not.toThrow();
  });
});

describe("isLive and visibleUpdates", () => {
  const story = loadCorpus(makeCorpus({ story: liveFile(BODY) }, { topics })).bySlug.get("story")!;
  const at = (iso: string) => new Date(iso);

  it("shows only the updates whose time has come, newest first, to the millisecond", () => {
    expect(visibleUpdates(story, at("2025-05-09T12:04:59.999Z"))).toEqual([]);
    expect(visibleUpdates(story, at("2025-05-09T12:05:00Z")).map((u) => u.title)).toEqual(["The first boats leave"]);
    expect(visibleUpdates(story, at("2026-01-01T00:00:00Z")).map((u) => u.title)).toEqual(["Storm Petrel takes the lead", "The first boats leave"]);
    expect(visibleUpdates(story, at("2099-01-01T00:00:00Z"))).toHaveLength(3);
    expect(visibleUpdates({ live: undefined }, at("2099-01-01T00:00:00Z"))).toEqual([]);
  });

  it("is live from the start, for ever while open, until the end when one is set", () => {
    const live = { start: at("2025-05-09T12:00:00Z"), end: undefined as Date | undefined };
    expect(isLive({ live }, at("2025-05-09T11:59:59.999Z"))).toBe(false);
    expect(isLive({ live }, at("2025-05-09T12:00:00Z"))).toBe(true);
    expect(isLive({ live }, at("2099-01-01T00:00:00Z"))).toBe(true);
    live.end = at("2025-05-09T18:00:00Z");
    expect(isLive({ live }, at("2025-05-09T17:59:59.999Z"))).toBe(true);
    expect(isLive({ live }, at("2025-05-09T18:00:00Z"))).toBe(false);
    expect(isLive({}, at("2025-05-09T13:00:00Z"))).toBe(false);
  });
});
