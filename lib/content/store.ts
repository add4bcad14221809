import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { processSlot } from "../process-singleton.mjs";
import { CorpusIndex, groupByFile, sortByFile, type ChangeSet, type FileState } from "./corpus-index";
import { entryProblems, readEntryFile, type ArticleRecord, type FileEntry, type FileProblem } from "./entries";
import { defaultPublicDir } from "./images";
import type { DatabaseSync } from "node:sqlite";
import { ContentDb, INDEX_FORMAT, indexFile } from "./index-db";
import { fillSearchTerms, removeSearchDoc, searchDocFor, upsertSearchDoc } from "./search-index";
import { loadCorpus, measurerFor, readDataFiles } from "./load";
import { contentDir, display, splitFrontMatter } from "./parse";
import { splitLiveBody } from "./live";
import { ContentError, isContentError, type Article, type ContentProblem, type Corpus } from "./types";

/*
 * The one process-wide corpus, kept current by what changed.
 *
 * The corpus lives in memory without bodies (corpus-index.ts); the persistent
 * index (index-db.ts) holds every file's checked record and body, so a start
 * reads the index, not 100,000 files, and re-reads only files whose size or
 * mtime differ. A publish names the files it changed (POST /api/revalidate
 * {"files": [...]}) and costs those files; without names the store compares
 * every file's size and mtime with the index, which costs a stat per file but
 * reads only what changed. A change of the data files (sections, authors,
 * topics, site) or of this code reads everything again.
 *
 * Content work never holds the event loop: in the server every step is a
 * generator step, and the driver gives the loop back every few milliseconds.
 * Builds, scripts and tests run the same steps straight through (getCorpus()
 * on first use). While a server loads its first corpus, pages are answered
 * 503 by the production server (contentReady()).
 */

/** How long the server works on content before giving the event loop back. */
const SLICE_MS = 8;
/** More changed files than this are read into the index first, then loaded as a whole. */
const BULK_CHANGES = 2_000;

const DATA_FILES = ["site.yaml", "sections.yaml", "authors.yaml", "topics.yaml"] as const;

export class ContentNotReadyError extends Error {
  constructor() {
    super("The content index is still loading.");
    this.name = "ContentNotReadyError";
  }
}

type Store = {
  dir: string;
  articlesDir: string;
  db: ContentDb;
  /** The corpus in service. */
  index?: CorpusIndex;
  /** The data files' and code's hash the corpus in service was checked under. */
  context?: string;
  /** Set when the server started the store: loads run in slices, and a corpus not loaded yet is not waited for. */
  background: boolean;
  /** The first load, while it runs (server). */
  loading?: Promise<void>;
  /** Why the first load failed (server), until a publish succeeds. */
  failure?: unknown;
  /** Changes run one after another. */
  queue: Promise<unknown>;
  /** When the next live update comes due: live stories' search documents are written again then. */
  liveSearchUntil?: number;
  /** The article files (names in the articles folder) the last comparison with the index read again. */
  lastRead?: string[];
  /** Called when a restart's comparison found files changed while the server was down (pages cached before are stale). */
  onChangedWhileDown?: () => void;
};

const slot = processSlot<Store>("contentStore");

function openStore(dir: string, background: boolean): Store {
  const store: Store = {
    dir,
    articlesDir: path.join(/*turbopackIgnore: true*/ dir, "articles"),
    db: new ContentDb(indexFile(dir)),
    background,
    queue: Promise.resolve(),
  };
  return slot.set(store);
}

function currentStore(): Store {
  const dir = contentDir();
  const store = slot.get();
  if (store && store.dir === dir) return store;
  store?.db.close();
  return openStore(dir, store?.background ?? false);
}

/* ---------- stepping: one generator, run straight through or in slices ---------- */

type Steps<T> = Generator<void, T, void>;

function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

async function runSliced<T>(steps: Steps<T>): Promise<T> {
  let start = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - start >= SLICE_MS) {
      await breathe();
      start = performance.now();
    }
  }
}

/* ---------- reading the content directory ---------- */

type Stamp = { size: number; mtimeMs: number };

