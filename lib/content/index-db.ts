import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import type { FileEntry } from "./entries";
import { createSearchSchema } from "./search-index";

/*
 * The persistent content index: one SQLite file per content directory
 * (Node.js 24's built-in node:sqlite), holding every article file's checked
 * record, problems and body, keyed by the file's name, size and mtime. It is
 * derived data: delete it and the next start reads the files again. It lives
 * outside public/ (CONTENT_INDEX_DIR, default .cache/content-index), so no
 * address reaches it.
 *
 * Records depend on the data files (sections, authors, topics, site) and on
 * this code: `context` is a hash of both, and a new context empties the index.
 */

/** Bump when ArticleRecord or the rules change shape, so old indexes are read again. */
export const INDEX_FORMAT = 2;

/** Where indexes live: CONTENT_INDEX_DIR, or .cache/content-index in the working directory. */
export function indexDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.CONTENT_INDEX_DIR ?? path.join(process.cwd(), ".cache", "content-index"));
}

/** The index file of a content directory. */
export function indexFile(contentDir: string, dir: string = indexDir()): string {
  const id = crypto.createHash("sha256").update(path.resolve(/*turbopackIgnore: true*/ contentDir)).digest("hex").slice(0, 16);
  return path.join(/*turbopackIgnore: true*/ dir, `${id}.sqlite`);
}

export type IndexRow = { name: string; slug: string; size: number; mtime: number; record: string | null; problems: string };

export class ContentDb {
  readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();

  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new DatabaseSync(file);
    // WAL: several processes (build workers, a fleet on one machine) read while one writes.
    this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS files (
        name TEXT PRIMARY KEY,
        slug TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime INTEGER NOT NULL,
        published_at INTEGER,
        record TEXT,
        problems TEXT NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS files_newest ON files (published_at DESC, slug);
      CREATE INDEX IF NOT EXISTS files_slug ON files (slug);
    `);
    // The search index of published stories lives in the same file, changed in the same transactions.
    createSearchSchema(this.db);
  }

  private statement(sql: string): StatementSync {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /**
   * Makes `context` the index's context; an index made under another one is
   * emptied (its records were checked against other data files or code).
   * Returns whether the index was kept.
   */
  useContext(context: string): boolean {
    const row = this.statement("SELECT value FROM meta WHERE key = 'context'").get() as { value: string } | undefined;
    if (row?.value === context) return true;
    this.transaction(() => {
      this.db.exec("DELETE FROM files; DELETE FROM search_docs; DELETE FROM search_terms;");
      this.db.exec("INSERT INTO search_fts (search_fts) VALUES ('delete-all')");
      this.statement("INSERT OR REPLACE INTO meta (key, value) VALUES ('context', ?)").run(context);
    });
    return false;
  }

  /** How many files the index holds. */
  count(): number {
    return (this.statement("SELECT count(*) AS n FROM files").get() as { n: number }).n;
  }

  /** Every row, newest story first (files with problems last). */
  rows(): Iterable<IndexRow> {
    return this.statement("SELECT name, slug, size, mtime, record, problems FROM files ORDER BY published_at DESC, slug").iterate() as Iterable<IndexRow>;
  }

  /** Every file's name, slug, size and mtime. */
  stamps(): Iterable<{ name: string; slug: string; size: number; mtime: number }> {
    return this.statement("SELECT name, slug, size, mtime FROM files").iterate() as Iterable<{ name: string; slug: string; size: number; mtime: number }>;
  }

  put(entry: FileEntry) {
    this.statement(
      "INSERT OR REPLACE INTO files (name, slug, size, mtime, published_at, record, problems, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    ).run(
      entry.name,
      entry.slug,
      entry.size,
      entry.mtimeMs,
      entry.record?.publishedAt ?? null,
      entry.record ? JSON.stringify(entry.record) : null,
      JSON.stringify(entry.problems),
      entry.body,
    );
  }

  remove(name: string) {
    this.statement("DELETE FROM files WHERE name = ?").run(name);
  }

  /** The body of the valid story `slug`, as indexed. */
  body(slug: string): string | undefined {
    const row = this.statement("SELECT body FROM files WHERE slug = ? AND record IS NOT NULL").get(slug) as { body: string } | undefined;
    return row?.body;
  }

  transaction<T>(work: () => T): T {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const result = work();
      this.db.exec("COMMIT");
      return result;
    } catch (err) {
      this.db.exec("ROLLBACK");
      throw err;
    }
  }

  close() {
    this.db.close();
  }
}
