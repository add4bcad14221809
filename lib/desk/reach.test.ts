import { describe, expect, it } from "vitest";
import { clip, DESCRIPTION_MAX_LENGTH, HEADLINE_MAX_LENGTH, reachWarnings } from "./reach";

const good = {
  title: "A headline",
  standfirst: "A description.",
  image: { src: "/images/x.jpg", width: 1600, height: 900, alt: "Alt", caption: "", credit: "Credit", bytes: 1 },
};

describe("reachWarnings", () => {
  it("finds nothing wrong with a good story", () => {
    expect(reachWarnings(good)).toEqual([]);
  });
  it("warns about a narrow hero, missing alt text and credit, a long headline, a missing or long description", () => {
    const fields = (story: typeof good) => reachWarnings(story).map((w) => w.field);
    expect(fields({ ...good, image: { ...good.image, width: 1199 } })).toEqual(["image.src"]);
    expect(fields({ ...good, image: { ...good.image, alt: " ", credit: "" } })).toEqual(["image.alt", "image.credit"]);
    expect(fields({ ...good, title: "x".repeat(HEADLINE_MAX_LENGTH) })).toEqual([]);
    expect(fields({ ...good, title: "x".repeat(HEADLINE_MAX_LENGTH + 1) })).toEqual(["title"]);
    expect(fields({ ...good, standfirst: "" })).toEqual(["standfirst"]);
    expect(fields({ ...good, standfirst: "x".repeat(DESCRIPTION_MAX_LENGTH) })).toEqual([]);
    expect(reachWarnings({ ...good, standfirst: "x".repeat(DESCRIPTION_MAX_LENGTH + 1) })[0]?.message).toContain("161 characters");
  });
});

describe("clip", () => {
  it("cuts at a word with an ellipsis, leaves short text alone", () => {
    expect(clip("one two three", 8)).toBe("one two…");
    expect(clip("short", 8)).toBe("short");
  });
});
