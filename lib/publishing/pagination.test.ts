import { describe, expect, it } from "vitest";
import { pagePath } from "../paths";
import { paginate, parsePageSegment } from "./pagination";

describe("paginate", () => {
  const items = [1, 2, 3, 4, 5];
  it("slices pages and links neighbours", () => {
    expect(paginate(items, 1, 2, "/world")).toEqual({
      items: [1, 2],
      page: 1,
      totalPages: 3,
      totalItems: 5,
      prevHref: undefined,
      nextHref: "/world/page/2",
    });
    expect(paginate(items, 2, 2, "/world")).toMatchObject({ items: [3, 4], prevHref: "/world", nextHref: "/world/page/3" });
    expect(paginate(items, 3, 2, "/world")).toMatchObject({ items: [5], prevHref: "/world/page/2", nextHref: undefined });
  });
  it("has no page past the end, but always a first page", () => {
    expect(paginate(items, 4, 2, "/world")).toBeUndefined();
    expect(paginate(items, 0, 2, "/world")).toBeUndefined();
    expect(paginate([], 1, 2, "/world")).toMatchObject({ items: [], totalPages: 1 });
  });
});

describe("page URLs", () => {
  it("writes page 1 as the list itself", () => {
    expect(pagePath("/topic/russia", 1)).toBe("/topic/russia");
    expect(pagePath("/topic/russia", 4)).toBe("/topic/russia/page/4");
  });
  it("accepts only canonical numbers from 2 up", () => {
    expect(parsePageSegment("2")).toBe(2);
    expect(parsePageSegment("1")).toBeUndefined();
    expect(parsePageSegment("02")).toBeUndefined();
    expect(parsePageSegment("2.0")).toBeUndefined();
    expect(parsePageSegment("-2")).toBeUndefined();
    expect(parsePageSegment("9".repeat(40))).toBeUndefined();
  });
});
