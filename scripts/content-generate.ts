/*
 * npm run content:generate -- --count N --out DIR [--seed S]
 *
 * Writes a deterministic synthetic corpus (see tools/corpus-generator.ts)
 * for scale tests and benchmarks. Point the site at it with CONTENT_DIR=DIR;
 * its images are the shared ones in public/images/.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "../tools/corpus-generator";

const USAGE = "usage: npm run content:generate -- --count N --out DIR [--seed S]";

function main() {
  const { values } = parseArgs({
    options: {
      count: { type: "string" },
      out: { type: "string" },
      seed: { type: "string", default: "1" },
      help: { type: "boolean", short: "h" },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (values.help || !values.out || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const started = performance.now();
  try {
    const result = generateCorpus({ count, seed, out: path.resolve(values.out) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `content:generate: ${result.articles} articles, ${result.topics} topics, ${result.authors} authors ` +
        `(seed ${seed}) in ${values.out} in ${seconds} s`,
    );
  } catch (err) {
    console.error(`content:generate: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

main();
