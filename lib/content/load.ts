import fs from "node:fs";
import path from "node:path";
import { aliasPaths, articlePath } from "../paths";
import { defaultPublicDir, imageMeasurer, type Dimensions } from "./images";
import { splitLiveBody } from "./live";
import { contentDir, describe, display, markdownFiles, parseData, readingMinutes, splitFrontMatter, zodProblems } from "./parse";
import {
  checkAliases,
  checkDuplicateSlugs,
  checkFrontMatter,
  checkLiveCoverage,
  checkPins,
  checkSlug,
  checkUnique,
  resolveReferences,
  type Report,
} from "./rules";
import { articleFrontMatterSchema, authorsSchema, sectionsSchema, siteSchema, topicsSchema } from "./schema";
import type { Author, Section, SiteSettings, Topic } from "./schema";
import { ContentError, type Article, type ContentProblem, type Corpus } from "./types";

/*
 * Loading a corpus: parse every file, apply every rule, reshape the valid
 * articles into the app's Article, and index them once (by slug, section,
 * topic, author and old slug), so a page costs O(its own items).
 */

export type LoadOptions = {
  /** Where `/images/…` paths resolve (default: `public/` in the working directory). */
  publicDir?: string;
};

type DataFiles = {
  site: SiteSettings | undefined;
  sections: Section[];
  authors: Author[];
  topics: Topic[];
};

function measurerFor(options: LoadOptions) {
  return imageMeasurer(path.resolve(/*turbopackIgnore: true*/ options.publicDir ?? defaultPublicDir()));
}

/** site.yaml, sections.yaml, authors.yaml and topics.yaml, validated; sections in navigation order. */
function readDataFiles(dir: string, measure: (src: string) => Dimensions | string, problems: ContentProblem[]): DataFiles {
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

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Reads, validates and indexes the corpus in `dir`. Throws a ContentError with
 * every problem found (not only the first).
 *
 * Articles live in `dir/articles/`, in sub-folders if the newsroom likes
 * (e.g. `articles/2025/05/<slug>.md`); the file name is the slug, so it must be
 * unique across all folders.
 */
export function loadCorpus(dir: string = contentDir(), options: LoadOptions = {}): Corpus {
  const problems: ContentProblem[] = [];
  const measure = measurerFor(options);
  const { site, sections, authors, topics } = readDataFiles(dir, measure, problems);
  const lookups = {
    sections: new Map(sections.map((s) => [s.slug, s])),
    authors: new Map(authors.map((a) => [a.slug, a])),
    topics: new Map(topics.map((t) => [t.slug, t])),
  };

  const articlesDir = path.join(/*turbopackIgnore: true*/ dir, "articles");
  let files: string[] = [];
  try {
    files = markdownFiles(articlesDir);
  } catch (err) {
    problems.push({ file: display(articlesDir), field: "(directory)", message: describe(err), rule: "schema" });
  }

  const articles: Article[] = [];
  // Alias problems quote the alias as the editor wrote it, not the path it became.
  const writtenAliases = new Map<number, string[]>();
  /** Files per slug, to report every file of a duplicated slug. */
  const filesBySlug = new Map<string, string[]>();
  for (const name of files) {
    const file = path.join(/*turbopackIgnore: true*/ articlesDir, name);
    const shown = display(file);
    const slug = path.posix.basename(name, ".md");
    pushTo(filesBySlug, slug, shown);
    const before = problems.length;
    const report: Report = (field, message, rule = "schema") => problems.push({ file: shown, field, message, rule });
    checkSlug(slug, report);

    const text = fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8");
    const parsed = splitFrontMatter(text);
    if (typeof parsed === "string") {
      report("(front matter)", parsed);
      continue;
    }
    const raw = parsed.data;
    const result = articleFrontMatterSchema.safeParse(raw, { reportInput: true });
    if (!result.success) problems.push(...zodProblems(shown, result.error));
    const body = parsed.body.trim();
    if (!body) report("body", "must not be empty");
    const { section, byline, topics: articleTopics } = resolveReferences(raw, lookups, report);
    if (!result.success) continue;
    const fm = result.data;
    const dims = measure(fm.image.src);
    checkFrontMatter(fm, body, dims, lookups.sections, report);
    // A live story's body is its intro and its updates; the updates' lines count from the file's first.
    const written = fm.live ? splitLiveBody(parsed.body) : undefined;
    const bodyLine = text.slice(0, text.length - parsed.body.length).split("\n").length;
    const updates = written ? checkLiveCoverage(fm, written.updates, bodyLine, report) : [];
    if (problems.length > before || !section || typeof dims === "string") continue;

    const intro = written ? written.intro : body;
    let minutes: number | undefined;
    writtenAliases.set(articles.length, fm.aliases);
    articles.push({
      slug,
      path: articlePath(section.slug, slug),
      title: fm.title,
      standfirst: fm.standfirst,
      kicker: fm.kicker,
      section,
      tags: [...new Set(articleTopics)],
      authors: byline,
      publishedAt: new Date(fm.publishedAt),
      updatedAt: fm.updatedAt ? new Date(fm.updatedAt) : undefined,
      status: fm.status,
      retractionNote: fm.retractionNote,
      image: { ...fm.image, ...dims },
      body: intro,
      live: fm.live
        ? { start: new Date(fm.live.start), end: fm.live.end ? new Date(fm.live.end) : undefined, updates }
        : undefined,
      related: fm.related,
      aliases: aliasPaths(fm.aliases, section.slug),
      // Oldest first; the sort is stable, so corrections made at the same moment keep the editor's order.
      corrections: fm.corrections.map((c) => ({ date: new Date(c.date), text: c.text })).sort((a, b) => a.date.getTime() - b.date.getTime()),
      get readingMinutes() {
        return (minutes ??= readingMinutes(intro));
      },
      file: shown,
    });
  }
  checkDuplicateSlugs(filesBySlug, problems);

  // Only valid articles reach here; cross-file rules run on them.
  const bySlug = new Map<string, Article>();
  for (const article of articles) if (filesBySlug.get(article.slug)?.length === 1) bySlug.set(article.slug, article);
  const byAlias = checkAliases(articles, writtenAliases, filesBySlug, problems);
  checkPins(articles, filesBySlug, byAlias, problems);

  if (problems.length || !site) {
    // Group by file so an editor reads each file's problems together; discovery order within a file.
    const order = new Map<string, number>();
    for (const p of problems) if (!order.has(p.file)) order.set(p.file, order.size);
    throw new ContentError(problems.sort((a, b) => order.get(a.file)! - order.get(b.file)!));
  }

  // Newest first; slug breaks ties so the order never depends on the file system.
  articles.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.slug < b.slug ? -1 : 1));

  const bySection = new Map<string, Article[]>();
  const byTag = new Map<string, Article[]>();
  const byAuthor = new Map<string, Article[]>();
  for (const article of articles) {
    pushTo(bySection, article.section.slug, article);
    for (const tag of article.tags) pushTo(byTag, tag.slug, article);
    for (const author of article.authors) pushTo(byAuthor, author.slug, article);
  }

  return { site, sections, authors, topics, articles, bySlug, bySection, byTag, byAuthor, byAlias };
}
