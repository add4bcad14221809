import { describe, expect, it } from "vitest";
import { byteClass, matcher } from "./leak-matcher";

describe("matcher", () => {
  it("finds every needle that occurs, overlapping or nested, and no other", () => {
    const m = matcher(["power of siberia", "siberia 2", "gas", "of", "pipeline to china"]);
    expect(m.findIn("the power of siberia 2 pipeline")).toEqual([0, 1, 3]);
    expect(m.findIn("nothing here")).toEqual([]);
  });

  it("finds a needle that is a suffix of another's prefix (failure links)", () => {
    expect(matcher(["abcd", "bcx", "c"]).findIn("abcx")).toEqual([1, 2]);
    expect(matcher(["aab", "ab"]).findIn("aaab")).toEqual([0, 1]);
  });

  it("agrees with includes on random texts and needles", () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const word = (n: number) => Array.from({ length: n }, () => "abc-’"[Math.floor(rand() * 5)]).join("");
    for (let round = 0; round < 200; round++) {
      const needles = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => word(1 + Math.floor(rand() * 5)));
      const text = word(Math.floor(rand() * 60));
      const expected = needles.flatMap((n, i) => (text.includes(n) ? [i] : []));
      expect(matcher(needles).findIn(text)).toEqual(expected);
    }
  });

  it("never matches an empty needle", () => {
    expect(matcher(["", "x"]).findIn("abc")).toEqual([]);
  });

  it("finds a token needle only where it does not run on into a longer token", () => {
    const slug = byteClass(/[a-z0-9-]/);
    const m = matcher([{ text: "/world/x-mounts", token: slug }]);
    expect(m.findIn('<a href="/world/x-mounts">')).toEqual([0]);
    expect(m.findIn("server/app/world/x-mounts.html")).toEqual([0]);
    expect(m.findIn("https://example.com/world/x-mounts/og.png")).toEqual([0]);
    expect(m.findIn("/world/x-mounts")).toEqual([0]);
    // A public story whose slug has the draft's as a prefix.
    expect(m.findIn('<a href="/world/x-mounts-70065">')).toEqual([]);
    // Found at a later place when the first one runs on.
    expect(m.findIn('/world/x-mounts-2 and /world/x-mounts"')).toEqual([0]);
  });

  it("checks only the ends of a token needle that are token bytes themselves", () => {
    const words = byteClass(/[A-Za-z0-9]/);
    const m = matcher([{ text: "Morning briefing", token: words }, { text: "Why?", token: words }]);
    expect(m.findIn("<h1>Morning briefing</h1>")).toEqual([0]);
    expect(m.findIn("Morning briefings")).toEqual([]);
    expect(m.findIn("Good Morning briefing")).toEqual([0]);
    expect(m.findIn("GoodMorning briefing")).toEqual([]);
    expect(m.findIn("Ask Why?Now")).toEqual([1]);
    expect(m.findIn("Ask-Why?")).toEqual([1]);
    expect(m.findIn("AskWhy?")).toEqual([]);
  });

  it("agrees with a word-bounded regular expression on random texts and needles", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const word = (n: number) => Array.from({ length: n }, () => "ab-/ "[Math.floor(rand() * 5)]).join("");
    const token = byteClass(/[a-z-]/);
    const escape = (s: string) => s.replace(/[-/]/g, "\\$&");
    for (let round = 0; round < 300; round++) {
      const needles = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => word(1 + Math.floor(rand() * 4)));
      const text = word(Math.floor(rand() * 60));
      const expected = needles.flatMap((n, i) => {
        const before = /[a-z-]/.test(n[0]!) ? "(?<![a-z-])" : "";
        const after = /[a-z-]/.test(n.at(-1)!) ? "(?![a-z-])" : "";
        return new RegExp(before + escape(n) + after).test(text) ? [i] : [];
      });
      expect(matcher(needles.map((text) => ({ text, token }))).findIn(text)).toEqual(expected);
    }
  });
});
