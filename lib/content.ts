import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { imageSize } from "image-size";
import YAML from "yaml";
import type { z } from "zod";
import {
  articleFrontMatterSchema,
  authorsSchema,
  sectionsSchema,
  siteSchema,
  topicsSchema,
  type ArticleStatus,
  type Author,
  type Section,
  type SiteSettings,
  type Topic,
} from "./schema";
import { isPublic } from "./visibility";

/*
 * The one door to the newsroom's content. Nothing else in the app reads
 * `content/`: pages ask the functions below. Everything is read, validated
 * and indexed once per process; a bad corpus throws a ContentError listing
 * every problem with its file and field.
 */

export type { Author, Section, SiteSettings, Topic } from "./schema";

export type HeroImage = {
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /** File size, for feed enclosures. */
  bytes: number;
};

export type Article = {
  slug: string;
  /** Canonical path, e.g. `/world/some-story`. */
  path: string;
  title: string;
  standfirst: string;
  kicker: string | undefined;
  section: Section;
  /** Topics in the editor's order. */
  tags: Topic[];
  authors: Author[];
  publishedAt: Date;
  updatedAt: Date | undefined;
  status: ArticleStatus;
  /** Public note at the address of a retracted story. */
  retractionNote: string | undefined;
  image: HeroImage;
  /** Markdown source of the body. */
  body: string;
  /** Editor-pinned related slugs, in the editor's order. */
  related: string[];
  /** Old addresses of the story as paths, e.g. `/world/old-slug` (see aliasPaths). */
  aliases: string[];
  readingMinutes: number;
  /** Source file relative to the working directory, for error messages. */
  file: string;
};

export type Corpus = {
  site: SiteSettings;
  sections: Section[];
  authors: Author[];
  topics: Topic[];
  /** Every article, any status, newest first. */
  articles: Article[];
  bySlug: Map<string, Article>;
  /** Articles per section slug, newest first. */
  bySection: Map<string, Article[]>;
  /** Articles per topic slug, newest first. */
  byTag: Map<string, Article[]>;
  /** Articles per author slug, newest first. */
  byAuthor: Map<string, Article[]>;
};

export type ContentProblem = { file: string; field: string; message: string };

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `Invalid content (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
    this.name = "ContentError";
  }
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}

const WORDS_PER_MINUTE = 230;

// The content directory is chosen at run time, so the bundler must not try to trace it;
// next.config.ts ships content/ with the server instead.
export function contentDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.CONTENT_DIR ?? "content");
}

function publicDir(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "public");
}

/** A path relative to the working directory, as editors see it in their checkout. */
function display(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

function zodProblems(file: string, error: z.ZodError): ContentProblem[] {
  return error.issues.map((issue) => ({
    file,
    field: issue.path.length ? issue.path.join(".") : "(file)",
    message: issue.message,
  }));
}

function readYaml(file: string, problems: ContentProblem[]): unknown {
  try {
    return YAML.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    problems.push({ file: display(file), field: "(file)", message: describe(err) });
    return undefined;
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message.split("\n")[0]! : String(err);
}

function parseData<S extends z.ZodType>(
  schema: S,
  file: string,
  problems: ContentProblem[],
): z.infer<S> | undefined {
  const raw = readYaml(file, problems);
  if (raw === undefined && problems.some((p) => p.file === display(file))) return undefined;
  const result = schema.safeParse(raw);
  if (!result.success) {
    problems.push(...zodProblems(display(file), result.error));
    return undefined;
  }
  return result.data;
}

function readingMinutes(markdown: string): number {
  const words = markdown.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

// Many articles share a few images: measure each file once.
type Measured = { width: number; height: number; bytes: number };
const dimensionCache = new Map<string, Measured | string>();

function heroDimensions(src: string): Measured | string {
  let dims = dimensionCache.get(src);
  if (!dims) dimensionCache.set(src, (dims = measureImage(src)));
  return dims;
}

function measureImage(src: string): Measured | string {
  const root = publicDir();
  const file = path.join(/*turbopackIgnore: true*/ root, src);
  if (!file.startsWith(root + path.sep)) return "must stay inside public/";
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(/*turbopackIgnore: true*/ file);
  } catch {
    return `image file not found: ${display(file)}`;
  }
  try {
    const { width, height } = imageSize(buffer);
    return { width, height, bytes: buffer.length };
  } catch (err) {
    return `cannot read image size of ${display(file)}: ${describe(err)}`;
  }
}

function pushUnique(map: Map<string, Article[]>, key: string, article: Article) {
  const list = map.get(key);
  if (list) list.push(article);
  else map.set(key, [article]);
}

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Front-matter aliases as paths: an old slug stays in the story's section,
 * an old `section/slug` is taken whole.
 *
 * @example
 * aliasPaths(["old-slug", "diplomacy/older-slug"], "world") // ["/world/old-slug", "/diplomacy/older-slug"]
 */
export function aliasPaths(aliases: string[], section: string): string[] {
  return [...new Set(aliases.map((a) => (a.includes("/") ? `/${a}` : `/${section}/${a}`)))];
}

/** Every address (canonical or alias) must lead to one story only, or a redirect would shadow a page. */
function addressClashes(articles: Article[]): ContentProblem[] {
  const owner = new Map<string, Article>();
  for (const article of articles) owner.set(article.path, article);
  const problems: ContentProblem[] = [];
  for (const article of articles) {
    article.aliases.forEach((alias, i) => {
      const other = owner.get(alias);
      if (other === article) {
        problems.push({ file: article.file, field: `aliases.${i}`, message: `"${alias}" is the story's own address` });
      } else if (other) {
        problems.push({ file: article.file, field: `aliases.${i}`, message: `"${alias}" is already the address of ${other.file}` });
      } else {
        owner.set(alias, article);
      }
    });
  }
  return problems;
}

