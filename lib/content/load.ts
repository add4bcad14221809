import path from "node:path";
import { defaultPublicDir, imageMeasurer, type Dimensions } from "./images";
import { CorpusIndex, newestFirst, sortByFile, type FileState } from "./corpus-index";
import { entryProblems, readEntryFile } from "./entries";
import { contentDir, describe, display, markdownFiles, parseData } from "./parse";
import { checkUnique } from "./rules";
import { authorsSchema, sectionsSchema, siteSchema, topicsSchema } from "./schema";
import type { Author, Section, SiteSettings, Topic } from "./schema";
import { ContentError, type ContentProblem, type Corpus } from "./types";

/*
 * Loading a corpus: parse every file, apply every rule, reshape the valid
 * articles into the app's Article, and index them once (by slug, section,
 * topic, author and old slug), so a page costs O(its own items).
 */

export type LoadOptions = {
  /** Where `/images/…` paths resolve (default: `public/` in the working directory). */
  publicDir?: string;
};

export type DataFiles = {
  site: SiteSettings | undefined;
  sections: Section[];
  authors: Author[];
  topics: Topic[];
};

export function measurerFor(options: LoadOptions) {
  return imageMeasurer(path.resolve(/*turbopackIgnore: true*/ options.publicDir ?? defaultPublicDir()));
}

/** site.yaml, sections.yaml, authors.yaml and topics.yaml, validated; sections in navigation order. */
export function readDataFiles(dir: string, measure: (src: string) => Dimensions | string, problems: ContentProblem[]): DataFiles {
  const site = parseData(siteSchema, path.join(/*turbopackIgnore: true*/ dir, "site.yaml"), problems);
  const sectionsFile = path.join(/*turbopackIgnore: true*/ dir, "sections.yaml");
  const authorsFile = path.join(/*turbopackIgnore: true*/ dir, "authors.yaml");
  const topicsFile = path.join(/*turbopackIgnore: true*/ dir, "topics.yaml");
  const sections = parseData(sectionsSchema, sectionsFile, problems) ?? [];
  const authors = parseData(authorsSchema, authorsFile, problems) ?? [];
  const topics = parseData(topicsSchema, topicsFile, problems) ?? [];

  checkUnique(sectionsFile, sections, (s) => s.slug, "slug", "section slug", problems);
  checkUnique(sectionsFile, sections, (s) => s.order, "order", "section order", problems);
  checkUnique(authorsFile, authors, (a) => a.slug, "slug", "author slug", problems);
  checkUnique(topicsFile, topics, (t) => t.slug, "slug", "topic slug", problems);
  authors.forEach((author, i) => {
    if (!author.avatar) return;
    const dims = measure(author.avatar);
    if (typeof dims === "string") {
      problems.push({ file: display(authorsFile), field: `${i}.avatar`, message: dims, rule: "image" });
    }
  });
  sections.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  return { site, sections, authors, topics };
}

/**
 * Sections, authors and topics without the articles: what tools creating an
 * article need to know. Throws a ContentError if any of those files is bad.
 */
export function loadTaxonomy(dir: string = contentDir(), options: LoadOptions = {}): Omit<DataFiles, "site"> {
  const problems: ContentProblem[] = [];
  const data = readDataFiles(dir, measurerFor(options), problems);
  if (problems.length) throw new ContentError(problems);
  return { sections: data.sections, authors: data.authors, topics: data.topics };
}

/**
 * Reads, validates and indexes the corpus in `dir` in one go, without the
 * persistent index (tests and tools; the server uses store.ts). Throws a
 * ContentError with every problem found (not only the first).
 *
 * Articles live in `dir/articles/`, in sub-folders if the newsroom likes
 * (e.g. `articles/2025/05/<slug>.md`); the file name is the slug, so it must be
 * unique across all folders.
 */
export function loadCorpus(dir: string = contentDir(), options: LoadOptions = {}): Corpus {
  const problems: ContentProblem[] = [];
  const measure = measurerFor(options);
  const { site, sections, authors, topics } = readDataFiles(dir, measure, problems);
  const ofDataFiles = problems.length;
  const articlesDir = path.join(/*turbopackIgnore: true*/ dir, "articles");
  let files: string[] = [];
  try {
    files = markdownFiles(articlesDir);
  } catch (err) {
    problems.push({ file: display(articlesDir), field: "(directory)", message: describe(err), rule: "schema" });
  }
  const index = new CorpusIndex({ site: site ?? ({} as SiteSettings), sections, authors, topics }, articlesDir);
  const context = { ...index.lookups, measure };
  const states: FileState[] = [];
  for (const name of files) {
    const entry = readEntryFile(articlesDir, name, context);
    if (!entry) continue;
    problems.push(...entryProblems(articlesDir, entry));
    states.push({ name, slug: entry.slug, size: entry.size, mtimeMs: entry.mtimeMs, article: index.articleOf(entry) });
  }
  states.sort((a, b) => (a.article && b.article ? newestFirst(a.article, b.article) : a.article ? -1 : b.article ? 1 : 0));
  index.load(states);
  problems.push(...index.checkAll());
  if (problems.length || !site) throw new ContentError([...problems.slice(0, ofDataFiles), ...sortByFile(problems.slice(ofDataFiles))]);
  return index.corpus;
}
