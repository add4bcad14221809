import { z } from "zod";

/**
 * Zod schemas for every kind of file under `content/`. These are the only
 * description of the content format: the app's types are inferred from them.
 */

const SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";

/** The one slug pattern: file names, sections, topics, authors, pins and aliases all use it. */
export const SLUG_PATTERN = new RegExp(`^${SLUG}$`);
export const SLUG_RULE = "must be lower-case letters, digits and single hyphens";

const slug = z.string().regex(SLUG_PATTERN, SLUG_RULE);

/** Dates and times in the content: front matter and the times of a live story's updates (rules.ts). */
export const isoDateTime = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time, e.g. 2025-05-08T12:00:00Z" });

/** Text that ends up in attributes and headings: one line, no markup. */
const plainText = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .refine((s) => !/[\r\n]/.test(s), "must be a single line");

/** An image under public/images/; content checking also requires the file to exist. */
const imagePath = z
  .string()
  .regex(/^\/images\/[\w./-]+\.(?:jpe?g|png|webp|avif)$/, "must be a path under /images/ ending in .jpg, .png, .webp or .avif")
  .refine((s) => !s.includes(".."), "must not contain ..");

export const siteSchema = z.strictObject({
  name: plainText,
  domain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "must be a bare domain like example.com"),
  origin: z.url({ protocol: /^https?$/, message: "must be an absolute http(s) URL" }).transform((u) => u.replace(/\/+$/, "")),
  language: z.string().regex(/^[a-z]{2}(?:-[A-Z]{2})?$/, "must be a language tag like en or en-GB"),
  locale: z.string().regex(/^[a-z]{2}_[A-Z]{2}$/, "must be a locale like en_GB"),
  timeZone: z.string().min(1),
  description: plainText,
  tagline: plainText.optional(),
  /** Stories per page on section, topic and author fronts. */
  pageSize: z.number().int().min(1).max(100).default(12),
});

/** First path segments the site uses itself: a section cannot take them. */
const RESERVED_SECTION_SLUGS = ["topic", "author", "search", "api", "page", "images", "feed", "sitemap", "preview", "desk", "gone", "http-error", "corrections", "archive"];

export const sectionSchema = z.strictObject({
  slug: slug.refine((s) => !RESERVED_SECTION_SLUGS.includes(s), "is reserved for the site's own pages"),
  name: plainText,
  description: plainText,
  /** Position in navigation and on the front page: lowest first. */
  order: z.number().int("must be a whole number").min(0, "must be 0 or more"),
});
export const sectionsSchema = z.array(sectionSchema).min(1, "must list at least one section");

export const topicSchema = z.strictObject({
  slug,
  name: plainText,
  description: plainText.optional(),
});
export const topicsSchema = z.array(topicSchema);

export const authorSchema = z.strictObject({
  slug,
  name: plainText,
  role: plainText,
  bio: plainText.max(300, "must be at most 300 characters (a short bio)"),
  avatar: imagePath.optional(),
  /** A byline that is a desk or the newsroom, not a person (structured data says Organization). */
  type: z.enum(["person", "organization"]).default("person"),
});
export const authorsSchema = z.array(authorSchema).min(1, "must list at least one author");

/** `retracted`: was public, withdrawn by the editors; its address answers 410 Gone with a note. */
export const articleStatus = z.enum(["published", "draft", "retracted"]);

/**
 * A correction published on a story: when it was made (not before the story's
 * publication, a content rule) and what was wrong, as one line of plain text.
 */
const correctionSchema = z.strictObject({
  date: isoDateTime,
  text: plainText.max(500, "must be at most 500 characters"),
});

export const articleFrontMatterSchema = z.strictObject({
  title: plainText.max(140, "must be at most 140 characters"),
  standfirst: plainText.max(320, "must be at most 320 characters"),
  kicker: plainText.max(40).optional(),
  section: slug,
  tags: z.array(slug).default([]),
  authors: z.array(slug).min(1, "must name at least one author"),
  publishedAt: isoDateTime,
  updatedAt: isoDateTime.optional(),
  status: articleStatus,
  /** The public note shown at a retracted story's address, e.g. why it was withdrawn. */
  retractionNote: plainText.max(500, "must be at most 500 characters").optional(),
  image: z.strictObject({
    src: imagePath,
    alt: plainText,
    caption: plainText,
    credit: plainText,
  }),
  related: z.array(slug).default([]),
  aliases: z.array(z.string().regex(new RegExp(`^(?:[a-z0-9-]+\\/)?${SLUG}$`), "must be an old slug or section/slug")).default([]),
  /** Corrections, in any order (loading sorts them oldest first). */
  corrections: z.array(correctionSchema).default([]),
  /**
   * Live coverage: the story is a live blog, its updates `## <ISO time> Headline` sections of the
   * body (lib/content/live.ts). Live from `start` until `end`; open coverage while `end` is unset.
   */
  live: z.strictObject({ start: isoDateTime, end: isoDateTime.optional() }).optional(),
});

export type SiteSettings = z.infer<typeof siteSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Author = z.infer<typeof authorSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;
export type ArticleStatus = z.infer<typeof articleStatus>;
