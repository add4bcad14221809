import path from "node:path";
import { aliasSlug } from "../paths";
import { display } from "./parse";
import { toArticle, type FileEntry } from "./entries";
import type { Lookups } from "./rules";
import type { Author, Section, SiteSettings, Topic } from "./schema";
import { ContentError, isContentError, type Article, type ContentProblem, type Corpus } from "./types";

/*
 * The corpus in memory, changed in place: a publish detaches the articles of
 * the files that changed and attaches their new versions, so it costs the
 * change, not the archive. Every list stays newest first by binary insertion.
 *
 * The rules across files (duplicate slugs, aliases, pins) are checked only
 * where a change can break them: the slugs, aliases and pins of the files
 * that changed, and the stories that pin a slug that went away. The corpus in
 * service is always valid, so nothing else can be. A change that breaks a
 * rule is undone before anyone reads the corpus, and its problems thrown.
 */

export type Taxonomy = { site: SiteSettings; sections: Section[]; authors: Author[]; topics: Topic[] };

/** What a change did: the stories as they were and as they are (a story renamed is one of each). */
export type ChangeSet = { before: Article[]; after: Article[] };

/** Newest first; slug breaks ties so the order never depends on the file system. */
export function newestFirst(a: Pick<Article, "publishedAt" | "slug">, b: Pick<Article, "publishedAt" | "slug">): number {
  return b.publishedAt.getTime() - a.publishedAt.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/** Index of the first item of `list` (newest first) that sorts after `article`. */
function insertionPoint(list: Article[], article: Article): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (newestFirst(list[mid]!, article) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(list: Article[], article: Article, appendOnly: boolean) {
  // Loading from the index reads records newest first: appending keeps the order at no cost.
  if (appendOnly && (list.length === 0 || newestFirst(list[list.length - 1]!, article) <= 0)) list.push(article);
  else list.splice(insertionPoint(list, article), 0, article);
}

function removeSorted(list: Article[], article: Article) {
  let i = insertionPoint(list, article) - 1;
  if (list[i] !== article) i = list.indexOf(article);
  if (i >= 0) list.splice(i, 1);
}

function addTo<K>(map: Map<K, Article[]>, key: K, article: Article, appendOnly: boolean) {
  const list = map.get(key);
  if (list) insertSorted(list, article, appendOnly);
  else map.set(key, [article]);
}

function removeFrom<K>(map: Map<K, Article[]>, key: K, article: Article) {
  const list = map.get(key);
  if (!list) return;
  removeSorted(list, article);
  if (list.length === 0) map.delete(key);
}

function addToSet<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function removeFromSet<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (!list) return;
  const i = list.indexOf(value);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) map.delete(key);
}

/** What the index knows of one article file in service. */
export type FileState = { name: string; slug: string; size: number; mtimeMs: number; article?: Article };

export class CorpusIndex {
  readonly corpus: Corpus;
  readonly lookups: Lookups;
  /** Every file in service by name (under articles/). */
  readonly files = new Map<string, FileState>();
  /** Files per slug: two files of one slug are a problem for both. */
  private readonly namesBySlug = new Map<string, string[]>();
  /** Every claim on an old slug, in the order attached. */
  private readonly aliasClaims = new Map<string, Article[]>();
  /** The stories that pin a slug. */
  private readonly pinnedBy = new Map<string, Article[]>();

  constructor(
    taxonomy: Taxonomy,
    readonly articlesDir: string,
  ) {
    this.lookups = {
      sections: new Map(taxonomy.sections.map((s) => [s.slug, s])),
      authors: new Map(taxonomy.authors.map((a) => [a.slug, a])),
      topics: new Map(taxonomy.topics.map((t) => [t.slug, t])),
    };
    this.shownDir = display(path.join(/*turbopackIgnore: true*/ articlesDir, "x")).slice(0, -1);
    this.corpus = {
      ...taxonomy,
      articles: [],
      bySlug: new Map(),
      bySection: new Map(),
      byTag: new Map(),
      byAuthor: new Map(),
      byAlias: new Map(),
      byPath: new Map(),
      byStatus: new Map(),
      live: new Set(),
      version: 0,
    };
  }

  /** The articles folder as the reader's checkout names it, with a slash (once: 100,000 path resolutions cost a second). */
  private readonly shownDir: string;

  private shown(name: string): string {
    return this.shownDir + name;
  }

