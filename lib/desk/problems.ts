import { ContentError, contentDir, loadCorpus, type ContentProblem } from "../content";
import { processSlot } from "../process-singleton.mjs";

/*
 * The content rules of `npm run content:check`, shown per story on the desk.
 * The served corpus always passed them (a corpus that fails is never loaded),
 * so the desk checks the files as they are now: the same loadCorpus, its
 * ContentError's problems grouped by file. At 10,000 stories that is a
 * noticeable read, so one result serves every desk request for a minute.
 */

export const CHECK_EVERY_MS = 60_000;

export type ProblemReport = {
  checkedAt: Date;
  /** Problems by file (as ContentProblem.file and Article.file name it). */
  byFile: Map<string, ContentProblem[]>;
  /** Set when the check itself failed (not a content problem). */
  failure?: string;
};

/**
 * The problems of the corpus in `dir`, by file.
 *
 * @example
 * checkContent("content").byFile.size // 0 for a corpus content:check passes
 */
export function checkContent(dir: string, now = new Date()): ProblemReport {
  try {
    loadCorpus(dir);
    return { checkedAt: now, byFile: new Map() };
  } catch (err) {
    if (!(err instanceof ContentError)) return { checkedAt: now, byFile: new Map(), failure: err instanceof Error ? err.message : String(err) };
    const byFile = new Map<string, ContentProblem[]>();
    for (const problem of err.problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
    return { checkedAt: now, byFile };
  }
}

const slot = processSlot<{ dir: string; report: ProblemReport }>("deskContentProblems");

/** The content problems of this server's content directory, checked at most once a minute. */
export function contentProblems(now = new Date()): ProblemReport {
  const dir = contentDir();
  const cached = slot.get();
  if (cached && cached.dir === dir && now.getTime() - cached.report.checkedAt.getTime() < CHECK_EVERY_MS) return cached.report;
  return slot.set({ dir, report: checkContent(dir, now) }).report;
}
