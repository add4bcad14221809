import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { dump } from "js-yaml";
import { ContentError, loadCorpus, type ContentRule } from "../lib/content";

/** YAML as the content files are written: block style, long lines kept whole. */
const toYaml = (data: unknown) => dump(data, { lineWidth: -1 });

/*
 * Builds small corpora on disk for unit tests: valid settings, sections and
 * authors, every topic the articles use, plus whatever articles a test
 * writes. Images come from public/.
 */

export type FrontMatter = Record<string, unknown>;

export const validFrontMatter = (overrides: FrontMatter = {}): FrontMatter => ({
  title: "A valid headline",
  standfirst: "A valid standfirst",
  section: "world",
  tags: ["russia"],
  authors: ["staff"],
  publishedAt: "2025-05-08T12:00:00Z",
  status: "published",
  image: {
    src: "/images/putin-xi-moscow.jpg",
    alt: "Alt text",
    caption: "Caption",
    credit: "Credit",
  },
  ...overrides,
});

export type CorpusOptions = {
  /** Replace the data files (written as given, valid or not). */
  sections?: unknown;
  authors?: unknown;
  /** Default: every topic the articles use. */
  topics?: unknown;
};

const created: string[] = [];
process.on("exit", () => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/**
 * Writes a corpus to a temporary directory (removed when the process exits)
 * and returns its path. Keys are slugs, or `folder/slug` for an article in a
 * sub-folder; values are front matter (given a one-line body) or the whole file.
 */
export function makeCorpus(articles: Record<string, FrontMatter | string>, options: CorpusOptions = {}): string {
  const dir = tempDir("ibn-corpus-");
  fs.mkdirSync(path.join(dir, "articles"));
  fs.writeFileSync(
    path.join(dir, "site.yaml"),
    toYaml({
      name: "Inter Bellum News",
      domain: "interbellumnews.com",
      origin: "https://interbellumnews.com",
      language: "en",
      locale: "en_GB",
      timeZone: "UTC",
      description: "Test site",
    }),
  );
  fs.writeFileSync(
    path.join(dir, "sections.yaml"),
    toYaml(
      options.sections ?? [
        { slug: "world", name: "World", description: "World news", order: 10 },
        { slug: "security", name: "Security", description: "Security news", order: 20 },
      ],
    ),
  );
  fs.writeFileSync(
    path.join(dir, "authors.yaml"),
    toYaml(options.authors ?? [{ slug: "staff", name: "Staff", role: "Newsroom", bio: "The newsroom." }]),
  );
  const tags = new Set<string>();
  for (const article of Object.values(articles)) {
    if (typeof article !== "string" && Array.isArray(article.tags)) for (const t of article.tags) tags.add(String(t));
  }
  fs.writeFileSync(
    path.join(dir, "topics.yaml"),
    toYaml(options.topics ?? [...tags].map((slug) => ({ slug, name: slug.replace(/-/g, " ") }))),
  );
  for (const [name, article] of Object.entries(articles)) {
    const text =
      typeof article === "string" ? article : `---\n${toYaml(article)}---\n\nBody of ${name}.\n`;
    const file = path.join(dir, "articles", `${name}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}

/**
 * A stand-in `public/` directory with plain JPEGs of the given sizes under
 * `images/`, plus the shipped images, for rules about image files.
 */
export async function makePublicDir(images: Record<string, { width: number; height: number }>): Promise<string> {
  const { default: sharp } = await import("sharp");
  const dir = tempDir("ibn-public-");
  fs.cpSync(path.resolve("public/images"), path.join(dir, "images"), { recursive: true });
  for (const [name, { width, height }] of Object.entries(images)) {
    await sharp({ create: { width, height, channels: 3, background: "#888888" } })
      .jpeg()
      .toFile(path.join(dir, "images", name));
  }
  return dir;
}

/**
 * A whole article file, for makeCorpus: front matter (undefined fields left
 * out) and a body of the test's own, e.g. a live story's updates.
 *
 * @example
 * articleFile(validFrontMatter({ live: { start: "2025-05-08T12:00:00Z" } }), "## 2025-05-08T12:05:00Z First update\n\nText.")
 */
export function articleFile(frontMatter: FrontMatter, body: string): string {
  return `---\n${toYaml(JSON.parse(JSON.stringify(frontMatter)))}---\n\n${body}\n`;
}

/**
 * Every problem loading the corpus in `dir` reports, as `file: field: reason` with the file
 * relative to the corpus, and its rule. Throws when the corpus loads: the test expected problems.
 */
export function corpusProblems(dir: string): { line: string; rule: ContentRule }[] {
  try {
    loadCorpus(dir);
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    return err.problems.map((p) => ({ line: `${path.relative(dir, path.resolve(p.file))}: ${p.field}: ${p.message}`, rule: p.rule }));
  }
  throw new Error("expected the corpus to be rejected");
}
