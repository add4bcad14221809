/*
 * The leak check `npm run build` runs on its staging output (tools/leak-check.ts):
 * exits 1 naming the file and the story when a story that is not public appears
 * in what the build serves. NEXT_DIST_DIR names the build, CONTENT_DIR the corpus.
 */
import path from "node:path";
import { getCorpus } from "../lib/content";
import { findBuildLeaks } from "../tools/leak-check";

const distDir = path.resolve(process.env.NEXT_DIST_DIR || ".next");
const { leaks, scanned, hidden } = findBuildLeaks(distDir, getCorpus().articles, new Date());
if (leaks.length) {
  console.error(`check-build-leaks: ${leaks.length} leak${leaks.length === 1 ? "" : "s"} of non-public stories in ${distDir}:`);
  for (const leak of leaks) console.error(`  ${leak}`);
  process.exit(1);
}
console.log(`check-build-leaks: ${scanned} files in ${path.relative(process.cwd(), distDir)}, no trace of ${hidden} non-public stories`);
