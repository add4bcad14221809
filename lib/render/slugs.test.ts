import { describe, expect, it } from "vitest";
import { slugify } from "./slugs";

describe("slugify", () => {
  it("gives the shipped articles' slugs from their headlines", () => {
    expect(slugify("Russia and China Agree to Accelerate Construction of Power of Siberia 2")).toBe(
      "russia-and-china-agree-to-accelerate-construction-of-power-of-siberia-2",
    );
    expect(slugify("Xi Jinping Backs Russia Against Western ‘Bullying’ at Moscow WWII Event")).toBe(
      "xi-jinping-backs-russia-against-western-bullying-at-moscow-wwii-event",
    );
    expect(slugify("Russia to Observe 3-day Ceasefire for Victory Day Despite Kiev's Rejection")).toBe(
      "russia-to-observe-3-day-ceasefire-for-victory-day-despite-kievs-rejection",
    );
  });

  it("drops accents, spells out & and special letters", () => {
    expect(slugify("Café & Crude in São Paulo")).toBe("cafe-and-crude-in-sao-paulo");
    expect(slugify("Straße to Łódź, Ærø")).toBe("strasse-to-lodz-aero");
  });

  it("collapses punctuation and trims separators", () => {
    expect(slugify("  “Why now?” — the G7 asks… ")).toBe("why-now-the-g7-asks");
  });

  it("cuts long headlines at a word boundary", () => {
    const slug = slugify("word ".repeat(40), 30);
    expect(slug).toBe("word-word-word-word-word-word");
    expect(slug.length).toBeLessThanOrEqual(30);
  });

  it("is empty when nothing Latin remains", () => {
    expect(slugify("Путин и Си")).toBe("");
  });
});
