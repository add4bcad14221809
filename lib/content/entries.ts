import fs from "node:fs";
import path from "node:path";
import { aliasPaths, articlePath } from "../paths";
import type { Dimensions } from "./images";
import { splitLiveBody } from "./live";
import { display, readingMinutes, splitFrontMatter, zodProblems } from "./parse";
import { checkFrontMatter, checkLiveCoverage, checkSlug, resolveReferences, type Lookups, type Report } from "./rules";
import { articleFrontMatterSchema } from "./schema";
import type { Article, ContentProblem, HeroImage } from "./types";

/*
 * One article file, read once: its front matter validated, every rule that
 * looks at the file alone applied, and the result reshaped into a plain,
 * serializable record. The content index (index-db.ts) stores records, so a
 * restart or a publish re-reads only the files that changed; the rules that
 * look across files (duplicate slugs, aliases, pins) run in corpus-index.ts.
 */

/** An Article as stored: references by slug, dates as milliseconds, no body. */
export type ArticleRecord = {
  slug: string;
  title: string;
  standfirst: string;
  kicker?: string;
  section: string;
  tags: string[];
  authors: string[];
  publishedAt: number;
  updatedAt?: number;
  status: Article["status"];
  retractionNote?: string;
  image: HeroImage;
  live?: {
    start: number;
    end?: number;
    updates: { id: string; time: number; title: string; key: boolean; body: string; text: string }[];
  };
  related: string[];
  /** Aliases as the editor wrote them (problems quote them so). */
  aliases: string[];
  corrections: { date: number; text: string }[];
  readingMinutes: number;
};

/** A file's problems never name the file: it is named when the problem is shown, as the reader's checkout has it. */
export type FileProblem = Omit<ContentProblem, "file">;

export type FileEntry = {
  /** Path under `articles/`, with forward slashes (e.g. `2025/05/some-story.md`). */
  name: string;
  slug: string;
  size: number;
  mtimeMs: number;
  problems: FileProblem[];
  /** Set when the file passed every rule of its own. */
  record?: ArticleRecord;
  /** The Markdown body (of a live story, its intro), served by articleBody(). */
  body: string;
};

/** The slug of an article file: its name without `.md`, whatever folder it is in. */
export const slugOfName = (name: string) => path.posix.basename(name, ".md");

export type EntryContext = Lookups & {
  measure: (src: string) => Dimensions | string;
};

/**
 * Reads and checks one article file. `text` is its content; size and mtime
 * are what the index compares to find changed files.
 */
export function readEntry(name: string, text: string, stat: { size: number; mtimeMs: number }, context: EntryContext): FileEntry {
  const slug = slugOfName(name);
  const problems: FileProblem[] = [];
  const entry: FileEntry = { name, slug, size: stat.size, mtimeMs: Math.floor(stat.mtimeMs), problems, body: "" };
  const report: Report = (field, message, rule = "schema") => problems.push({ field, message, rule });
  checkSlug(slug, report);

  const parsed = splitFrontMatter(text);
  if (typeof parsed === "string") {
    report("(front matter)", parsed);
    return entry;
  }
  const raw = parsed.data;
  const result = articleFrontMatterSchema.safeParse(raw, { reportInput: true });
  if (!result.success) for (const p of zodProblems("", result.error)) problems.push({ field: p.field, message: p.message, rule: p.rule });
  const body = parsed.body.trim();
  if (!body) report("body", "must not be empty");
  const { section, byline, topics } = resolveReferences(raw, context, report);
  if (!result.success) return entry;
  const fm = result.data;
  const dims = context.measure(fm.image.src);
  checkFrontMatter(fm, body, dims, context.sections, report);
  // A live story's body is its intro and its updates; the updates' lines count from the file's first.
  const written = fm.live ? splitLiveBody(parsed.body) : undefined;
  const bodyLine = text.slice(0, text.length - parsed.body.length).split("\n").length;
  const updates = written ? checkLiveCoverage(fm, written.updates, bodyLine, report) : [];
  const intro = written ? written.intro : body;
  entry.body = intro;
  if (problems.length || !section || typeof dims === "string") return entry;

  entry.record = {
    slug,
    title: fm.title,
    standfirst: fm.standfirst,
    ...(fm.kicker !== undefined ? { kicker: fm.kicker } : {}),
    section: section.slug,
    tags: [...new Set(topics.map((t) => t.slug))],
    authors: byline.map((a) => a.slug),
    publishedAt: Date.parse(fm.publishedAt),
    ...(fm.updatedAt ? { updatedAt: Date.parse(fm.updatedAt) } : {}),
    status: fm.status,
    ...(fm.retractionNote !== undefined ? { retractionNote: fm.retractionNote } : {}),
    image: { ...fm.image, ...dims },
    ...(fm.live
      ? {
          live: {
            start: Date.parse(fm.live.start),
            ...(fm.live.end ? { end: Date.parse(fm.live.end) } : {}),
            updates: updates.map((u) => ({ ...u, time: u.time.getTime() })),
          },
        }
      : {}),
    related: fm.related,
    aliases: fm.aliases,
    // Oldest first; the sort is stable, so corrections made at the same moment keep the editor's order.
    corrections: fm.corrections.map((c) => ({ date: Date.parse(c.date), text: c.text })).sort((a, b) => a.date - b.date),
    readingMinutes: readingMinutes(intro),
  };
  return entry;
}

/** Reads one article file from disk. Undefined when it is gone. */
export function readEntryFile(articlesDir: string, name: string, context: EntryContext): FileEntry | undefined {
  const file = path.join(/*turbopackIgnore: true*/ articlesDir, name);
  let text: string;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(/*turbopackIgnore: true*/ file);
    text = fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  return readEntry(name, text, stat, context);
}

/** The app's Article from a stored record; references resolve against the taxonomy the record was checked with. */
export function toArticle(record: ArticleRecord, file: string, lookups: Lookups): Article {
  const section = lookups.sections.get(record.section)!;
  return {
    slug: record.slug,
    path: articlePath(section.slug, record.slug),
    title: record.title,
    standfirst: record.standfirst,
    kicker: record.kicker,
    section,
    tags: record.tags.map((t) => lookups.topics.get(t)!),
    authors: record.authors.map((a) => lookups.authors.get(a)!),
    publishedAt: new Date(record.publishedAt),
    updatedAt: record.updatedAt === undefined ? undefined : new Date(record.updatedAt),
    status: record.status,
    retractionNote: record.retractionNote,
    image: record.image,
    live: record.live
      ? {
          start: new Date(record.live.start),
          end: record.live.end === undefined ? undefined : new Date(record.live.end),
          updates: record.live.updates.map((u) => ({ ...u, time: new Date(u.time) })),
        }
      : undefined,
    related: record.related,
    aliases: aliasPaths(record.aliases, section.slug),
    writtenAliases: record.aliases,
    corrections: record.corrections.map((c) => ({ date: new Date(c.date), text: c.text })),
    readingMinutes: record.readingMinutes,
    file,
  };
}

/** A file's problems, each naming the file as the reader's checkout has it. */
export function entryProblems(articlesDir: string, entry: Pick<FileEntry, "name" | "problems">): ContentProblem[] {
  const file = display(path.join(/*turbopackIgnore: true*/ articlesDir, entry.name));
  return entry.problems.map((p) => ({ file, ...p }));
}