/** Every article file's size and mtime, one folder per step. */
function* scanArticles(articlesDir: string): Steps<Map<string, Stamp>> {
  const found = new Map<string, Stamp>();
  const folders = [""];
  while (folders.length) {
    const folder = folders.pop()!;
    let items: fs.Dirent[];
    try {
      items = fs.readdirSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ articlesDir, folder), { withFileTypes: true });
    } catch (err) {
      if (folder === "") throw new ContentError([{ file: display(articlesDir), field: "(directory)", message: (err as Error).message.split("\n")[0]!, rule: "schema" }]);
      continue;
    }
    let n = 0;
    for (const item of items) {
      const name = folder ? `${folder}/${item.name}` : item.name;
      if (item.isDirectory()) folders.push(name);
      else if (item.name.endsWith(".md")) {
        try {
          const stat = fs.statSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ articlesDir, name));
          found.set(name, { size: stat.size, mtimeMs: Math.floor(stat.mtimeMs) });
        } catch {
          // Gone between the listing and the stat: it is not there.
        }
        if (++n % 256 === 0) yield;
      }
    }
    yield;
  }
  return found;
}

type Taxonomy = Omit<ReturnType<typeof readDataFiles>, "site"> & { site: NonNullable<ReturnType<typeof readDataFiles>["site"]>; context: string };

/** The data files, checked, and the context hash records are checked under. */
function readTaxonomy(dir: string): Taxonomy {
  const problems: ContentProblem[] = [];
  const data = readDataFiles(dir, measurerFor({}), problems);
  const site = data.site;
  if (problems.length || !site) throw new ContentError(groupByFile(problems));
  const hash = crypto.createHash("sha256").update(`format ${INDEX_FORMAT}\0${defaultPublicDir()}\0`);
  for (const name of DATA_FILES) hash.update(fs.readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, name))).update("\0");
  return { ...data, site, context: hash.digest("hex") };
}

function entryContext(index: CorpusIndex) {
  return { ...index.lookups, measure: measurerFor({}) };
}

/**
 * Brings the index in line with the files (reading only those whose size or
 * mtime differ), then loads a whole new corpus from it, newest first.
 */
function* loadAll(store: Store, { trustIndex = false } = {}): Steps<{ index: CorpusIndex; context: string; trusted: boolean }> {
  const taxonomy = readTaxonomy(store.dir);
  const kept = store.db.useContext(taxonomy.context);
  const index = new CorpusIndex(taxonomy, store.articlesDir);
  // A server restarting over a current index serves it first and compares the files after (restart()).
  const trusted = trustIndex && kept && store.db.count() > 0;
  if (!trusted) yield* syncIndex(store, index);
  return { ...(yield* loadIndex(store, index)), context: taxonomy.context, trusted };
}

/** Reads into the index the article files whose size or mtime differ from it, and drops those gone. */
function* syncIndex(store: Store, index: CorpusIndex): Steps<void> {
  const onDisk = yield* scanArticles(store.articlesDir);

  const indexed = new Map<string, Stamp & { slug: string }>();
  for (const row of store.db.stamps()) {
    indexed.set(row.name, { slug: row.slug, size: row.size, mtimeMs: row.mtime });
    if (indexed.size % 1024 === 0) yield;
  }
  // Files gone first: a story moved to another folder keeps its slug, and its new file is indexed after.
  const gone = [...indexed].filter(([name]) => !onDisk.has(name));
  store.db.transaction(() => {
    for (const [name, { slug }] of gone) {
      store.db.remove(name);
      removeSearchDoc(store.db.db, slug);
    }
  });
  yield;
  const context = entryContext(index);
  const now = new Date();
  const changed: string[] = [];
  for (const [name, stamp] of onDisk) {
    const known = indexed.get(name);
    if (!known || known.size !== stamp.size || known.mtimeMs !== stamp.mtimeMs) changed.push(name);
  }
  // Many files (a first start, a new context): the typo vocabulary is filled once at the end.
  const bulk = changed.length > 200;
  let batch: FileEntry[] = [];
  const flush = () => {
    const write = batch;
    batch = [];
    store.db.transaction(() => {
      for (const entry of write) {
        store.db.put(entry);
        indexForSearch(store, entry, entry.record?.status === "published" ? index.articleOf(entry) : undefined, now, !bulk);
      }
    });
  };
  store.lastRead = changed;
  for (const name of changed) {
    const entry = readEntryFile(store.articlesDir, name, context);
    if (entry) batch.push(entry);
    // A transaction per few files: each also writes a search document, and a slice must stay short.
    if (batch.length >= 16) flush();
    yield;
  }
  flush();
  if (bulk) {
    let after: string | undefined = "";
    while (after !== undefined) {
      const from: string = after;
      after = store.db.transaction(() => fillSearchTerms(store.db.db, from, 2_000));
      yield;
    }
  }
  store.liveSearchUntil = 0;
  yield;
}

