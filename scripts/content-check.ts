/*
 * Validates the whole corpus (CONTENT_DIR, default content/) and prints every
 * problem as `file: field: reason`, then a summary counting problems per rule.
 * Exits 1 on any problem. `npm run build` runs it first, so a bad file never
 * reaches a build.
 *
 * It brings the content index (lib/content/store.ts) up to date on the way:
 * only files whose size or mtime changed since the last check are read again,
 * and every rule across files runs on the whole corpus. `--full` empties the
 * index first, so every file is read and checked again.
 */
import path from "node:path";
import { ContentError, articleBody, contentDir, filesReadByLastLoad, formatProblem, reloadCorpus, type ContentRule } from "../lib/content";
import { ContentDb, indexFile } from "../lib/content/index-db";
import { rawHtmlIn } from "../lib/render/markdown";

const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

function main() {
  const dir = contentDir();
  const shown = path.relative(process.cwd(), dir) || ".";
  const full = process.argv.includes("--full");
  if (full) {
    const db = new ContentDb(indexFile(dir));
    db.useContext("(emptied by content:check --full)");
    db.close();
  }
  const started = performance.now();
  try {
    const corpus = reloadCorpus();
    const ms = Math.round(performance.now() - started);
    // Not an error: raw HTML is simply never rendered. But an editor who wrote it expects to see it, in the
    // files just read (every file with --full): reading every body again would cost the whole archive.
    // (Only bodies with something like a tag in them are parsed.)
    const read = new Set(filesReadByLastLoad());
    for (const article of corpus.articles) {
      if (!read.has(path.resolve(article.file))) continue;
      const body = articleBody(article);
      const raw = /<[a-zA-Z!/]/.test(body) ? rawHtmlIn(body) : [];
      if (raw.length) {
        console.warn(`warning: ${article.file}: body: raw HTML is not shown on the site, write Markdown instead (${raw.length}×, e.g. ${JSON.stringify(raw[0]!.slice(0, 60))})`);
      }
    }
    console.log(
      `content:check: OK: ${plural(corpus.articles.length, "article")}, ${plural(corpus.sections.length, "section")}, ` +
        `${plural(corpus.authors.length, "author")}, ${plural(corpus.topics.length, "topic")} in ${shown} ` +
        `(${full ? "every file read and checked" : "changed files read, all checked"} in ${ms} ms)`,
    );
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    for (const problem of err.problems) console.error(formatProblem(problem));
    const perRule = new Map<ContentRule, number>();
    for (const p of err.problems) perRule.set(p.rule, (perRule.get(p.rule) ?? 0) + 1);
    const files = new Set(err.problems.map((p) => p.file)).size;
    const rules = [...perRule].map(([rule, n]) => `${rule} ${n}`).join(", ");
    console.error(`\ncontent:check: ${plural(err.problems.length, "problem")} in ${plural(files, "file")} (${rules}) in ${shown}`);
    process.exit(1);
  }
}

main();
