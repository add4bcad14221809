import { describe, expect, it } from "vitest";
import { searchPath } from "../paths";
import { dayStart, parseSearchRequest } from "./search-params";

const SECTIONS = [
  { slug: "world", name: "World" },
  { slug: "energy", name: "Energy" },
];
const parse = (params: Record<string, string | string[] | undefined>, timeZone = "UTC") => parseSearchRequest(params, SECTIONS, timeZone);

describe("parseSearchRequest", () => {
  it("reads a full request into the index's terms and back into the same address", () => {
    const r = parse({ q: " gas  ", sort: "newest", section: "energy", from: "2025-05-01", to: "2025-05-31", page: "3" });
    expect(r).toMatchObject({
      q: "gas",
      sort: "newest",
      section: "energy",
      from: Date.parse("2025-05-01T00:00:00Z"),
      to: Date.parse("2025-06-01T00:00:00Z"),
      page: 3,
      notes: [],
    });
    expect(searchPath(r.q, r.page, r.filters)).toBe("/search?q=gas&sort=newest&section=energy&from=2025-05-01&to=2025-05-31&page=3");
  });

  it("takes empty form fields as no filter, without a note", () => {
    const r = parse({ q: "gas", sort: "relevance", section: "", from: "", to: "" });
    expect(r).toMatchObject({ sort: "relevance", section: undefined, from: undefined, to: undefined, page: 1, notes: [], filters: {} });
    expect(searchPath(r.q, r.page, r.filters)).toBe("/search?q=gas");
  });

  it("leaves out what it cannot use, and says so", () => {
    const r = parse({ q: "gas", sort: "oldest", section: "nowhere", from: "2025-02-30", to: "yesterday", page: "0" });
    expect(r).toMatchObject({ sort: "relevance", section: undefined, from: undefined, to: undefined, page: 1, filters: {} });
    expect(r.notes).toHaveLength(5);
    for (const page of ["-1", "1e309", "99999999999999999999", "NaN", "02"]) expect(parse({ q: "gas", page }).page).toBe(1);
    expect(parse({ q: "gas", page: ["2", "3"] }).page).toBe(2);
  });

  it("swaps dates given the wrong way round", () => {
    const r = parse({ q: "gas", from: "2025-05-31", to: "2025-05-01" });
    expect(r).toMatchObject({ from: Date.parse("2025-05-01T00:00:00Z"), to: Date.parse("2025-06-01T00:00:00Z"), filters: { from: "2025-05-01", to: "2025-05-31" } });
    expect(r.notes).toEqual(["The dates were the wrong way round; they have been swapped."]);
  });

  it("takes one day as the whole day", () => {
    const r = parse({ q: "gas", from: "2025-05-08", to: "2025-05-08" });
    expect([r.from, r.to]).toEqual([Date.parse("2025-05-08T00:00:00Z"), Date.parse("2025-05-09T00:00:00Z")]);
  });
});

describe("dayStart", () => {
  it("is midnight in the site's time zone, across daylight saving", () => {
    expect(dayStart("2025-01-15", "Europe/London")).toBe(Date.parse("2025-01-15T00:00:00Z"));
    expect(dayStart("2025-07-15", "Europe/London")).toBe(Date.parse("2025-07-14T23:00:00Z"));
    expect(dayStart("2025-03-30", "Europe/London", 1)).toBe(Date.parse("2025-03-30T23:00:00Z"));
    expect(dayStart("2025-05-08", "America/New_York")).toBe(Date.parse("2025-05-08T04:00:00Z"));
  });

  it("refuses what is not a calendar day", () => {
    for (const v of ["2025-13-01", "2025-02-29", "25-05-08", "2025-5-8", "0000-01-01", "2025-05-08T00:00"]) expect(dayStart(v, "UTC")).toBeUndefined();
  });
});
