import type { z } from "zod";
import { aliasSlug, updateAnchor } from "../paths";
import type { Dimensions } from "./images";
import { MIN_HERO_WIDTH } from "./images";
import type { WrittenUpdate } from "./live";
import { display } from "./parse";
import { SLUG_PATTERN, SLUG_RULE, isoDateTime, type articleFrontMatterSchema, type Author, type Section, type Topic } from "./schema";
import type { Article, ContentProblem, ContentRule, LiveUpdate } from "./types";

/*
 * Every rule `npm run content:check` (and every load) applies beyond the zod
 * schemas: references, duplicates, aliases, images, placeholders and live coverage. Each
 * pushes problems and goes on, so an editor sees every problem at once.
 */

/**
 * `content:new` stubs: a draft may carry them, a published story may not.
 * Text fields start with the marker, the image is the shared placeholder.
 */
export const PLACEHOLDER_TEXT = "TODO:";
export const PLACEHOLDER_IMAGE = "/images/placeholder.jpg";

type FrontMatter = z.infer<typeof articleFrontMatterSchema>;

/** Reports a problem of one file. */
export type Report = (field: string, message: string, rule?: ContentRule) => void;

/** Flags entries of a data file that share a value of `key` (slugs; section orders). */
export function checkUnique<T>(
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

export function checkSlug(slug: string, report: Report) {
  if (!SLUG_PATTERN.test(slug)) report("(file name)", `slug ${SLUG_RULE}`);
}

export type Lookups = {
  sections: Map<string, Section>;
  authors: Map<string, Author>;
  topics: Map<string, Topic>;
};

/**
 * The section, byline and topics an article's raw front matter names. Checked
 * even when other fields are invalid, so an editor sees every problem at once.
 */
export function resolveReferences(raw: Record<string, unknown>, lookups: Lookups, report: Report) {
  const section = typeof raw.section === "string" ? lookups.sections.get(raw.section) : undefined;
  if (typeof raw.section === "string" && !section) report("section", `unknown section "${raw.section}"`, "reference");
  const byline: Author[] = [];
  if (Array.isArray(raw.authors)) {
    raw.authors.forEach((a: unknown, i) => {
      if (typeof a !== "string") return;
      const author = lookups.authors.get(a);
      if (author) byline.push(author);
      else report(`authors.${i}`, `unknown author "${a}"`, "reference");
    });
  }
  const topics: Topic[] = [];
  if (Array.isArray(raw.tags)) {
    raw.tags.forEach((t: unknown, i) => {
      if (typeof t !== "string") return;
      const topic = lookups.topics.get(t);
      if (topic) topics.push(topic);
      else report(`tags.${i}`, `unknown topic "${t}" (add it to topics.yaml)`, "reference");
    });
  }
  return { section, byline, topics };
}

/** The rules on one valid front matter: hero image, dates (corrections' too), alias sections, placeholders, retraction note. */
export function checkFrontMatter(fm: FrontMatter, body: string, dims: Dimensions | string, sections: Map<string, Section>, report: Report) {
  if (typeof dims === "string") report("image.src", dims, "image");
  else if (dims.width < MIN_HERO_WIDTH) {
    report("image.src", `hero image is ${dims.width} px wide; it must be at least ${MIN_HERO_WIDTH} px`, "image");
  }
  if (fm.updatedAt && new Date(fm.updatedAt) < new Date(fm.publishedAt)) report("updatedAt", "must not be before publishedAt");
  // A correction corrects what was published; an empty or multi-line text is the schema's to refuse.
  fm.corrections.forEach((correction, i) => {
    if (new Date(correction.date) < new Date(fm.publishedAt)) report(`corrections.${i}.date`, "must not be before publishedAt");
  });
  fm.aliases.forEach((alias, i) => {
    const prefix = alias.includes("/") ? alias.slice(0, alias.indexOf("/")) : undefined;
    if (prefix && !sections.has(prefix)) report(`aliases.${i}`, `unknown section "${prefix}" in alias "${alias}"`, "reference");
  });
  if (fm.status === "published") {
    for (const field of placeholderFields(fm, body)) {
      report(field, "still the content:new placeholder; replace it before publishing", "placeholder");
    }
  }
  if (fm.retractionNote && fm.status !== "retracted") {
    report("retractionNote", "only a retracted story has a retraction note", "schema");
  }
}

/**
 * A live story's coverage and updates: `live.start` not before `publishedAt`,
 * `live.end` after `live.start`; every update's heading starts with an ISO
 * 8601 time with a zone, then a headline; no update before the story's
 * publication or the coverage's start; no two updates in the same second (they
 * would share an anchor). Updates after now are allowed: they stay hidden
 * until their time (visibleUpdates). `bodyLine` is the file's line of the
 * body's first line, so problems name the line an editor opens.
 * Returns the valid updates, newest first.
 */
export function checkLiveCoverage(
  fm: Pick<FrontMatter, "publishedAt" | "live">,
  written: WrittenUpdate[],
  bodyLine: number,
  report: Report,
): LiveUpdate[] {
  if (!fm.live) return [];
  const published = new Date(fm.publishedAt);
  const start = new Date(fm.live.start);
  if (start < published) report("live.start", `must not be before publishedAt (${fm.publishedAt})`, "live");
  if (fm.live.end && new Date(fm.live.end) <= start) report("live.end", `must be after live.start (${fm.live.start})`, "live");

  const updates: LiveUpdate[] = [];
  const lineOf = new Map<string, number>();
  for (const update of written) {
    const line = bodyLine + update.line - 1;
    const problem = (message: string) => report(`body line ${line}`, `update "## ${update.heading}": ${message}`, "live");
    if (!isoDateTime.safeParse(update.timeText).success) {
      problem(
        "in a live story every ## heading starts an update with its time, an ISO 8601 date-time with a time zone, " +
          "e.g. ## 2025-05-09T14:05:00Z Xi arrives at Vnukovo (use ### for a heading inside the text)",
      );
      continue;
    }
    const time = new Date(update.timeText);
    if (!update.title) problem("needs a headline after its time");
    if (time < published) problem(`is before the story's publishedAt (${fm.publishedAt})`);
    else if (time < start) problem(`is before live.start (${fm.live.start})`);
    const id = updateAnchor(time);
    const earlier = lineOf.get(id);
    if (earlier !== undefined) problem(`has the same time, to the second, as the update on line ${earlier}`);
    else lineOf.set(id, line);
    updates.push({ id, time, title: update.title, key: update.key, body: update.body, text: update.text });
  }
  return updates.sort((a, b) => b.time.getTime() - a.time.getTime());
}

/** Front matter fields (and the body) still holding a `content:new` stub. */
function placeholderFields(fm: FrontMatter, body: string): string[] {
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

/** Every file of a slug that more than one file claims (in any folders). */
export function checkDuplicateSlugs(filesBySlug: Map<string, string[]>, problems: ContentProblem[]) {
  for (const [slug, shown] of filesBySlug) {
    if (shown.length < 2) continue;
    for (const file of shown) {
      const others = shown.filter((f) => f !== file).join(", ");
      problems.push({ file, field: "(file name)", message: `duplicate slug "${slug}" (also ${others})`, rule: "duplicate" });
    }
  }
}

/**
 * An alias is an old address that must lead to exactly one story: its slug
 * must not be a current slug (that story would be unreachable by its old
 * address, or the alias would shadow it), nor another alias. Returns the
 * story each old slug leads to.
 */
export function checkAliases(
  articles: Article[],
  writtenAliases: Map<number, string[]>,
  filesBySlug: Map<string, string[]>,
  problems: ContentProblem[],
): Map<string, Article> {
  const claims = new Map<string, { article: Article; alias: string; field: string }[]>();
  articles.forEach((article, n) => {
    (writtenAliases.get(n) ?? article.aliases).forEach((alias, i) => {
      const old = aliasSlug(alias);
      const list = claims.get(old) ?? [];
      list.push({ article, alias, field: `aliases.${i}` });
      claims.set(old, list);
    });
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
export function checkPins(
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
