import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_PRERENDER_LISTING_PAGES, prerenderListingPages } from "./prerender";
import { extraPages } from "./listings";
import { makeCorpus, validFrontMatter } from "../../tools/test-corpus";

const before = process.env.CONTENT_DIR;
afterEach(() => {
  if (before === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = before;
});

describe("prerendered listing pages", () => {
  it("reads PRERENDER_LISTING_PAGES as a whole number from 1 or `all`, with a default", () => {
    expect(prerenderListingPages(undefined)).toBe(DEFAULT_PRERENDER_LISTING_PAGES);
    expect(prerenderListingPages("5")).toBe(5);
    expect(prerenderListingPages("all")).toBe(Infinity);
    expect(() => prerenderListingPages("0")).toThrow(/PRERENDER_LISTING_PAGES must be a whole number from 1/);
  });

  it("lists a front's pages from 2 up to the cap; deeper ones render on demand", () => {
    // 40 public stories at 12 a page: 4 pages.
    const stories = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`s-${i}`, validFrontMatter({ publishedAt: `2025-01-${String(1 + (i % 28)).padStart(2, "0")}T00:00:00Z` })]),
    );
    process.env.CONTENT_DIR = makeCorpus(stories);
    const now = new Date("2025-06-01T00:00:00Z");
    expect(extraPages("section", "world", now, Infinity)).toEqual([2, 3, 4]);
    expect(extraPages("section", "world", now, 2)).toEqual([2]);
    expect(extraPages("section", "world", now, 1)).toEqual([]);
    expect(extraPages("section", "security", now, Infinity)).toEqual([]);
  });
});
