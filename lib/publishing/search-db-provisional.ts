import { DatabaseSync } from "node:sqlite";
import { type Article, type Corpus, articleBody, getCorpus } from "../content";
import { processSlot } from "../process-singleton.mjs";
import { createSearchSchema, searchDocFor, upsertSearchDoc } from "./search-index";

/*
 * PROVISIONAL: the search database until the content store keeps its own
 * persistent one (issue 22); then this file goes and searchDatabase() hands out
 * the store's handle. Here an in-memory database is filled from the loaded
 * corpus on first use, once per corpus (one per process, like the corpus).
 * Published stories only, scheduled ones included: the query hides them until
 * their time. A live story's updates are indexed from their time on, so its
 * document is written again once its next update comes due.
 */

type Filled = { corpus: Corpus; db: DatabaseSync; validUntil: number };
const slot = processSlot<Filled>("searchDatabase");

/** Indexes `articles` as they read at `now`; returns when the next of their live updates comes due. */
function index(db: DatabaseSync, articles: Article[], now: Date): number {
  let validUntil = Infinity;
  db.exec("BEGIN");
  for (const article of articles) {
    if (article.status !== "published") continue;
    upsertSearchDoc(db, searchDocFor(article, articleBody(article), now));
    for (const u of article.live?.updates ?? []) if (u.time > now) validUntil = Math.min(validUntil, u.time.getTime());
  }
  db.exec("COMMIT");
  return validUntil;
}

/** This process's search database, current for the loaded corpus and its live updates. */
export function searchDatabase(): DatabaseSync {
  const now = new Date();
  const corpus = getCorpus();
  const filled = slot.get();
  if (filled?.corpus === corpus) {
    if (now.getTime() >= filled.validUntil) filled.validUntil = index(filled.db, corpus.articles.filter((a) => a.live), now);
    return filled.db;
  }
  filled?.db.close();
  const db = new DatabaseSync(":memory:");
  createSearchSchema(db);
  return slot.set({ corpus, db, validUntil: index(db, corpus.articles, now) }).db;
}
