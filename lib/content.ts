import fs from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";
import { load as parseYaml } from "js-yaml";
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
  /** Computed from the body on first use (counting 10,000 bodies' words would slow every load). */
  readonly readingMinutes: number;
  /** Source file relative to the working directory, for error messages. */
  file: string;
};

export type Corpus = {
  site: SiteSettings;
  /** Sections by `order` (navigation order). */
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
  /** The story an old slug (the last segment of an alias) now lives at. */
  byAlias: Map<string, Article>;
};

/**
 * What kind of rule a problem breaks; `content:check` counts problems per rule.
 * - schema: unreadable file, or a field missing or malformed
 * - reference: an unknown section, author, topic or pinned related story
 * - duplicate: two things share a slug (or two sections an order)
 * - alias: an alias that is another story's slug or another story's alias
 * - image: a missing, unreadable or too narrow image; missing alt text or credit
 * - placeholder: a published story still carrying `content:new` stubs
 */
export type ContentRule = "schema" | "reference" | "duplicate" | "alias" | "image" | "placeholder";

export type ContentProblem = { file: string; field: string; message: string; rule: ContentRule };

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

/** Hero images are shown up to 1024 CSS px wide; narrower files look soft on dense screens. */
export const MIN_HERO_WIDTH = 1200;

/**
 * `content:new` stubs: a draft may carry them, a published story may not.
 * Text fields start with the marker, the image is the shared placeholder.
 */
export const PLACEHOLDER_TEXT = "TODO:";
export const PLACEHOLDER_IMAGE = "/images/placeholder.jpg";

// The content directory is chosen at run time, so the bundler must not try to trace it
// (every dynamic path below says turbopackIgnore; without it a generated corpus inside the
// project gets traced file by file); next.config.ts ships content/ with the server instead.
export function contentDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.CONTENT_DIR ?? "content");
}

function defaultPublicDir(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "public");
}

