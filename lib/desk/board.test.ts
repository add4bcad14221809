import { describe, expect, it } from "vitest";
import { loadCorpus } from "../content";
import { makeCorpus, validFrontMatter } from "../../tools/test-corpus";
import { deskBoard, storyState, timeUntil } from "./board";

const now = new Date("2025-05-10T12:00:00Z");

describe("deskBoard", () => {
  const corpus = loadCorpus(
    makeCorpus({
      "draft-a": validFrontMatter({ status: "draft", publishedAt: "2025-05-01T00:00:00Z", updatedAt: "2025-05-09T00:00:00Z" }),
      "draft-b": validFrontMatter({ status: "draft", publishedAt: "2025-05-02T00:00:00Z" }),
      "soon": validFrontMatter({ publishedAt: "2025-05-10T13:00:00Z" }),
      "later": validFrontMatter({ publishedAt: "2025-05-12T09:00:00Z" }),
      "today": validFrontMatter({ publishedAt: "2025-05-10T08:00:00Z" }),
      "yesterday": validFrontMatter({ publishedAt: "2025-05-09T08:00:00Z" }),
      "last-week": validFrontMatter({ publishedAt: "2025-05-03T08:00:00Z" }),
      "withdrawn": validFrontMatter({ status: "retracted", retractionNote: "Withdrawn.", publishedAt: "2025-05-04T08:00:00Z" }),
    }),
  );
  const slugs = (list: { stories: { slug: string }[] }) => list.stories.map((s) => s.slug);

  it("lists drafts by last change, scheduled soonest first, the last 48 hours newest first, and retracted stories", () => {
    const board = deskBoard(corpus, now);
    expect(slugs(board.drafts)).toEqual(["draft-a", "draft-b"]);
    expect(slugs(board.scheduled)).toEqual(["soon", "later"]);
    expect(slugs(board.recent)).toEqual(["today", "yesterday"]);
    expect(slugs(board.retracted)).toEqual(["withdrawn"]);
  });

  it("cuts each list to the limit and keeps its full count", () => {
    const board = deskBoard(corpus, now, 1);
    expect(board.scheduled).toMatchObject({ total: 2 });
    expect(slugs(board.scheduled)).toEqual(["soon"]);
  });

  it("names each story's state", () => {
    expect(corpus.articles.map((a) => `${a.slug}:${storyState(a, now)}`)).toContain("soon:scheduled");
    expect(corpus.articles.map((a) => `${a.slug}:${storyState(a, now)}`)).toContain("today:published");
  });
});

describe("timeUntil", () => {
  it("says how long in the two largest units", () => {
    expect(timeUntil(new Date("2025-05-12T15:30:00Z"), now)).toBe("in 2 days 3 hours");
    expect(timeUntil(new Date("2025-05-10T13:05:00Z"), now)).toBe("in 1 hour 5 minutes");
    expect(timeUntil(new Date("2025-05-10T12:00:20Z"), now)).toBe("in less than a minute");
  });
});