  private attach(state: FileState, appendOnly = false) {
    this.files.set(state.name, state);
    addToSet(this.namesBySlug, state.slug, state.name);
    const article = state.article;
    if (!article) return;
    const c = this.corpus;
    insertSorted(c.articles, article, appendOnly);
    // Two files of one slug are refused (and undone); while they are tried, the first keeps it.
    if (!c.bySlug.has(article.slug)) c.bySlug.set(article.slug, article);
    addTo(c.bySection, article.section.slug, article, appendOnly);
    for (const tag of article.tags) addTo(c.byTag, tag.slug, article, appendOnly);
    for (const author of article.authors) addTo(c.byAuthor, author.slug, article, appendOnly);
    addTo(c.byStatus, article.status, article, appendOnly);
    if (article.live) c.live.add(article);
    if (!c.byPath.has(article.path)) c.byPath.set(article.path, article);
    for (const alias of article.aliases) if (!c.byPath.has(alias)) c.byPath.set(alias, article);
    for (const alias of article.aliases) {
      const old = aliasSlug(alias);
      addToSet(this.aliasClaims, old, article);
      if (!c.byAlias.has(old)) c.byAlias.set(old, article);
    }
    for (const pinned of article.related) addToSet(this.pinnedBy, pinned, article);
  }

  private detach(state: FileState) {
    this.files.delete(state.name);
    removeFromSet(this.namesBySlug, state.slug, state.name);
    const article = state.article;
    if (!article) return;
    const c = this.corpus;
    removeSorted(c.articles, article);
    if (c.bySlug.get(article.slug) === article) {
      c.bySlug.delete(article.slug);
      const other = (this.namesBySlug.get(article.slug) ?? []).map((n) => this.files.get(n)?.article).find(Boolean);
      if (other) c.bySlug.set(other.slug, other);
    }
    removeFrom(c.bySection, article.section.slug, article);
    for (const tag of article.tags) removeFrom(c.byTag, tag.slug, article);
    for (const author of article.authors) removeFrom(c.byAuthor, author.slug, article);
    removeFrom(c.byStatus, article.status, article);
    c.live.delete(article);
    for (const p of [article.path, ...article.aliases]) if (c.byPath.get(p) === article) c.byPath.delete(p);
    const sameSlug = c.bySlug.get(article.slug);
    if (sameSlug && sameSlug !== article && !c.byPath.has(sameSlug.path)) c.byPath.set(sameSlug.path, sameSlug);
    for (const alias of article.aliases) {
      const old = aliasSlug(alias);
      removeFromSet(this.aliasClaims, old, article);
      if (c.byAlias.get(old) === article) {
        const next = this.aliasClaims.get(old)?.[0];
        if (next) c.byAlias.set(old, next);
        else c.byAlias.delete(old);
      }
    }
    for (const pinned of article.related) removeFromSet(this.pinnedBy, pinned, article);
  }

  /**
   * The problems `changes` would bring, without changing anything the
   * corpus in service shows (the desk checks files nobody has published yet).
   */
  check(changes: Map<string, FileState | null>, ownProblems: ContentProblem[]): ContentProblem[] {
    try {
      this.apply(changes, ownProblems, true);
      return [];
    } catch (err) {
      if (isContentError(err)) return err.problems;
      throw err;
    }
  }

  /** The article of a checked file entry (undefined for a file with problems of its own). */
  articleOf(entry: Pick<FileEntry, "name" | "record">): Article | undefined {
    return entry.record ? toArticle(entry.record, this.shown(entry.name), this.lookups) : undefined;
  }

  /**
   * Adds files to an empty index, as a load does: newest first is cheapest.
   * Problems are not checked here: call check() once everything is in.
   */
  load(states: FileState[]) {
    for (const state of states) this.attach(state, true);
  }

