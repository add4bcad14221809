import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { articleFile, makeCorpus, validFrontMatter, type FrontMatter } from "../../tools/test-corpus";
import { loadCorpus } from "./load";
import { searchDocs } from "./search-index";
import {
  ContentNotReadyError,
  articleBody,
  checkPendingContent,
  getCorpus,
  namedFile,
  reloadCorpus,
  searchDatabase,
  startContentStore,
  updateContent,
} from "./store";
import { ContentError, type Corpus } from "./types";
import { processSlot } from "../process-singleton.mjs";

/*
 * The store against real files and a real SQLite index in a temporary folder:
 * what a publish changes, what it refuses, what a restart reads again.
 */

let indexDir: string;
let dir: string;
const saved = { CONTENT_DIR: process.env.CONTENT_DIR, CONTENT_INDEX_DIR: process.env.CONTENT_INDEX_DIR };

function write(slug: string, fm: FrontMatter, body = `Body of ${slug}.`) {
  const file = path.join(dir, "articles", `${slug}.md`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, articleFile(fm, body));
  // A publish a moment later: the mtime must differ from the indexed one even on a coarse clock.
  const later = new Date(Date.now() + Math.floor(Math.random() * 1e6) + 1000);
  fs.utimesSync(file, later, later);
}

/** A new process: the same files and index, nothing in memory. */
function restart() {
  const slot = processSlot<{ db: { close(): void } }>("contentStore");
  slot.get()?.db.close();
  slot.set(undefined as never);
}

const slugs = (list: { slug: string }[] | undefined) => (list ?? []).map((a) => a.slug);
const listsOf = (c: Corpus) => ({
  all: slugs(c.articles),
  world: slugs(c.bySection.get("world")),
  russia: slugs(c.byTag.get("russia")),
  staff: slugs(c.byAuthor.get("staff")),
});

beforeEach(() => {
  indexDir = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-index-"));
  dir = makeCorpus({
    older: validFrontMatter({ title: "Older", publishedAt: "2025-05-01T12:00:00Z" }),
    newer: validFrontMatter({ title: "Newer", publishedAt: "2025-05-03T12:00:00Z", tags: ["russia", "china"] }),
    "2025/05/pinned": validFrontMatter({ title: "Pinned", publishedAt: "2025-05-02T12:00:00Z", related: ["older"] }),
  });
  process.env.CONTENT_DIR = dir;
  process.env.CONTENT_INDEX_DIR = indexDir;
  restart();
});

afterEach(() => {
  restart();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  fs.rmSync(indexDir, { recursive: true, force: true });
});

