import fs from "node:fs";
import path from "node:path";
import { load as parseYaml } from "js-yaml";
import type { z } from "zod";
import type { ContentProblem } from "./types";

/*
 * Reading the newsroom's files: YAML data files, `---`-fenced front matter and
 * the list of Markdown files, with every failure turned into a ContentProblem.
 *
 * YAML is read with js-yaml's YAML 1.2 core schema: dates stay strings (zod
 * checks them), `yes`/`no` stay strings, duplicate keys are errors. It parses
 * front matter several times faster than the `yaml` package, which matters
 * at 10,000 articles. The tools that write YAML use js-yaml too.
 *
 * Dynamic paths say turbopackIgnore: the content directory is chosen at run time
 * and the bundler must not trace it (next.config.ts ships content/ instead).
 */

/** The content directory: CONTENT_DIR, or content/ in the working directory. */
export function contentDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.CONTENT_DIR ?? "content");
}

/** A path relative to the working directory, as editors see it in their checkout. */
export function display(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** The first line of an error's message. */
export function describe(err: unknown): string {
  return err instanceof Error ? err.message.split("\n")[0]! : String(err);
}

function fieldOf(issuePath: PropertyKey[]): string {
  return issuePath.length ? issuePath.map(String).join(".") : "(file)";
}

/** zod's issues as problems of `file`; missing alt text or credit counts under the image rule. */
export function zodProblems(file: string, error: z.ZodError): ContentProblem[] {
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

function readYaml(file: string, problems: ContentProblem[]): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: parseYaml(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8")) };
  } catch (err) {
    problems.push({ file: display(file), field: "(file)", message: describe(err), rule: "schema" });
    return { ok: false };
  }
}

/** A YAML data file validated by `schema`, or undefined with its problems pushed. */
export function parseData<S extends z.ZodType>(schema: S, file: string, problems: ContentProblem[]): z.infer<S> | undefined {
  const raw = readYaml(file, problems);
  if (!raw.ok) return undefined;
  const result = schema.safeParse(raw.value, { reportInput: true });
  if (!result.success) {
    problems.push(...zodProblems(display(file), result.error));
    return undefined;
  }
  return result.data;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;

/**
 * Splits `---`-fenced YAML front matter from the Markdown body. Returns the
 * reason when the file has no front matter or it is not a YAML mapping.
 *
 * @example
 * splitFrontMatter("---\ntitle: A\n---\nBody\n") // { data: { title: "A" }, body: "Body\n" }
 */
export function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string } | string {
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

/** Every `.md` file under `dir`, at any depth, as sorted paths relative to `dir`. */
export function markdownFiles(dir: string): string[] {
  return (fs.readdirSync(/*turbopackIgnore: true*/ dir, { recursive: true, encoding: "utf8" }) as string[])
    .filter((f) => f.endsWith(".md"))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
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

const WORDS_PER_MINUTE = 230;

/**
 * @example
 * readingMinutes("word ".repeat(460)) // 2
 */
export function readingMinutes(markdown: string): number {
  return Math.max(1, Math.round(countWords(markdown) / WORDS_PER_MINUTE));
}
