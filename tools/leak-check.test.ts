import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../lib/content";
import { findBuildLeaks } from "./leak-check";
import { articleFile, makeCorpus, validFrontMatter } from "./test-corpus";

/* The build's leak check on live stories: an update not public yet must not be in the output. */

const corpus = loadCorpus(
  makeCorpus(
    {
      summit: articleFile(
        validFrontMatter({ publishedAt: "2025-05-09T12:00:00Z", live: { start: "2025-05-09T12:00:00Z" } }),
        "## 2025-05-09T12:05:00Z Arrival\n\nText.\n\n## 2099-01-01T00:00:00Z Later\n\nText.",
      ),
    },
    { topics: [{ slug: "russia", name: "Russia" }] },
  ),
);
const NOW = new Date("2025-06-01T00:00:00Z");

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function distWith(body: string): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-leak-"));
  made.push(dist);
  fs.mkdirSync(path.join(dist, "server", "app", "world"), { recursive: true });
  fs.writeFileSync(path.join(dist, "server", "app", "world", "summit.html"), body);
  return dist;
}

describe("findBuildLeaks on a live story", () => {
  it("finds an update not public yet by its permalink", () => {
    const dist = distWith('<a href="/world/summit#update-20990101t000000z">Link to this update</a>');
    expect(findBuildLeaks(dist, corpus.articles, NOW).leaks).toEqual([
      expect.stringMatching(/summit\.html: update update-20990101t000000z of .*summit\.md \(not public\)$/),
    ]);
  });

  it("lets a public update through", () => {
    const dist = distWith('<a href="/world/summit#update-20250509t120500z">Link to this update</a>');
    expect(findBuildLeaks(dist, corpus.articles, NOW).leaks).toEqual([]);
  });
});

describe("findBuildLeaks on the desk and shared previews", () => {
  it("fails a build that prerendered a desk page or a preview link, and passes their compiled code", () => {
    const dist = distWith("<p>fine</p>");
    fs.mkdirSync(path.join(dist, "server", "app", "desk", "story"), { recursive: true });
    fs.mkdirSync(path.join(dist, "server", "app", "preview"), { recursive: true });
    fs.writeFileSync(path.join(dist, "server", "app", "desk", "page.js"), "code");
    fs.mkdirSync(path.join(dist, "server", "app", "desk", "page"));
    fs.writeFileSync(path.join(dist, "server", "app", "desk", "page", "build-manifest.json"), "{}");
    expect(findBuildLeaks(dist, corpus.articles, NOW).leaks).toEqual([]);
    fs.writeFileSync(path.join(dist, "server", "app", "desk.html"), "<p>desk</p>");
    fs.writeFileSync(path.join(dist, "server", "app", "preview", "x.rsc"), "payload");
    expect(findBuildLeaks(dist, corpus.articles, NOW).leaks).toEqual([
      expect.stringMatching(/^server\/app\/desk\.html: a page of the desk/),
      expect.stringMatching(/^server\/app\/preview\/x\.rsc: a page of the desk/),
    ]);
  });
});
