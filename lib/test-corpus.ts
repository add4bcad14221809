import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";

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

export function makeCorpus(articles: Record<string, FrontMatter | string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-corpus-"));
  fs.mkdirSync(path.join(dir, "articles"));
  fs.writeFileSync(
    path.join(dir, "site.yaml"),
    YAML.stringify({
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
    YAML.stringify([
      { slug: "world", name: "World", description: "World news" },
      { slug: "security", name: "Security", description: "Security news" },
    ]),
  );
  fs.writeFileSync(
    path.join(dir, "authors.yaml"),
    YAML.stringify([{ slug: "staff", name: "Staff", role: "Newsroom", bio: "The newsroom." }]),
  );
  const tags = new Set<string>();
  for (const article of Object.values(articles)) {
    if (typeof article !== "string" && Array.isArray(article.tags)) for (const t of article.tags) tags.add(String(t));
  }
  fs.writeFileSync(
    path.join(dir, "topics.yaml"),
    YAML.stringify([...tags].map((slug) => ({ slug, name: slug.replace(/-/g, " ") }))),
  );
  for (const [slug, article] of Object.entries(articles)) {
    const text =
      typeof article === "string" ? article : `---\n${YAML.stringify(article)}---\n\nBody of ${slug}.\n`;
    fs.writeFileSync(path.join(dir, "articles", `${slug}.md`), text);
  }
  return dir;
}