/**
 * Reads, validates and indexes the corpus in `dir`. Throws a ContentError with
 * every problem found (not only the first).
 */
export function loadCorpus(dir: string = contentDir()): Corpus {
  const problems: ContentProblem[] = [];
  const site = parseData(siteSchema, path.join(dir, "site.yaml"), problems);
  const sections = parseData(sectionsSchema, path.join(dir, "sections.yaml"), problems) ?? [];
  const authors = parseData(authorsSchema, path.join(dir, "authors.yaml"), problems) ?? [];
  const topics = parseData(topicsSchema, path.join(dir, "topics.yaml"), problems) ?? [];

  const sectionBySlug = new Map(sections.map((s) => [s.slug, s]));
  const authorBySlug = new Map(authors.map((a) => [a.slug, a]));
  const topicBySlug = new Map(topics.map((t) => [t.slug, t]));

  const articlesDir = path.join(dir, "articles");
  let files: string[] = [];
  try {
    files = fs
      .readdirSync(articlesDir)
      .filter((f) => f.endsWith(".md"))
      .sort();
  } catch (err) {
    problems.push({ file: display(articlesDir), field: "(directory)", message: describe(err) });
  }

  const articles: Article[] = [];
  for (const name of files) {
    const file = path.join(articlesDir, name);
    const shown = display(file);
    const slug = name.slice(0, -".md".length);
    const before = problems.length;
    if (!SLUG_RE.test(slug)) {
      problems.push({ file: shown, field: "(file name)", message: "slug must be lower-case letters, digits and single hyphens" });
    }

    let parsed: matter.GrayMatterFile<string>;
    try {
      parsed = matter(fs.readFileSync(file, "utf8"), {
        engines: { yaml: (s: string) => YAML.parse(s) as object },
      });
    } catch (err) {
      problems.push({ file: shown, field: "(front matter)", message: describe(err) });
      continue;
    }
    const raw: Record<string, unknown> = parsed.data;
    const result = articleFrontMatterSchema.safeParse(raw);
    if (!result.success) problems.push(...zodProblems(shown, result.error));
    if (!parsed.content.trim()) problems.push({ file: shown, field: "body", message: "must not be empty" });

    // References are checked even when other fields are invalid, so an editor sees every problem at once.
    const section = typeof raw.section === "string" ? sectionBySlug.get(raw.section) : undefined;
    if (typeof raw.section === "string" && !section) {
      problems.push({ file: shown, field: "section", message: `unknown section "${raw.section}"` });
    }
    const byline: Author[] = [];
    if (Array.isArray(raw.authors)) {
      raw.authors.forEach((a: unknown, i) => {
        if (typeof a !== "string") return;
        const author = authorBySlug.get(a);
        if (author) byline.push(author);
        else problems.push({ file: shown, field: `authors.${i}`, message: `unknown author "${a}"` });
      });
    }
    const articleTopics: Topic[] = [];
    if (Array.isArray(raw.tags)) {
      raw.tags.forEach((t: unknown, i) => {
        if (typeof t !== "string") return;
        const topic = topicBySlug.get(t);
        if (topic) articleTopics.push(topic);
        else problems.push({ file: shown, field: `tags.${i}`, message: `unknown topic "${t}" (add it to topics.yaml)` });
      });
    }
    if (!result.success) continue;
    const fm = result.data;
    const dims = heroDimensions(fm.image.src);
    if (typeof dims === "string") problems.push({ file: shown, field: "image.src", message: dims });
    const publishedAt = new Date(fm.publishedAt);
    const updatedAt = fm.updatedAt ? new Date(fm.updatedAt) : undefined;
    if (updatedAt && updatedAt < publishedAt) {
      problems.push({ file: shown, field: "updatedAt", message: "must not be before publishedAt" });
    }
    if (fm.retractionNote && fm.status !== "retracted") {
      problems.push({ file: shown, field: "retractionNote", message: "only a retracted story has a retraction note" });
    }

    if (problems.length > before || !section || typeof dims === "string") continue;
    articles.push({
      slug,
      path: `/${section.slug}/${slug}`,
      title: fm.title,
      standfirst: fm.standfirst,
      kicker: fm.kicker,
      section,
      tags: [...new Set(articleTopics)],
      authors: byline,
      publishedAt,
      updatedAt,
      status: fm.status,
      retractionNote: fm.retractionNote,
      image: { ...fm.image, ...dims },
      body: parsed.content.trim(),
      related: fm.related,
      aliases: aliasPaths(fm.aliases, section.slug),
      readingMinutes: readingMinutes(parsed.content),
      file: shown,
    });
  }

  problems.push(...addressClashes(articles));
  if (problems.length || !site) throw new ContentError(problems);

  // Newest first; slug breaks ties so the order never depends on the file system.
  articles.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug));

  const bySlug = new Map<string, Article>();
  const bySection = new Map<string, Article[]>();
  const byTag = new Map<string, Article[]>();
  const byAuthor = new Map<string, Article[]>();
  for (const article of articles) {
    bySlug.set(article.slug, article);
    pushUnique(bySection, article.section.slug, article);
    for (const tag of article.tags) pushUnique(byTag, tag.slug, article);
    for (const author of article.authors) pushUnique(byAuthor, author.slug, article);
  }

  return { site, sections, authors, topics, articles, bySlug, bySection, byTag, byAuthor };
}