/** A file's story in the search index: published stories only (scheduled ones too: queries hide them until their time). */
function indexForSearch(store: Store, entry: Pick<FileEntry, "slug" | "body">, article: Article | undefined, now: Date, terms = true) {
  if (article?.status === "published") upsertSearchDoc(store.db.db, searchDocFor(article, entry.body, now), { terms });
  else removeSearchDoc(store.db.db, entry.slug);
}

/** The whole corpus as the index holds it, newest first. */
function* loadIndex(store: Store, index: CorpusIndex): Steps<{ index: CorpusIndex }> {
  const problems: ContentProblem[] = [];
  let states: FileState[] = [];
  for (const row of store.db.rows()) {
    const record = row.record ? (JSON.parse(row.record) as ArticleRecord) : undefined;
    const own = row.problems === "[]" ? [] : (JSON.parse(row.problems) as FileProblem[]);
    if (own.length) problems.push(...entryProblems(store.articlesDir, { name: row.name, problems: own }));
    states.push({ name: row.name, slug: row.slug, size: row.size, mtimeMs: row.mtime, article: record ? index.articleOf({ name: row.name, record }) : undefined });
    if (states.length >= 512) {
      index.load(states);
      states = [];
      yield;
    }
  }
  index.load(states);
  yield;
  problems.push(...(yield* index.checkAllSteps()));
  if (problems.length) throw new ContentError(sortByFile(problems));
  return { index };
}

/** Where a publish's file name points: an article file (its name under articles/) or a data file. */
export type NamedFile = { article: string } | { data: string };

/**
 * A file a publish names, relative to the content directory (`articles/2025/05/x.md`,
 * `sections.yaml`); undefined for anything else.
 *
 * @example
 * namedFile("articles/2025/05/x.md") // { article: "2025/05/x.md" }
 * namedFile("../etc/passwd")         // undefined
 */
