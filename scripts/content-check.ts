/*
 * Validates the whole corpus (CONTENT_DIR, default content/) and prints every
 * problem as `file: field: reason`. Exits 1 on any problem. `npm run build`
 * runs it first, so a bad file never reaches a build.
 */
import { ContentError, contentDir, formatProblem, loadCorpus } from "../lib/content";

const dir = contentDir();
try {
  const corpus = loadCorpus(dir);
  console.log(`content:check: ${corpus.articles.length} articles, ${corpus.sections.length} sections, ${corpus.authors.length} authors in ${dir}: OK`);
} catch (err) {
  if (!(err instanceof ContentError)) throw err;
  for (const problem of err.problems) console.error(formatProblem(problem));
  console.error(`\ncontent:check: ${err.problems.length} problem${err.problems.length === 1 ? "" : "s"} in ${dir}`);
  process.exit(1);
}