/** A path relative to the working directory, as editors see it in their checkout. */
function display(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

function fieldOf(issuePath: PropertyKey[]): string {
  return issuePath.length ? issuePath.map(String).join(".") : "(file)";
}

function zodProblems(file: string, error: z.ZodError): ContentProblem[] {
  return error.issues.map((issue) => {
    const field = fieldOf(issue.path);
    // `reportInput` puts the input on each issue: a missing field reads better as "is required".
    const missing = issue.code === "invalid_type" && "input" in issue && issue.input === undefined;
    return {
      file,
      field,
      message: missing ? "is required" : issue.message,
      rule: /^image\.(alt|credit)$/.test(field) ? "image" : "schema",
    };
  });
}

/*
 * YAML is read with js-yaml's YAML 1.2 core schema: dates stay strings (zod
 * checks them), `yes`/`no` stay strings, duplicate keys are errors. It parses
 * front matter several times faster than the `yaml` package, which matters
 * at 10,000 articles.
 */
function readYaml(file: string, problems: ContentProblem[]): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: parseYaml(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8")) };
  } catch (err) {
    problems.push({ file: display(file), field: "(file)", message: describe(err), rule: "schema" });
    return { ok: false };
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
  if (!raw.ok) return undefined;
  const result = schema.safeParse(raw.value, { reportInput: true });
  if (!result.success) {
    problems.push(...zodProblems(display(file), result.error));
    return undefined;
  }
  return result.data;
}

/** Flags entries of a data file that share a value of `key` (slugs; section orders). */
function checkUnique<T>(
  file: string,
  items: T[],
  key: (item: T) => string | number,
  field: string,
  what: string,
  problems: ContentProblem[],
) {
  const first = new Map<string | number, number>();
  items.forEach((item, i) => {
    const value = key(item);
    const earlier = first.get(value);
    if (earlier === undefined) first.set(value, i);
    else {
      problems.push({
        file: display(file),
        field: `${i}.${field}`,
        message: `duplicate ${what} ${JSON.stringify(value)} (also entry ${earlier})`,
        rule: "duplicate",
      });
    }
  });
}

/** Words separated by white space, counted without building arrays (10,000 bodies at load). */
function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

function readingMinutes(markdown: string): number {
  return Math.max(1, Math.round(countWords(markdown) / WORDS_PER_MINUTE));
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;

/**
 * Splits `---`-fenced YAML front matter from the Markdown body. Returns the
 * reason when the file has no front matter or it is not a YAML mapping.
 */
function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string } | string {
  const match = FRONT_MATTER.exec(text);
  if (!match || match.index !== 0) return "missing: the file must start with a --- line, the front matter, and a closing --- line";
  let data: unknown;
  try {
    data = parseYaml(match[1]!);
  } catch (err) {
    // js-yaml counts lines from the start of the front matter; the file has the opening --- above it.
    return describe(err).replace(/\((\d+):(\d+)\)$/, (_, line: string, col: string) => `(line ${Number(line) + 1}, column ${col})`);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return "must be a YAML mapping of fields";
  return { data: data as Record<string, unknown>, body: text.slice(match[0].length) };
}

type Dimensions = { width: number; height: number; bytes: number };

/** Measures image files, each once per load: many articles share a few images. */
function imageMeasurer(root: string): (src: string) => Dimensions | string {
  const cache = new Map<string, Dimensions | string>();
  return (src) => {
    let dims = cache.get(src);
    if (!dims) cache.set(src, (dims = measureImage(root, src)));
    return dims;
  };
}

function measureImage(root: string, src: string): Dimensions | string {
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

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Every `.md` file under `dir`, at any depth, as sorted paths relative to `dir`. */
function markdownFiles(dir: string): string[] {
  return (fs.readdirSync(/*turbopackIgnore: true*/ dir, { recursive: true, encoding: "utf8" }) as string[])
    .filter((f) => f.endsWith(".md"))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

/** The slug an alias frees: the last segment of `old-slug` or `section/old-slug`. */
export function aliasSlug(alias: string): string {
  return alias.slice(alias.lastIndexOf("/") + 1);
}

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
  const data = readDataFiles(dir, imageMeasurer(path.resolve(/*turbopackIgnore: true*/ options.publicDir ?? defaultPublicDir())), problems);
  if (problems.length) throw new ContentError(problems);
  return { sections: data.sections, authors: data.authors, topics: data.topics };
}

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
  const measure = imageMeasurer(path.resolve(/*turbopackIgnore: true*/ options.publicDir ?? defaultPublicDir()));
  const { site, sections, authors, topics } = readDataFiles(dir, measure, problems);

  const sectionBySlug = new Map(sections.map((s) => [s.slug, s]));
  const authorBySlug = new Map(authors.map((a) => [a.slug, a]));
  const topicBySlug = new Map(topics.map((t) => [t.slug, t]));

  const articlesDir = path.join(/*turbopackIgnore: true*/ dir, "articles");
  let files: string[] = [];
  try {
    files = markdownFiles(articlesDir);
  } catch (err) {
    problems.push({ file: display(articlesDir), field: "(directory)", message: describe(err), rule: "schema" });
  }

  const articles: Article[] = [];
  const writtenAliases = new Map<number, string[]>();
  /** Files per slug, to report every file of a duplicated slug. */
  const filesBySlug = new Map<string, string[]>();
  for (const name of files) {
    const file = path.join(/*turbopackIgnore: true*/ articlesDir, name);
    const shown = display(file);
    const slug = path.posix.basename(name, ".md");
    pushTo(filesBySlug, slug, shown);
    const before = problems.length;
    const problem = (field: string, message: string, rule: ContentRule = "schema") =>
      problems.push({ file: shown, field, message, rule });
    if (!SLUG_RE.test(slug)) problem("(file name)", "slug must be lower-case letters, digits and single hyphens");

    const parsed = splitFrontMatter(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
    if (typeof parsed === "string") {
      problem("(front matter)", parsed);
      continue;
    }
    const raw = parsed.data;
    const result = articleFrontMatterSchema.safeParse(raw, { reportInput: true });
    if (!result.success) problems.push(...zodProblems(shown, result.error));
    const body = parsed.body.trim();
    if (!body) problem("body", "must not be empty");

    // References are checked even when other fields are invalid, so an editor sees every problem at once.
    const section = typeof raw.section === "string" ? sectionBySlug.get(raw.section) : undefined;
    if (typeof raw.section === "string" && !section) {
      problem("section", `unknown section "${raw.section}"`, "reference");
    }
    const byline: Author[] = [];
    if (Array.isArray(raw.authors)) {
      raw.authors.forEach((a: unknown, i) => {
        if (typeof a !== "string") return;
        const author = authorBySlug.get(a);
        if (author) byline.push(author);
        else problem(`authors.${i}`, `unknown author "${a}"`, "reference");
      });
    }
    const articleTopics: Topic[] = [];
    if (Array.isArray(raw.tags)) {
      raw.tags.forEach((t: unknown, i) => {
        if (typeof t !== "string") return;
        const topic = topicBySlug.get(t);
        if (topic) articleTopics.push(topic);
        else problem(`tags.${i}`, `unknown topic "${t}" (add it to topics.yaml)`, "reference");
      });
    }
    if (!result.success) continue;
    const fm = result.data;

    const dims = measure(fm.image.src);
    if (typeof dims === "string") problem("image.src", dims, "image");
    else if (dims.width < MIN_HERO_WIDTH) {
      problem("image.src", `hero image is ${dims.width} px wide; it must be at least ${MIN_HERO_WIDTH} px`, "image");
    }
    const publishedAt = new Date(fm.publishedAt);
    const updatedAt = fm.updatedAt ? new Date(fm.updatedAt) : undefined;
    if (updatedAt && updatedAt < publishedAt) problem("updatedAt", "must not be before publishedAt");
    fm.aliases.forEach((alias, i) => {
      const prefix = alias.includes("/") ? alias.slice(0, alias.indexOf("/")) : undefined;
      if (prefix && !sectionBySlug.has(prefix)) {
        problem(`aliases.${i}`, `unknown section "${prefix}" in alias "${alias}"`, "reference");
      }
    });
    if (fm.status === "published") {
      const stubs = placeholderFields(fm, body);
      for (const field of stubs) {
        problem(field, "still the content:new placeholder; replace it before publishing", "placeholder");
      }
    }
    if (fm.retractionNote && fm.status !== "retracted") {
      problem("retractionNote", "only a retracted story has a retraction note", "schema");
    }

    if (problems.length > before || !section || typeof dims === "string") continue;
    let minutes: number | undefined;
    // Alias problems quote the alias as the editor wrote it, not the path it became.
    const index = articles.length;
    writtenAliases.set(index, fm.aliases);
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
      body,
      related: fm.related,
      aliases: aliasPaths(fm.aliases, section.slug),
      get readingMinutes() {
        return (minutes ??= readingMinutes(body));
      },
      file: shown,
    });
  }

  for (const [slug, shown] of filesBySlug) {
    if (shown.length < 2) continue;
    for (const file of shown) {
      const others = shown.filter((f) => f !== file).join(", ");
      problems.push({ file, field: "(file name)", message: `duplicate slug "${slug}" (also ${others})`, rule: "duplicate" });
    }
  }

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

/** Front matter fields (and the body) still holding a `content:new` stub. */
function placeholderFields(fm: z.infer<typeof articleFrontMatterSchema>, body: string): string[] {
  const fields: string[] = [];
  const text: [string, string | undefined][] = [
    ["title", fm.title],
    ["standfirst", fm.standfirst],
    ["kicker", fm.kicker],
    ["image.alt", fm.image.alt],
    ["image.caption", fm.image.caption],
    ["image.credit", fm.image.credit],
    ["body", body],
  ];
  for (const [field, value] of text) if (value?.startsWith(PLACEHOLDER_TEXT)) fields.push(field);
  if (fm.image.src === PLACEHOLDER_IMAGE) fields.push("image.src");
  return fields;
}

/**
 * An alias is an old address that must lead to exactly one story: its slug
 * must not be a current slug (that story would be unreachable by its old
 * address, or the alias would shadow it), nor another alias.
 */
function checkAliases(
  articles: Article[],
  writtenAliases: Map<number, string[]>,
  filesBySlug: Map<string, string[]>,
  problems: ContentProblem[],
): Map<string, Article> {
  const claims = new Map<string, { article: Article; alias: string; field: string }[]>();
  articles.forEach((article, n) => {
    (writtenAliases.get(n) ?? article.aliases).forEach((alias, i) =>
      pushTo(claims, aliasSlug(alias), { article, alias, field: `aliases.${i}` }),
    );
  });
  const byAlias = new Map<string, Article>();
  for (const [old, claimants] of claims) {
    byAlias.set(old, claimants[0]!.article);
    for (const { article, alias, field } of claimants) {
      const push = (message: string) => problems.push({ file: article.file, field, message, rule: "alias" });
      const owner = filesBySlug.get(old);
      if (old === article.slug) push(`"${alias}" is this story's own slug`);
      else if (owner) push(`"${alias}" is the slug of ${owner.join(", ")}`);
      const others = claimants.filter((c) => c.field !== field || c.article !== article);
      if (others.length) {
        const where = others.map((c) => (c.article === article ? `this story's ${c.field}` : c.article.file));
        push(`"${alias}" is also an alias in ${[...new Set(where)].join(", ")}`);
      }
    }
  }
  return byAlias;
}

/** Pinned related stories must exist; a pin by an old slug names the story to pin instead. */
function checkPins(
  articles: Article[],
  filesBySlug: Map<string, string[]>,
  byAlias: Map<string, Article>,
  problems: ContentProblem[],
) {
  for (const article of articles) {
    article.related.forEach((slug, i) => {
      const push = (message: string) =>
        problems.push({ file: article.file, field: `related.${i}`, message, rule: "reference" });
      if (slug === article.slug) push("a story cannot pin itself");
      else if (filesBySlug.has(slug)) return;
      else if (byAlias.has(slug)) push(`"${slug}" is an old slug of "${byAlias.get(slug)!.slug}": pin that instead`);
      else push(`unknown article "${slug}"`);
    });
  }
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

/** Sections in navigation order. */
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

/** The story an old slug now lives at, whatever its status: callers decide visibility. */
export function getArticleByAlias(oldSlug: string): Article | undefined {
  return getCorpus().byAlias.get(oldSlug);
}

/**
 * Public articles, newest first, from `list` (default: the whole corpus),
 * skipping those in `exclude`, at most `limit`. Lists are newest first, so the
 * cost is the items returned plus the non-public ones passed on the way.
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

/**
 * How many of the newest public articles `next build` prerenders. The rest
 * render on their first request and are then cached like prerendered pages
 * (ISR), so a 10,000-story archive builds in minutes, not tens of minutes:
 * readers mostly ask for recent stories, and an old one costs one render once.
 * `PRERENDER_ARTICLES` overrides the default: a whole number, or `all`.
 */
export const DEFAULT_PRERENDER_ARTICLES = 1000;

export function prerenderLimit(value: string | undefined = process.env.PRERENDER_ARTICLES): number {
  return prerenderSetting("PRERENDER_ARTICLES", value, DEFAULT_PRERENDER_ARTICLES, 0);
}

/**
 * How many pages of each section, topic and author front `next build`
 * prerenders (page 1 always is). At 10,000 stories the fronts run to over
 * 4,000 pages, most of them deep archive pages nobody opens; those render on
 * their first request instead. `PRERENDER_LISTING_PAGES` overrides: a whole
 * number from 1, or `all`.
 */
export const DEFAULT_PRERENDER_LISTING_PAGES = 2;

export function prerenderListingPages(value: string | undefined = process.env.PRERENDER_LISTING_PAGES): number {
  return prerenderSetting("PRERENDER_LISTING_PAGES", value, DEFAULT_PRERENDER_LISTING_PAGES, 1);
}

function prerenderSetting(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  if (value.trim().toLowerCase() === "all") return Infinity;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`${name} must be a whole number from ${min}, or "all", not ${JSON.stringify(value)}`);
  }
  return n;
}

/** The articles to prerender at build time: the newest public ones, at most prerenderLimit(). */
export function articlesToPrerender(now: Date, limit: number = prerenderLimit()): Article[] {
  return latestPublic(now, { limit });
}

/** Absolute URL on the canonical origin. */
export function absoluteUrl(pathname: string): string {
  return new URL(pathname, getSite().origin + "/").toString();
}
