import { afterEach, describe, expect, it } from "vitest";
import { correctionsPage, extraCorrectionsPages } from "./corrections";
import { makeCorpus, validFrontMatter } from "../../tools/test-corpus";

/* /corrections is paged like the fronts: `pageSize` (12) corrections a page, page 1 always there. */

const before = process.env.CONTENT_DIR;
afterEach(() => {
  if (before === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = before;
});

/** `count` public stories with one correction each, the i-th made on day i, plus a corrected draft. */
function corpusWith(count: number): string {
  const day = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString();
  const stories = Array.from({ length: count }, (_, i) => [
    `s-${i}`,
    validFrontMatter({ publishedAt: day(i), corrections: [{ date: day(i), text: `Correction ${i}` }] }),
  ]);
  const draft = validFrontMatter({ status: "draft", publishedAt: day(0), corrections: [{ date: day(999), text: "Draft correction" }] });
  return makeCorpus({ ...Object.fromEntries(stories), draft });
}

const now = new Date("2030-01-01T00:00:00Z");

describe("correctionsPage", () => {
  it("pages the public corrections newest first, linking the pages with prev and next", () => {
    process.env.CONTENT_DIR = corpusWith(30);
    const first = correctionsPage(1, now)!;
    expect(first.items.map((e) => e.correction.text)).toEqual(Array.from({ length: 12 }, (_, i) => `Correction ${29 - i}`));
    expect(first).toMatchObject({ page: 1, totalPages: 3, totalItems: 30, prevHref: undefined, nextHref: "/corrections/page/2" });
    const last = correctionsPage(3, now)!;
    expect(last.items.map((e) => e.correction.text)).toEqual(Array.from({ length: 6 }, (_, i) => `Correction ${5 - i}`));
    expect(last).toMatchObject({ prevHref: "/corrections/page/2", nextHref: undefined });
    expect(correctionsPage(4, now)).toBeUndefined();
  });

  it("has a page 1 even with no correction, and nothing past it", () => {
    process.env.CONTENT_DIR = corpusWith(0);
    expect(correctionsPage(1, now)).toMatchObject({ items: [], totalPages: 1 });
    expect(correctionsPage(2, now)).toBeUndefined();
  });
});

it("prerenders pages 2 up to the cap; deeper ones render on demand", () => {
  process.env.CONTENT_DIR = corpusWith(30);
  expect(extraCorrectionsPages(now, Infinity)).toEqual([2, 3]);
  expect(extraCorrectionsPages(now, 2)).toEqual([2]);
  expect(extraCorrectionsPages(now, 1)).toEqual([]);
  // Before any story is public, there is one page.
  expect(extraCorrectionsPages(new Date("2024-01-01T00:00:00Z"), Infinity)).toEqual([]);
});
