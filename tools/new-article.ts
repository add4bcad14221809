/*
 * What `npm run content:new` writes: a draft article with the slug derived
 * from the headline and every required field present. Fields the editor must
 * still write are stubs starting with "TODO:" and the picture is the shared
 * placeholder; content checking accepts those in a draft and refuses to
 * publish a story that still has any.
 */
import fs from "node:fs";
import path from "node:path";
import { ContentError, PLACEHOLDER_IMAGE, PLACEHOLDER_TEXT, SLUG_PATTERN, SLUG_RULE, articleFrontMatterSchema, loadCorpus, loadTaxonomy } from "../lib/content";
import { aliasSlug } from "../lib/paths";
import { slugify } from "../lib/render/slugs";

export type NewArticleOptions = {
  /** Content directory (default: CONTENT_DIR or content/). */
  dir: string;
  headline: string;
  /** Default: derived from the headline. */
  slug?: string;
  /** Default: the first section in navigation order. */
  section?: string;
  /** Default: the first author in authors.yaml. */
  authors?: string[];
  tags?: string[];
  /** Becomes publishedAt (to the minute); the editor sets the real time before publishing. */
  now: Date;
};

export class NewArticleError extends Error {}

const q = (s: string) => JSON.stringify(s); // a JSON string is a valid double-quoted YAML scalar
const list = (items: string[]) => `[${items.join(", ")}]`;

/** Creates the draft file and returns its path; throws NewArticleError saying what is wrong. */
export function createArticle(options: NewArticleOptions): string {
  const { dir, headline } = options;
  const title = headline.trim().replace(/\s+/g, " ");
  const slug = options.slug ?? slugify(title);
  if (!slug) throw new NewArticleError(`cannot derive a slug from "${title}": pass one with --slug`);
  if (!SLUG_PATTERN.test(slug)) {
    throw new NewArticleError(`slug "${slug}" ${SLUG_RULE}`);
  }

  let taxonomy: ReturnType<typeof loadTaxonomy>;
  try {
    taxonomy = loadTaxonomy(dir);
  } catch (err) {
    if (err instanceof ContentError) throw new NewArticleError(`fix the data files first:\n${err.message}`);
    throw err;
  }
  const section = options.section ?? taxonomy.sections[0]?.slug;
  const authors = options.authors?.length ? options.authors : taxonomy.authors.slice(0, 1).map((a) => a.slug);
  const tags = options.tags ?? [];
  const unknown = [
    ...(section && taxonomy.sections.some((s) => s.slug === section) ? [] : [`section "${section}"`]),
    ...authors.filter((a) => !taxonomy.authors.some((x) => x.slug === a)).map((a) => `author "${a}"`),
    ...tags.filter((t) => !taxonomy.topics.some((x) => x.slug === t)).map((t) => `topic "${t}"`),
  ];
  if (unknown.length) throw new NewArticleError(`unknown ${unknown.join(", ")}`);

  const taken = takenSlugs(dir);
  const owner = taken.get(slug);
  if (owner) throw new NewArticleError(`slug "${slug}" is taken (${owner}): pass another with --slug`);

  const publishedAt = new Date(Math.floor(options.now.getTime() / 60_000) * 60_000).toISOString().replace(".000Z", "Z");
  const frontMatter = {
    title,
    standfirst: `${PLACEHOLDER_TEXT} one or two sentences that tell the reader what happened`,
    section: section!,
    tags,
    authors,
    publishedAt,
    status: "draft" as const,
    image: {
      src: PLACEHOLDER_IMAGE,
      alt: `${PLACEHOLDER_TEXT} what the picture shows, for readers who cannot see it`,
      caption: `${PLACEHOLDER_TEXT} the caption printed under the picture`,
      credit: `${PLACEHOLDER_TEXT} who took or owns the picture`,
    },
    related: [],
    aliases: [],
  };
  const parsed = articleFrontMatterSchema.safeParse(frontMatter);
  if (!parsed.success) {
    throw new NewArticleError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  }

  const text = `---
# A draft from content:new. Replace every "TODO:" and the placeholder picture,
# set publishedAt, then status: published. content:check refuses to publish
# a story that still has a stub. Field reference: docs/editors.md, "Write an article".
title: ${q(title)}
standfirst: ${q(frontMatter.standfirst)}
# kicker: Analysis
section: ${section}
# Topic slugs from topics.yaml; shared topics make stories related.
tags: ${list(tags)}
authors: ${list(authors)}
publishedAt: ${publishedAt}
# updatedAt: ${publishedAt}
status: draft
image:
  # A file under public/images/, at least 1200 px wide.
  src: ${PLACEHOLDER_IMAGE}
  alt: ${q(frontMatter.image.alt)}
  caption: ${q(frontMatter.image.caption)}
  credit: ${q(frontMatter.image.credit)}
# Slugs an editor pins to Related Stories, shown first.
related: []
# Old slugs of this story (or section/old-slug); they must not be anyone's current slug.
aliases: []
---

${PLACEHOLDER_TEXT} write the story in Markdown.
`;
  const file = path.join(dir, "articles", `${slug}.md`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { flag: "wx" }); // never overwrite
  return file;
}

/**
 * Slugs in use, by file name in any folder, plus old slugs (aliases) when the
 * corpus loads. Maps each to where it is used.
 */
function takenSlugs(dir: string): Map<string, string> {
  const taken = new Map<string, string>();
  const articles = path.join(dir, "articles");
  if (fs.existsSync(articles)) {
    for (const f of fs.readdirSync(articles, { recursive: true, encoding: "utf8" }) as string[]) {
      if (f.endsWith(".md")) taken.set(path.basename(f, ".md"), path.join(path.relative(process.cwd(), articles), f));
    }
  }
  try {
    for (const article of loadCorpus(dir).articles) {
      for (const alias of article.aliases) taken.set(aliasSlug(alias), `an old slug of ${article.file}`);
    }
  } catch (err) {
    // A corpus with problems still has its file names checked above; content:check reports the rest.
    if (!(err instanceof ContentError)) throw err;
  }
  return taken;
}

