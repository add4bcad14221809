import { describe, expect, it } from "vitest";
import { articleBody, loadCorpus } from "../content";
import { articleFile, makeCorpus, validFrontMatter } from "../../tools/test-corpus";
import { LIVE_CACHE_CONTROL, liveCacheControl, liveAddressesSlot } from "../../server/live-cache.mjs";
import { isLiveAddress, nextLiveChange, publishLiveAddresses } from "./live";
import { DatabaseSync } from "node:sqlite";
import { createSearchSchema, searchDocFor, searchDocs, upsertSearchDoc } from "../content/search-index";

const topics = [{ slug: "russia", name: "Russia" }];
const UPDATES = `The summit opens.

## 2025-05-09T12:05:00Z Delegations arrive

The motorcade reached the Kremlin.

## 2025-05-09T15:00:00Z Joint statement zanzibarquokka

A statement is due.
`;

function corpusOf() {
  return loadCorpus(
    makeCorpus(
      {
        summit: articleFile(
          validFrontMatter({ publishedAt: "2025-05-09T12:00:00Z", live: { start: "2025-05-09T12:00:00Z", end: "2025-05-09T18:00:00Z" } }),
          UPDATES,
        ),
        plain: articleFile(validFrontMatter({ publishedAt: "2025-05-08T12:00:00Z" }), "A story that is not live."),
        "draft-live": articleFile(
          validFrontMatter({ status: "draft", publishedAt: "2025-05-09T12:00:00Z", live: { start: "2025-05-09T12:00:00Z" } }),
          "## 2025-05-09T12:01:00Z A draft's update\n\nText.",
        ),
      },
      { topics },
    ),
  );
}

const at = (iso: string) => new Date(iso);

describe("nextLiveChange", () => {
  const corpus = corpusOf();
  it("is the next update, start or end of a published live story after now; drafts do not count", () => {
    expect(nextLiveChange(corpus, at("2025-05-09T11:00:00Z"))?.toISOString()).toBe("2025-05-09T12:00:00.000Z");
    expect(nextLiveChange(corpus, at("2025-05-09T12:00:00Z"))?.toISOString()).toBe("2025-05-09T12:05:00.000Z");
    expect(nextLiveChange(corpus, at("2025-05-09T12:05:00Z"))?.toISOString()).toBe("2025-05-09T15:00:00.000Z");
    expect(nextLiveChange(corpus, at("2025-05-09T15:00:00Z"))?.toISOString()).toBe("2025-05-09T18:00:00.000Z");
    expect(nextLiveChange(corpus, at("2025-05-09T18:00:00Z"))).toBeUndefined();
  });
});

describe("isLiveAddress", () => {
  const corpus = corpusOf();
  it("is true for a public live story's page and feed while its coverage runs, and only then", () => {
    const during = at("2025-05-09T13:00:00Z");
    expect(isLiveAddress("/world/summit", corpus, during)).toBe(true);
    expect(isLiveAddress("/world/summit/live.xml", corpus, during)).toBe(true);
    expect(isLiveAddress("/world/summit", corpus, at("2025-05-09T18:00:00Z"))).toBe(false);
    expect(isLiveAddress("/world/summit/live.xml", corpus, at("2025-05-09T11:59:00Z"))).toBe(false);
  });
  it("is false for other addresses: other stories, drafts, a wrong section, the story's other files", () => {
    const during = at("2025-05-09T13:00:00Z");
    for (const path of ["/world/plain", "/world/draft-live", "/security/summit", "/world/summit/og.png", "/world", "/", "/world/summit/live.xml/x"]) {
      expect(isLiveAddress(path, corpus, during), path).toBe(false);
    }
  });
  it("is published for the server, which reads it through the process slot", () => {
    publishLiveAddresses();
    expect(liveAddressesSlot.get()?.("/world/no-such-story")).toBe(false);
  });
});

describe("liveCacheControl", () => {
  it("shortens what shared caches may keep, and leaves private and no-store responses alone", () => {
    expect(liveCacheControl("s-maxage=60, stale-while-revalidate=86340")).toBe(LIVE_CACHE_CONTROL);
    expect(LIVE_CACHE_CONTROL).toMatch(/s-maxage=10\b/);
    expect(liveCacheControl("private, no-cache, no-store, max-age=0, must-revalidate")).toBe("private, no-cache, no-store, max-age=0, must-revalidate");
    expect(liveCacheControl("no-store")).toBe("no-store");
    expect(liveCacheControl("")).toBe("");
  });
});

describe("search over a live story", () => {
  const corpus = corpusOf();
  /** The story indexed as it read at `indexedAt`, searched at `now`. */
  function find(q: string, indexedAt: Date, now = indexedAt) {
    const db = new DatabaseSync(":memory:");
    createSearchSchema(db);
    for (const a of corpus.articles) if (a.status === "published") upsertSearchDoc(db, searchDocFor(a, articleBody(a), indexedAt));
    return searchDocs(db, { q, now: now.getTime(), sort: "relevance", page: 1, pageSize: 10 }).hits.map((h) => h.slug);
  }
  it("finds an update's words from its time on, never before", () => {
    expect(find("zanzibarquokka", at("2025-05-09T14:59:59Z"))).toEqual([]);
    expect(find("zanzibarquokka", at("2025-05-09T15:00:00Z"))).toEqual(["summit"]);
    expect(find("motorcade", at("2025-05-09T13:00:00Z"))).toEqual(["summit"]);
  });
  it("never finds a draft's updates", () => {
    expect(find("draft", at("2025-05-10T00:00:00Z"))).toEqual([]);
  });
});