// Kept on globalThis: route bundles may each get their own copy of this module,
// and a reload asked for by /api/revalidate must reach all of them.
const store = globalThis as typeof globalThis & { __ibnCorpus?: { dir: string; corpus: Corpus } };

/** The corpus of this process, loaded on first use. */
export function getCorpus(): Corpus {
  const dir = contentDir();
  let cached = store.__ibnCorpus;
  if (!cached || cached.dir !== dir) store.__ibnCorpus = cached = { dir, corpus: loadCorpus(dir) };
  return cached.corpus;
}

/**
 * Reads the content directory again (after the newsroom changed files in a
 * running deployment). A corpus that no longer validates throws and the
 * previous one stays in service.
 */
export function reloadCorpus(): Corpus {
  const dir = contentDir();
  const corpus = loadCorpus(dir);
  store.__ibnCorpus = { dir, corpus };
  return corpus;
}

export function getSite(): SiteSettings {
  return getCorpus().site;
}

export function getSections(): Section[] {
  return getCorpus().sections;
}

export function getSection(slug: string): Section | undefined {
  return getCorpus().sections.find((s) => s.slug === slug);
}

/** An article by slug, whatever its status: callers decide visibility. */
export function getArticle(slug: string): Article | undefined {
  return getCorpus().bySlug.get(slug);
}

/**
 * Public articles, newest first, from `list` (default: the whole corpus),
 * skipping those in `exclude`, at most `limit`.
 */
export function latestPublic(
  now: Date,
  { limit = Infinity, list, exclude }: { limit?: number; list?: Article[]; exclude?: (a: Article) => boolean } = {},
): Article[] {
  const out: Article[] = [];
  for (const article of list ?? getCorpus().articles) {
    if (out.length >= limit) break;
    if (isPublic(article, now) && !exclude?.(article)) out.push(article);
  }
  return out;
}

/** Public articles of a section, newest first. */
export function sectionArticles(sectionSlug: string, now: Date, limit?: number): Article[] {
  return latestPublic(now, { list: getCorpus().bySection.get(sectionSlug) ?? [], limit });
}

/**
 * "More stories" under an article: the newest public stories of its section,
 * then the newest from elsewhere, never the article itself.
 */
export function moreStories(article: Article, now: Date, limit: number): Article[] {
  const notThis = (a: Article) => a.slug === article.slug;
  const same = latestPublic(now, { list: getCorpus().bySection.get(article.section.slug) ?? [], limit, exclude: notThis });
  if (same.length >= limit) return same;
  const taken = new Set(same.map((a) => a.slug));
  return same.concat(
    latestPublic(now, { limit: limit - same.length, exclude: (a) => notThis(a) || taken.has(a.slug) }),
  );
}

export function getTopic(slug: string): Topic | undefined {
  return getCorpus().topics.find((t) => t.slug === slug);
}

/** Public articles on a topic, newest first. */
export function topicArticles(topicSlug: string, now: Date): Article[] {
  return latestPublic(now, { list: getCorpus().byTag.get(topicSlug) ?? [] });
}

export function getAuthor(slug: string): Author | undefined {
  return getCorpus().authors.find((a) => a.slug === slug);
}

/** Public articles by an author, newest first. */
export function authorArticles(authorSlug: string, now: Date): Article[] {
  return latestPublic(now, { list: getCorpus().byAuthor.get(authorSlug) ?? [] });
}

/** Absolute URL on the canonical origin. */
export function absoluteUrl(pathname: string): string {
  return new URL(pathname, getSite().origin + "/").toString();
}
