import { checkPendingContent, contentDir, isContentError, loadCorpus, type ContentProblem } from "../content";
import { processSlot } from "../process-singleton.mjs";

/*
 * The content rules of `npm run content:check`, shown per story on the desk.
 * The served corpus always passed them (a corpus that fails is never loaded),
 * so the desk checks the files as they are now against it.
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
    if (!isContentError(err)) return { checkedAt: now, byFile: new Map(), failure: err instanceof Error ? err.message : String(err) };
    return { checkedAt: now, byFile: byFileOf(err.problems) };
  }
}

type Checks = { dir: string; report?: ProblemReport; running?: Promise<void> };
const slot = processSlot<Checks>("deskContentProblems");

function byFileOf(problems: ContentProblem[]): Map<string, ContentProblem[]> {
  const byFile = new Map<string, ContentProblem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  return byFile;
}

/**
 * The content problems of the files nobody has published yet, beside the
 * corpus in service (lib/content checkPendingContent: a stat per file, a read
 * per changed file, in slices that never hold the event loop). A desk request
 * never waits for a check: it gets the last report, and one older than a
 * minute starts the next check in the background. The very first request
 * waits for the first check.
 */
export async function contentProblems(now = new Date()): Promise<ProblemReport> {
  const dir = contentDir();
  let checks = slot.get();
  if (!checks || checks.dir !== dir) checks = slot.set({ dir });
  const state = checks;
  const stale = !state.report || now.getTime() - state.report.checkedAt.getTime() >= CHECK_EVERY_MS;
  if (stale && !state.running) {
    const checkedAt = new Date();
    state.running = checkPendingContent().then(
      (problems) => void (state.report = { checkedAt, byFile: byFileOf(problems) }),
      (err: unknown) => void (state.report = { checkedAt, byFile: new Map(), failure: err instanceof Error ? err.message : String(err) }),
    ).finally(() => (state.running = undefined));
  }
  if (!state.report) await state.running;
  return state.report!;
}
