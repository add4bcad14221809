import { processSlot } from "../process-singleton.mjs";
import { loadCorpus } from "./load";
import { contentDir } from "./parse";
import type { Corpus } from "./types";

/*
 * The one process-wide corpus: loaded on first use, replaced whole by a reload
 * (POST /api/revalidate), shared by every route bundle of the process.
 */

const slot = processSlot<{ dir: string; corpus: Corpus }>("corpus");

/** The corpus of this process, loaded on first use. */
export function getCorpus(): Corpus {
  const dir = contentDir();
  const cached = slot.get();
  return cached && cached.dir === dir ? cached.corpus : slot.set({ dir, corpus: loadCorpus(dir) }).corpus;
}

/**
 * Reads the content directory again (after the newsroom changed files in a
 * running deployment). A corpus that no longer validates throws and the
 * previous one stays in service.
 */
export function reloadCorpus(): Corpus {
  const dir = contentDir();
  return slot.set({ dir, corpus: loadCorpus(dir) }).corpus;
}
