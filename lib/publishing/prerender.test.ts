import { describe, expect, it } from "vitest";
import { makeCorpus, validFrontMatter } from "../../tools/test-corpus";
import { articlesToPrerender, DEFAULT_PRERENDER_ARTICLES, DEFAULT_PRERENDER_FRONTS, frontsToPrerender, prerenderFronts, prerenderLimit } from "./prerender";

describe("prerendering", () => {
  it("reads PRERENDER_ARTICLES as a whole number or `all`, with a default", () => {
    expect(prerenderLimit(undefined)).toBe(DEFAULT_PRERENDER_ARTICLES);
    expect(prerenderLimit("")).toBe(DEFAULT_PRERENDER_ARTICLES);
    expect(prerenderLimit("250")).toBe(250);
    expect(prerenderLimit("0")).toBe(0);
    expect(prerenderLimit("all")).toBe(Infinity);
    expect(() => prerenderLimit("-1")).toThrow(/PRERENDER_ARTICLES must be a whole number from 0, or "all"/);
    expect(() => prerenderLimit("lots")).toThrow(/PRERENDER_ARTICLES/);
  });

  it("prerenders the newest public stories only, never drafts or scheduled ones", () => {
    const dir = makeCorpus({
        old: validFrontMatter({ publishedAt: "2025-01-01T00:00:00Z" }),
        mid: validFrontMatter({ publishedAt: "2025-02-01T00:00:00Z" }),
        draft: validFrontMatter({ publishedAt: "2025-03-01T00:00:00Z", status: "draft" }),
        recent: validFrontMatter({ publishedAt: "2025-04-01T00:00:00Z" }),
        scheduled: validFrontMatter({ publishedAt: "2099-01-01T00:00:00Z" }),
    });
    const now = new Date("2025-06-01T00:00:00Z");
    const before = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = dir;
    try {
      expect(articlesToPrerender(now, 2).map((a) => a.slug)).toEqual(["recent", "mid"]);
      expect(articlesToPrerender(now, Infinity).map((a) => a.slug)).toEqual(["recent", "mid", "old"]);
    } finally {
      if (before === undefined) delete process.env.CONTENT_DIR;
      else process.env.CONTENT_DIR = before;
    }
  });

  it("reads PRERENDER_FRONTS as a whole number or `all`, with a default", () => {
    expect(prerenderFronts(undefined)).toBe(DEFAULT_PRERENDER_FRONTS);
    expect(prerenderFronts("0")).toBe(0);
    expect(prerenderFronts("all")).toBe(Infinity);
    expect(() => prerenderFronts("1.5")).toThrow(/PRERENDER_FRONTS must be a whole number from 0, or "all"/);
  });

  it("prerenders every section, and the topics and authors with the most public stories", () => {
    const dir = makeCorpus(
      {
        a: validFrontMatter({ tags: ["quiet", "busy"], authors: ["staff"] }),
        b: validFrontMatter({ tags: ["busy", "middle"], authors: ["staff", "guest"] }),
        c: validFrontMatter({ tags: ["busy", "middle"], authors: ["staff"] }),
        // Hidden stories count for nothing: a topic only they carry is left to render when it has a public one.
        d: validFrontMatter({ tags: ["quiet", "embargoed"], authors: ["guest"], status: "draft" }),
        e: validFrontMatter({ tags: ["quiet", "embargoed"], authors: ["guest"], publishedAt: "2099-01-01T00:00:00Z" }),
      },
      {
        authors: ["staff", "guest", "idle"].map((slug) => ({ slug, name: slug, role: "Reporter", bio: "Writes." })),
      },
    );
    const now = new Date("2025-06-01T00:00:00Z");
    const before = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = dir;
    try {
      expect(frontsToPrerender("section", now, 0)).toEqual(["world", "security"]);
      expect(frontsToPrerender("topic", now, 2)).toEqual(["busy", "middle"]);
      expect(frontsToPrerender("topic", now, Infinity)).toEqual(["busy", "middle", "quiet"]);
      expect(frontsToPrerender("author", now, 1)).toEqual(["staff"]);
      expect(frontsToPrerender("author", now, Infinity)).toEqual(["staff", "guest"]);
    } finally {
      if (before === undefined) delete process.env.CONTENT_DIR;
      else process.env.CONTENT_DIR = before;
    }
  });
});
