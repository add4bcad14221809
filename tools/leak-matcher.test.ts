import { describe, expect, it } from "vitest";
import { matcher } from "./leak-matcher";

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
});