export function namedFile(file: string): NamedFile | undefined {
  const clean = path.posix.normalize(file.replace(/\\/g, "/")).replace(/^\.\//, "");
  if (clean.startsWith("../") || clean.startsWith("/") || clean.includes("\0")) return undefined;
  if ((DATA_FILES as readonly string[]).includes(clean)) return { data: clean };
  if (clean.startsWith("articles/") && clean.endsWith(".md") && clean.length > "articles/.md".length) return { article: clean.slice("articles/".length) };
  return undefined;
}

/** The named files as they are now, beside the corpus in service. */
function* readChanges(store: Store, index: CorpusIndex, names: Iterable<string>) {
  const context = entryContext(index);
  const changes = new Map<string, FileState | null>();
  const entries = new Map<string, FileEntry | null>();
  const problems: ContentProblem[] = [];
  for (const name of new Set(names)) {
    const entry = readEntryFile(store.articlesDir, name, context) ?? null;
    entries.set(name, entry);
    if (entry) problems.push(...entryProblems(store.articlesDir, entry));
    changes.set(name, entry ? { name, slug: entry.slug, size: entry.size, mtimeMs: entry.mtimeMs, article: index.articleOf(entry) } : null);
    yield;
  }
  // Unchanged files (same size and mtime as in service) change nothing.
  for (const [name, state] of changes) {
    const old = index.files.get(name);
    if ((state && old && old.size === state.size && old.mtimeMs === state.mtimeMs) || (!state && !old)) {
      changes.delete(name);
      entries.delete(name);
    }
  }
  return { changes, entries, problems };
}

/** Applies the named article files to the corpus in service, then to the index. */
function* applyFiles(store: Store, index: CorpusIndex, names: string[]): Steps<ChangeSet> {
  const { changes, entries, problems } = yield* readChanges(store, index, names);
  const change = index.apply(changes, problems);
  const now = new Date();
  store.db.transaction(() => {
    // Stories as they were leave the search index first; a renamed or moved story comes back under its slug.
    for (const old of change.before) removeSearchDoc(store.db.db, old.slug);
    for (const [name, entry] of entries) {
      if (entry) store.db.put(entry);
      else store.db.remove(name);
    }
    for (const [name, entry] of entries) if (entry) indexForSearch(store, entry, changes.get(name)?.article, now);
  });
  store.liveSearchUntil = 0;
  return change;
}

/** What a content update did. */
export type ContentUpdate = ChangeSet & {
  /** The whole corpus was loaded again (data files changed, or too many files). */
  whole: boolean;
  articles: number;
};

/**
 * Brings the corpus in service up to date. `files`: the files the publish
 * changed, relative to the content directory; undefined: compare every file
 * with the index. A change that breaks a rule throws a ContentError and the
 * corpus in service stays as it was.
 */
function* updateSteps(store: Store, files: string[] | undefined): Steps<ContentUpdate> {
  const index = store.index;
  const named = files?.map((f) => namedFile(f));
  const unknown = files?.filter((_, i) => !named![i]) ?? [];
  if (unknown.length) {
    throw new ContentError(unknown.map((f) => ({ file: f, field: "(file)", message: "not a content file: name articles/….md or a data file (sections.yaml, …) relative to the content directory", rule: "schema" })));
  }
  let names: string[] | undefined = named?.flatMap((n) => (n && "article" in n ? [n.article] : []));
  let whole = !index || !!named?.some((n) => n && "data" in n);
  if (!whole && names === undefined) {
    const taxonomy = readTaxonomy(store.dir);
    whole = taxonomy.context !== store.context;
    if (!whole) {
      names = yield* pendingNames(store, index!);
      whole = names.length > BULK_CHANGES;
    }
  }
  if (whole) {
    const before = index?.corpus.articles ?? [];
    const loaded = yield* loadAll(store);
    inService(store, loaded);
    return { before, after: loaded.index.corpus.articles, whole: true, articles: loaded.index.corpus.articles.length };
  }
  const change = yield* applyFiles(store, index!, names ?? []);
  return { ...change, whole: false, articles: index!.corpus.articles.length };
}

/** Puts a whole loaded corpus in service. */
function inService(store: Store, loaded: { index: CorpusIndex; context: string }) {
  store.index = loaded.index;
  store.context = loaded.context;
  store.failure = undefined;
}

/* ---------- what the rest of the app calls ---------- */

/**
 * The corpus of this process. Loaded on first use (builds, scripts, tests);
 * in the server, loaded in the background from the start, and until then
 * this throws ContentNotReadyError (the server answers 503).
 */
export function getCorpus(): Corpus {
  const store = currentStore();
  if (store.index) return store.index.corpus;
  if (store.background) {
    if (store.failure) throw store.failure;
    void startLoading(store);
    throw new ContentNotReadyError();
  }
  const loaded = runNow(loadAll(store));
  inService(store, loaded);
  return loaded.index.corpus;
}

function startLoading(store: Store): Promise<void> {
  store.loading ??= runSliced(loadAll(store, { trustIndex: true })).then(
    (loaded) => {
      inService(store, loaded);
      // Served from the index as the last process left it: now the files that changed while no one was looking.
      if (loaded.trusted) {
        updateContent().then(
          (update) => {
            if (!update.whole && !update.after.length && !update.before.length) return;
            console.log(`content: ${update.whole ? "all files" : `${new Set([...update.before, ...update.after].map((a) => a.slug)).size} stories`} changed while the server was down, read again`);
            store.onChangedWhileDown?.();
          },
          (err: unknown) => console.error("content: files changed while the server was down break a rule; the index's corpus stays in service", isContentError(err) ? err.message : err),
        );
      }
    },
    (err: unknown) => {
      store.failure = err;
      store.loading = undefined;
      console.error(isContentError(err) ? err.message : err);
    },
  );
  return store.loading;
}

/**
 * Server start: load the corpus in the background, in slices. Resolves when it
 * is in service (or failed). `onChangedWhileDown`: what to do when the index
 * was served first and the files then turned out to have changed (refresh the
 * pages cached before the restart).
 */
export function startContentStore({ onChangedWhileDown }: { onChangedWhileDown?: () => void } = {}): Promise<void> {
  const store = currentStore();
  store.background = true;
  store.onChangedWhileDown = onChangedWhileDown;
  return store.index ? Promise.resolve() : startLoading(store);
}

/** Whether a corpus is in service (the production server answers 503 until then). */
export function contentReady(): boolean {
  return !!slot.get()?.index;
}

/**
 * Applies a publish: the named files (relative to the content directory), or
 * every file that differs from the index when `files` is undefined. One
 * update runs at a time. Throws a ContentError when the new content breaks a
 * rule; the corpus in service stays.
 */
export function updateContent(files?: string[]): Promise<ContentUpdate> {
  const store = currentStore();
  const run = store.queue.then(async () => {
    if (!store.index && store.loading) await store.loading;
    const steps = updateSteps(store, files);
    return store.background ? runSliced(steps) : runNow(steps);
  });
  store.queue = run.catch(() => undefined);
  return run;
}

/** The article files whose size or mtime differ from the corpus in service. */
function* pendingNames(store: Store, index: CorpusIndex): Steps<string[]> {
  const onDisk = yield* scanArticles(store.articlesDir);
  const names: string[] = [];
  for (const [name, stamp] of onDisk) {
    const old = index.files.get(name);
    if (!old || old.size !== stamp.size || old.mtimeMs !== stamp.mtimeMs) names.push(name);
  }
  for (const name of index.files.keys()) if (!onDisk.has(name)) names.push(name);
  return names;
}

/**
 * The problems of the files as they are now that nobody has published yet:
 * what content:check would say of them beside the corpus in service. Costs a
 * stat per file and a read per changed file, in slices (the desk).
 */
export async function checkPendingContent(): Promise<ContentProblem[]> {
  const store = currentStore();
  const steps = function* (): Steps<ContentProblem[]> {
    const index = store.index;
    if (!index) return [];
    const taxonomy = readTaxonomy(store.dir);
    if (taxonomy.context !== store.context) {
      // The data files changed: every file is checked again against them.
      return checkFromScratch(store);
    }
    const { changes, problems } = yield* readChanges(store, index, yield* pendingNames(store, index));
    return index.check(changes, problems);
  };
  return store.background ? runSliced(steps()) : runNow(steps());
}

/** Every problem of the files as they are, checked from scratch without touching the index in service. */
function checkFromScratch(store: Store): ContentProblem[] {
  try {
    loadCorpus(store.dir);
    return [];
  } catch (err) {
    if (isContentError(err)) return err.problems;
    throw err;
  }
}

/** Reads the content directory again, whole (tools and tests). */
export function reloadCorpus(): Corpus {
  const store = currentStore();
  const loaded = runNow(loadAll(store));
  inService(store, loaded);
  return loaded.index.corpus;
}

/** The article files (absolute paths) that the last load read again because they were new or changed; the others came from the index. */
export function filesReadByLastLoad(): string[] {
  const store = currentStore();
  return (store.lastRead ?? []).map((name) => path.join(store.articlesDir, name));
}

/**
 * The Markdown body of a story (of a live story, its intro), as indexed with
 * the corpus in service; for a corpus loaded without the index (loadCorpus),
 * read from its file.
 */
export function articleBody(article: Article): string {
  const store = slot.get();
  if (store?.index?.corpus.bySlug.get(article.slug) === article) {
    const body = store.db.body(article.slug);
    if (body !== undefined) return body;
  }
  const text = fs.readFileSync(/*turbopackIgnore: true*/ path.resolve(/*turbopackIgnore: true*/ article.file), "utf8");
  const parsed = splitFrontMatter(text);
  if (typeof parsed === "string") return "";
  return article.live ? splitLiveBody(parsed.body).intro : parsed.body.trim();
}

/**
 * The search index of the corpus in service (lib/content/search-index.ts: FTS5
 * in the content index's own file). A live story's document holds the updates
 * public when it was written, so the documents of the live stories (a few) are
 * written again once one of their updates has come due.
 */
export function searchDatabase(now: Date = new Date()): DatabaseSync {
  const corpus = getCorpus();
  const store = currentStore();
  if (now.getTime() >= (store.liveSearchUntil ?? 0)) {
    let until = Infinity;
    store.db.transaction(() => {
      for (const article of corpus.live) {
        if (article.status !== "published") continue;
        upsertSearchDoc(store.db.db, searchDocFor(article, articleBody(article), now));
        for (const u of article.live?.updates ?? []) if (u.time > now) until = Math.min(until, u.time.getTime());
      }
    });
    store.liveSearchUntil = until;
  }
  return store.db.db;
}