  /** Every problem across files, of the whole index (after load). */
  checkAll(): ContentProblem[] {
    const steps = this.checkAllSteps();
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
    }
  }

  /** checkAll(), a slice of files per step. */
  *checkAllSteps(): Generator<void, ContentProblem[], void> {
    const seen = new Set<string>();
    const problems: ContentProblem[] = [];
    let slice: FileState[] = [];
    for (const state of this.files.values()) {
      slice.push(state);
      if (slice.length < 1024) continue;
      problems.push(...this.crossFileProblems(slice, new Set(), [], seen));
      slice = [];
      yield;
    }
    problems.push(...this.crossFileProblems(slice, new Set(), [], seen));
    return problems;
  }

  /**
   * Replaces the files named in `changes` (an entry, or null for a file that
   * is gone) and returns what changed. `ownProblems` are the changed files'
   * problems of their own; if they or the rules across files find anything,
   * the index is left as it was and a ContentError thrown.
   */
  apply(changes: Map<string, FileState | null>, ownProblems: ContentProblem[], dryRun = false): ChangeSet {
    const before: FileState[] = [];
    const after: FileState[] = [];
    for (const [name, next] of changes) {
      const old = this.files.get(name);
      if (old) {
        this.detach(old);
        before.push(old);
      }
      if (next) after.push(next);
    }
    for (const state of after) this.attach(state);
    const beforeSlugs = new Set(before.map((s) => s.slug));
    const gone = [...beforeSlugs].filter((slug) => !this.namesBySlug.has(slug));
    const problems = [...ownProblems, ...this.crossFileProblems(after, beforeSlugs, gone)];
    if (problems.length || dryRun) {
      for (const state of after) this.detach(state);
      for (const state of before) this.attach(state);
      if (problems.length) throw new ContentError(groupByFile(problems));
    }
    this.corpus.version++;
    return { before: before.flatMap((s) => (s.article ? [s.article] : [])), after: after.flatMap((s) => (s.article ? [s.article] : [])) };
  }

  /**
   * The rules across files, where `changed` files (now in the index) and the
   * slugs that were replaced or are `gone` can break them.
   */
  private crossFileProblems(changed: FileState[], replacedSlugs: Set<string>, gone: string[], seen = new Set<string>()): ContentProblem[] {
    const problems: ContentProblem[] = [];
    const push = (file: string, field: string, message: string, rule: ContentProblem["rule"]) => {
      const key = `${file}\0${field}\0${message}`;
      if (seen.has(key)) return;
      seen.add(key);
      problems.push({ file, field, message, rule });
    };
    const filesOf = (slug: string) => (this.namesBySlug.get(slug) ?? []).map((n) => this.shown(n));

    // Duplicate slugs: every file of a slug more than one file claims.
    const slugs = new Set(changed.map((s) => s.slug));
    for (const slug of slugs) {
      const shown = filesOf(slug);
      if (shown.length < 2) continue;
      for (const file of shown) push(file, "(file name)", `duplicate slug "${slug}" (also ${shown.filter((f) => f !== file).join(", ")})`, "duplicate");
    }

    // Aliases: an old slug must lead to exactly one story and be no story's slug.
    const aliasKeys = new Set<string>();
    for (const s of changed) {
      for (const alias of s.article?.writtenAliases ?? []) aliasKeys.add(aliasSlug(alias));
      aliasKeys.add(s.slug);
    }
    for (const old of aliasKeys) {
      const claimants = this.aliasClaims.get(old);
      if (!claimants) continue;
      for (const article of new Set(claimants)) {
        article.writtenAliases.forEach((alias, i) => {
          if (aliasSlug(alias) !== old) return;
          const field = `aliases.${i}`;
          const owner = filesOf(old);
          if (old === article.slug) push(article.file, field, `"${alias}" is this story's own slug`, "alias");
          else if (owner.length) push(article.file, field, `"${alias}" is the slug of ${owner.join(", ")}`, "alias");
          const where: string[] = [];
          for (const other of claimants) {
            if (other === article) {
              article.writtenAliases.forEach((a, j) => {
                if (j !== i && aliasSlug(a) === old) where.push(`this story's aliases.${j}`);
              });
            } else where.push(other.file);
          }
          if (where.length) push(article.file, field, `"${alias}" is also an alias in ${[...new Set(where)].join(", ")}`, "alias");
        });
      }
    }

    // Pins: a pinned story must exist; a pin by an old slug names the story to pin instead.
    const checkPinsOf = (article: Article) => {
      article.related.forEach((slug, i) => {
        const field = `related.${i}`;
        if (slug === article.slug) push(article.file, field, "a story cannot pin itself", "reference");
        else if (this.namesBySlug.has(slug)) return;
        else if (this.corpus.byAlias.has(slug)) push(article.file, field, `"${slug}" is an old slug of "${this.corpus.byAlias.get(slug)!.slug}": pin that instead`, "reference");
        else push(article.file, field, `unknown article "${slug}"`, "reference");
      });
    };
    for (const s of changed) if (s.article) checkPinsOf(s.article);
    for (const slug of [...gone, ...replacedSlugs]) for (const pinner of this.pinnedBy.get(slug) ?? []) checkPinsOf(pinner);
    return problems;
  }
}

/** Problems grouped by file, so an editor reads each file's problems together; discovery order within a file. */
export function groupByFile(problems: ContentProblem[]): ContentProblem[] {
  const order = new Map<string, number>();
  for (const p of problems) if (!order.has(p.file)) order.set(p.file, order.size);
  return problems.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
}

/** Problems of a whole corpus: by file name, then in discovery order within a file. */
export function sortByFile(problems: ContentProblem[]): ContentProblem[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
