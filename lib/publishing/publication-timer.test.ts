import { describe, expect, it } from "vitest";
import { loadCorpus } from "../content";
import { nextPublication } from "./publication-timer";
import { makeCorpus, validFrontMatter } from "../../tools/test-corpus";

describe("nextPublication", () => {
  const corpus = loadCorpus(
    makeCorpus({
      past: validFrontMatter({ publishedAt: "2025-01-01T00:00:00Z" }),
      soon: validFrontMatter({ publishedAt: "2025-06-02T08:00:00Z" }),
      later: validFrontMatter({ publishedAt: "2025-07-01T00:00:00Z" }),
      "draft-sooner": validFrontMatter({ publishedAt: "2025-06-01T12:00:00Z", status: "draft" }),
    }),
  );
  it("is the earliest later publication of a published story; drafts do not count", () => {
    expect(nextPublication(corpus, new Date("2025-06-01T00:00:00Z"))?.toISOString()).toBe("2025-06-02T08:00:00.000Z");
  });
  it("moves on once a story is public, and is undefined when nothing is scheduled", () => {
    expect(nextPublication(corpus, new Date("2025-06-02T08:00:00Z"))?.toISOString()).toBe("2025-07-01T00:00:00.000Z");
    expect(nextPublication(corpus, new Date("2025-07-01T00:00:00Z"))).toBeUndefined();
  });
});
