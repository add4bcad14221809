import { describe, expect, it } from "vitest";
import { makeCorpus, validFrontMatter } from "../../tools/test-corpus";
import { checkContent } from "./problems";

describe("checkContent", () => {
  it("finds no problem in a corpus content:check passes", () => {
    expect(checkContent(makeCorpus({ fine: validFrontMatter() })).byFile.size).toBe(0);
  });

  it("groups the problems content:check reports by file, with their rule", () => {
    const report = checkContent(
      makeCorpus({
        fine: validFrontMatter(),
        "bad-section": validFrontMatter({ section: "nowhere" }),
        "no-alt": validFrontMatter({ status: "draft", image: { src: "/images/putin-xi-moscow.jpg", alt: "", caption: "c", credit: "c" } }),
      }),
    );
    const byFile = Object.fromEntries([...report.byFile].map(([file, problems]) => [file.replace(/^.*\//, ""), problems.map((p) => `${p.field}: ${p.rule}`)]));
    expect(Object.keys(byFile).sort()).toEqual(["bad-section.md", "no-alt.md"]);
    expect(byFile["bad-section.md"]).toEqual(["section: reference"]);
    expect(byFile["no-alt.md"]?.[0]).toMatch(/^image\.alt/);
  });
});
