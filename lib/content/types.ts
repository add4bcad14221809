import type { ArticleStatus, Author, Section, SiteSettings, Topic } from "./schema";

/*
 * The app's own shapes of the newsroom's content, made from the validated files
 * in one place (load.ts). Everything above lib/content reads these, never the files.
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

/** A correction published on a story (front matter `corrections`). */
export type Correction = {
  /** When the correction was made; never before the story's publication. */
  date: Date;
  /** What was wrong and what is right now: one line of plain text. */
  text: string;
};

/** One update of a live story: a `## <ISO time> Headline [key]` section of its body. */
export type LiveUpdate = {
  /** Its anchor on the story's page, from its time (lib/paths.ts updateAnchor). */
  id: string;
  time: Date;
  /** The headline after the time, plain text. */
  title: string;
  /** Marked ` [key]`: listed under "Key events". */
  key: boolean;
  /** Markdown source of the update's text (below its heading). */
  body: string;
  /** The update's text as a reader sees it, for structured data and search. */
  text: string;
};

export type LiveCoverage = {
  start: Date;
  /** Unset: open coverage. */
  end: Date | undefined;
  /** Every update, scheduled ones too, newest first: ask visibleUpdates() what the public may see. */
  updates: LiveUpdate[];
};

export type Article = {
  slug: string;
  /** Canonical path, e.g. `/world/some-story` (lib/paths.ts articlePath). */
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
  /** A live story's coverage and updates (front matter `live`); undefined for any other story. */
  live?: LiveCoverage;
  /** Editor-pinned related slugs, in the editor's order. */
  related: string[];
  /** Old addresses of the story as paths, e.g. `/world/old-slug` (lib/paths.ts aliasPaths). */
  aliases: string[];
  /** The aliases as the editor wrote them (`old-slug` or `section/old-slug`). */
  writtenAliases: string[];
  /**
   * Corrections, oldest first (the order readers see them in on the story); the
   * last is the latest. Anchor `#correction-<n>` on the page is the n-th (lib/paths.ts).
   */
  corrections: Correction[];
  /** From the body's word count, when the file was read. The body itself is read when a page renders (articleBody). */
  readingMinutes: number;
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
  /** Every story's canonical path and old paths (aliases), for the address router. */
  byPath: Map<string, Article>;
  /** Articles per status, newest first. */
  byStatus: Map<Article["status"], Article[]>;
  /** Stories with live coverage, any status. */
  live: Set<Article>;
  /** Grows by one with every change: values derived from the corpus are kept per version (derived()). */
  version: number;
};

/**
 * What kind of rule a problem breaks; `content:check` counts problems per rule.
 * - schema: unreadable file, or a field missing or malformed
 * - reference: an unknown section, author, topic or pinned related story
 * - duplicate: two things share a slug (or two sections an order)
 * - alias: an alias that is another story's slug or another story's alias
 * - image: a missing, unreadable or too narrow image; missing alt text or credit
 * - placeholder: a published story still carrying `content:new` stubs
 * - live: a live story's coverage dates or one of its updates
 */
export type ContentRule = "schema" | "reference" | "duplicate" | "alias" | "image" | "placeholder" | "live";

export type ContentProblem = { file: string; field: string; message: string; rule: ContentRule };

/** Every problem of a corpus at once, each as `file: field: reason`. */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `Invalid content (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
    this.name = "ContentError";
  }
}

/**
 * Whether `err` is a ContentError, from this module or from another copy of it: Next.js may load
 * lib/content once per route bundle, and the corpus in service (a process-wide slot) throws the
 * class of the bundle that loaded it, which `instanceof` in another bundle does not know.
 */
export function isContentError(err: unknown): err is ContentError {
  return err instanceof Error && err.name === "ContentError" && Array.isArray((err as ContentError).problems);
}

/**
 * @example
 * formatProblem({ file: "content/articles/x.md", field: "image.alt", message: "is required", rule: "image" })
 * // "content/articles/x.md: image.alt: is required"
 */
export function formatProblem(p: ContentProblem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}