describe("the content store", () => {
  it("serves the corpus loadCorpus reads, lists in the same order, bodies from the index", () => {
    const corpus = getCorpus();
    expect(listsOf(corpus)).toEqual(listsOf(loadCorpus(dir)));
    expect(slugs(corpus.articles)).toEqual(["newer", "pinned", "older"]);
    expect(articleBody(corpus.bySlug.get("pinned")!)).toBe("Body of 2025/05/pinned.");
    expect(corpus.byPath.get("/world/older")?.slug).toBe("older");
  });

  it("applies an edit of one named file in place: lists re-sorted, the corpus object kept, its version moved", async () => {
    const corpus = getCorpus();
    const version = corpus.version;
    write("older", validFrontMatter({ title: "Older, now newest", publishedAt: "2025-05-04T12:00:00Z", tags: ["russia"] }), "A new body.");
    const update = await updateContent(["articles/older.md"]);
    expect(update.whole).toBe(false);
    expect(slugs(update.before)).toEqual(["older"]);
    expect(getCorpus()).toBe(corpus);
    expect(corpus.version).toBe(version + 1);
    expect(slugs(corpus.articles)).toEqual(["older", "newer", "pinned"]);
    expect(corpus.bySlug.get("older")?.title).toBe("Older, now newest");
    expect(articleBody(corpus.bySlug.get("older")!)).toBe("A new body.");
    expect(listsOf(corpus)).toEqual(listsOf(loadCorpus(dir)));
  });

  it("adds, renames (old address kept as an alias), retracts and deletes stories as a fresh load would", async () => {
    const corpus = getCorpus();
    write("added", validFrontMatter({ title: "Added", publishedAt: "2025-05-05T12:00:00Z" }));
    await updateContent(["articles/added.md"]);
    expect(corpus.bySlug.get("added")?.title).toBe("Added");

    fs.rmSync(path.join(dir, "articles", "newer.md"));
    write("newer-renamed", validFrontMatter({ title: "Newer", publishedAt: "2025-05-03T12:00:00Z", tags: ["russia", "china"], aliases: ["newer"] }));
    await updateContent(["articles/newer.md", "articles/newer-renamed.md"]);
    expect(corpus.bySlug.has("newer")).toBe(false);
    expect(corpus.byAlias.get("newer")?.slug).toBe("newer-renamed");
    expect(corpus.byPath.get("/world/newer")?.slug).toBe("newer-renamed");

    write("added", validFrontMatter({ title: "Added", publishedAt: "2025-05-05T12:00:00Z", status: "retracted", retractionNote: "Withdrawn." }));
    await updateContent(["articles/added.md"]);
    expect(corpus.bySlug.get("added")?.status).toBe("retracted");
    expect(slugs(corpus.byStatus.get("retracted"))).toEqual(["added"]);

    fs.rmSync(path.join(dir, "articles", "added.md"));
    await updateContent(["articles/added.md"]);
    expect(corpus.bySlug.has("added")).toBe(false);
    expect(listsOf(corpus)).toEqual(listsOf(loadCorpus(dir)));
    expect([...corpus.byPath.keys()].sort()).toEqual([...loadCorpus(dir).byPath.keys()].sort());
  });

  it("refuses a change that breaks a rule, names the file and field, and keeps the corpus in service", async () => {
    const corpus = getCorpus();
    const before = listsOf(corpus);
    write("older", validFrontMatter({ section: "nowhere" }));
    const refused = await updateContent(["articles/older.md"]).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ContentError);
    expect((refused as ContentError).message).toMatch(/articles\/older\.md: section: unknown section "nowhere"/);
    expect(listsOf(corpus)).toEqual(before);
    expect(corpus.bySlug.get("older")?.title).toBe("Older");
  });

  it("refuses deleting a story another story pins, and a second file with a slug in service", async () => {
    const corpus = getCorpus();
    fs.renameSync(path.join(dir, "articles", "older.md"), path.join(dir, "older.md.bak"));
    const pinned = await updateContent(["articles/older.md"]).catch((err: unknown) => err);
    expect((pinned as ContentError).message).toMatch(/pinned\.md: related\.0: unknown article "older"/);
    expect(corpus.bySlug.has("older")).toBe(true);
    fs.renameSync(path.join(dir, "older.md.bak"), path.join(dir, "articles", "older.md"));

    write("2025/06/newer", validFrontMatter({ title: "Another newer" }));
    const duplicate = await updateContent(["articles/2025/06/newer.md"]).catch((err: unknown) => err);
    expect((duplicate as ContentError).message).toMatch(/duplicate slug "newer"/);
    expect(corpus.bySlug.get("newer")?.title).toBe("Newer");
  });

  it("without names, finds the changed files by size and mtime", async () => {
    const corpus = getCorpus();
    write("older", validFrontMatter({ title: "Older, edited", publishedAt: "2025-05-01T12:00:00Z" }));
    const update = await updateContent();
    expect(slugs(update.after)).toEqual(["older"]);
    expect(corpus.bySlug.get("older")?.title).toBe("Older, edited");
  });

  it("reads everything again when a data file changes", async () => {
    getCorpus();
    const sections = fs.readFileSync(path.join(dir, "sections.yaml"), "utf8").replace("name: World", "name: The World");
    fs.writeFileSync(path.join(dir, "sections.yaml"), sections);
    const update = await updateContent(["sections.yaml"]);
    expect(update.whole).toBe(true);
    expect(getCorpus().bySlug.get("older")?.section.name).toBe("The World");
  });

  it("after a restart reads only the files that changed while it was down", () => {
    getCorpus();
    restart();
    write("newer", validFrontMatter({ title: "Edited while down", publishedAt: "2025-05-03T12:00:00Z" }));
    fs.rmSync(path.join(dir, "articles", "2025", "05", "pinned.md"));
    const corpus = reloadCorpus();
    expect(corpus.bySlug.get("newer")?.title).toBe("Edited while down");
    expect(corpus.bySlug.has("pinned")).toBe(false);
    expect(listsOf(corpus)).toEqual(listsOf(loadCorpus(dir)));
  });

  it("keeps the search index with the corpus: a publish adds, renames and retracts stories in it, drafts never enter", async () => {
    const find = (q: string) => searchDocs(searchDatabase(), { q, now: Date.now(), sort: "relevance", page: 1, pageSize: 10 }).hits.map((h) => h.slug);
    getCorpus();
    expect(find("older")).toEqual(["older"]);
    write("older", validFrontMatter({ title: "Zanzibar accord", publishedAt: "2025-05-01T12:00:00Z" }));
    write("draft", validFrontMatter({ title: "Zanzibar secret draft", status: "draft" }));
    await updateContent(["articles/older.md", "articles/draft.md"]);
    expect(find("zanzibar")).toEqual(["older"]);
    fs.rmSync(path.join(dir, "articles", "older.md"));
    write("older-renamed", validFrontMatter({ title: "Zanzibar accord", publishedAt: "2025-05-01T12:00:00Z", aliases: ["older"] }));
    // The story pinned "older": it pins the new slug now.
    write("2025/05/pinned", validFrontMatter({ title: "Pinned", publishedAt: "2025-05-02T12:00:00Z", related: ["older-renamed"] }));
    await updateContent(["articles/older.md", "articles/older-renamed.md", "articles/2025/05/pinned.md"]);
    expect(find("zanzibar")).toEqual(["older-renamed"]);
    write("older-renamed", validFrontMatter({ title: "Zanzibar accord", publishedAt: "2025-05-01T12:00:00Z", aliases: ["older"], status: "retracted" }));
    await updateContent(["articles/older-renamed.md"]);
    expect(find("zanzibar")).toEqual([]);
  });

  it("refuses names outside the content directory", async () => {
    getCorpus();
    expect(namedFile("articles/2025/05/x.md")).toEqual({ article: "2025/05/x.md" });
    expect(namedFile("./sections.yaml")).toEqual({ data: "sections.yaml" });
    for (const bad of ["../secret.md", "/etc/passwd", "articles/../../x.md", "public/x.md", "articles/x.txt"]) expect(namedFile(bad)).toBeUndefined();
    await expect(updateContent(["../secret.md"])).rejects.toThrow(/not a content file/);
  });

  it("in the server, loads in the background: not ready at first, never holding the event loop", async () => {
    const many: Record<string, FrontMatter> = {};
    for (let i = 0; i < 600; i++) many[`story-${i}`] = validFrontMatter({ title: `Story ${i}`, publishedAt: new Date(Date.UTC(2025, 0, 1) + i * 3600_000).toISOString() });
    dir = makeCorpus(many);
    process.env.CONTENT_DIR = dir;
    restart();
    // Timers keep firing while the store loads: it gives the loop back between slices (how long a
    // slice is, is bench:archive's to measure, not a test's).
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const started = startContentStore();
    expect(() => getCorpus()).toThrow(ContentNotReadyError);
    await started;
    clearInterval(ticking);
    expect(getCorpus().articles).toHaveLength(600);
    expect(turns).toBeGreaterThan(3);
  });

  it("the desk's check sees a broken file nobody has published, and the corpus in service stays", async () => {
    const corpus = getCorpus();
    write("older", validFrontMatter({ image: { src: "/images/putin-xi-moscow.jpg", alt: "", caption: "c", credit: "c" } }));
    const problems = await checkPendingContent();
    expect(problems.map((p) => `${path.basename(p.file)}: ${p.field}`)).toEqual(["older.md: image.alt"]);
    expect(corpus.bySlug.get("older")?.image.alt).toBe("Alt text");
  });
});
