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

/** A build output holding `files` (path under the build: content), by default one page. */
function distWith(body: string, files: Record<string, string> = { "server/app/world/summit.html": body }): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-leak-"));
  made.push(dist);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    fs.writeFileSync(path.join(dist, file), text);
  }
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

/*
 * At 100,000 generated stories the check cried wolf 644 times: public pages carrying a headline a draft
 * also has, or an address of which a draft's is a prefix. It must match what identifies the hidden story.
 */
const archive = loadCorpus(
  makeCorpus({
    // A draft and a public story sharing a headline, as newsrooms do.
    "morning-briefing": validFrontMatter({ title: "Morning briefing", standfirst: "What the day holds, in five minutes", status: "draft" }),
    "morning-briefing-2": validFrontMatter({ title: "Morning briefing", standfirst: "Markets, weather and the news" }),
    // A draft whose address is a prefix of a public story's.
    "talks-as-pressure-mounts": validFrontMatter({ title: "Border talks stall", standfirst: "Neither side moved", status: "draft" }),
    "talks-as-pressure-mounts-70065": validFrontMatter({ title: "Border talks stall as pressure mounts", standfirst: "Both sides dug in" }),
    // A scheduled story whose headline and standfirst no public story has.
    "harbour-sale": validFrontMatter({ title: "Harbour sold to a fund", standfirst: "The deal closes in spring", publishedAt: "2099-01-01T00:00:00Z" }),
  }),
);

/** A public page as the build writes it: its address, a list linking `links`, the headline in HTML and in the RSC payload. */
function page(address: string, title: string, standfirst: string, links: string[] = []): string {
  const list = links.map((l) => `<li><a href="${l}">story</a></li>`).join("");
  return `<link rel="canonical" href="https://interbellumnews.com${address}"/><title>${title} – Inter Bellum News</title><h1>${title}</h1><p>${standfirst}</p><ul>${list}</ul><script>self.__next_f.push([1,"{\\"headline\\":\\"${title}\\",\\"url\\":\\"https://interbellumnews.com${address}\\"}"])</script>`;
}

describe("findBuildLeaks on an archive of real size", () => {
  it("passes public pages whose headline a draft shares or whose address extends a draft's", () => {
    const dist = distWith("", {
      "server/app/world/morning-briefing-2.html": page("/world/morning-briefing-2", "Morning briefing", "Markets, weather and the news"),
      "server/app/world/morning-briefing-2.rsc": '1:["$","article","morning-briefing-2",{"children":"Morning briefing"}]',
      "server/app/world/talks-as-pressure-mounts-70065.html": page(
        "/world/talks-as-pressure-mounts-70065",
        "Border talks stall as pressure mounts",
        "Both sides dug in",
      ),
      "server/app/world/talks-as-pressure-mounts-70065/og.png.meta": '{"x-next-cache-tags":"_N_T_/world/talks-as-pressure-mounts-70065/og.png"}',
      "server/app/world.html": page("/world", "World", "World news", ["/world/morning-briefing-2", "/world/talks-as-pressure-mounts-70065"]),
      "server/app/feed.xml.body": "<item><title>Morning briefing</title><link>https://interbellumnews.com/world/morning-briefing-2</link></item>",
    });
    expect(findBuildLeaks(dist, archive.articles, NOW)).toEqual({ leaks: [], scanned: 6, hidden: 3 });
  });

  it("still finds a page that renders the draft, though its headline is shared, by its address", () => {
    const dist = distWith("", {
      "server/app/world/morning-briefing.html": page("/world/morning-briefing", "Morning briefing", "What the day holds, in five minutes"),
    });
    expect(findBuildLeaks(dist, archive.articles, NOW).leaks).toEqual([
      expect.stringMatching(/^server\/app\/world\/morning-briefing\.html: address of .*morning-briefing\.md \(not public\)$/),
      expect.stringMatching(/^server\/app\/world\/morning-briefing\.html: standfirst of .*morning-briefing\.md \(not public\)$/),
    ]);
  });

  it("finds a public page that links, lists or feeds a hidden story", () => {
    for (const [file, body] of Object.entries({
      "server/app/world.html": page("/world", "World", "World news", ["/world/talks-as-pressure-mounts-70065", "/world/talks-as-pressure-mounts"]),
      "server/app/world.rsc": '["$","a",null,{"href":"/world/talks-as-pressure-mounts","children":"Border talks stall"}]',
      "server/app/sitemap.xml.body": "<url><loc>https://interbellumnews.com/world/talks-as-pressure-mounts</loc></url>",
      "server/app/world/talks-as-pressure-mounts/og.png.meta": "{}",
    })) {
      expect(findBuildLeaks(distWith("", { [file]: body }), archive.articles, NOW).leaks, file).toEqual([
        expect.stringContaining(`${file}: address of `),
      ]);
    }
  });

  it("finds a hidden story's own headline and standfirst where no public story carries them, as HTML and JSON write them", () => {
    const dist = distWith("", {
      "server/app/index.html": "<h2>Harbour sold to a fund</h2>",
      "server/app/index.rsc": '{"description":"The deal closes in spring"}',
    });
    expect(findBuildLeaks(dist, archive.articles, NOW).leaks).toEqual([
      expect.stringMatching(/^server\/app\/index\.html: headline of .*harbour-sale\.md/),
      expect.stringMatching(/^server\/app\/index\.rsc: standfirst of .*harbour-sale\.md/),
    ]);
    // A headline inside a longer word is another text.
    expect(findBuildLeaks(distWith("<p>Harbour sold to a funder</p>"), archive.articles, NOW).leaks).toEqual([]);
  });

  it("finds a headline with characters HTML and JSON escape", () => {
    const quoted = loadCorpus(makeCorpus({ secret: validFrontMatter({ title: `The "quiet" deal & Putin's gambit`, status: "draft" }) }));
    for (const body of [
      "<h1>The &quot;quiet&quot; deal &amp; Putin&#x27;s gambit</h1>",
      '{"headline":"The \\"quiet\\" deal & Putin\'s gambit"}',
    ]) {
      expect(findBuildLeaks(distWith(body), quoted.articles, NOW).leaks, body).toEqual([expect.stringContaining("headline of ")]);
    }
  });
});
