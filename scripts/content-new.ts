/*
 * npm run content:new -- "Headline" [--section world] [--author staff …] [--tags a,b] [--slug custom-slug]
 *
 * Creates content/articles/<slug>.md (CONTENT_DIR respected): a draft with the
 * slug derived from the headline and every required field stubbed.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { contentDir } from "../lib/content";
import { createArticle, NewArticleError } from "../tools/new-article";

const USAGE = 'usage: npm run content:new -- "Headline" [--section S] [--author A …] [--tags a,b] [--slug s]';

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      section: { type: "string" },
      author: { type: "string", multiple: true },
      tags: { type: "string" },
      slug: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || positionals.length !== 1 || !positionals[0]!.trim()) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  try {
    const file = createArticle({
      dir: contentDir(),
      headline: positionals[0]!,
      slug: values.slug,
      section: values.section,
      authors: values.author,
      tags: values.tags?.split(",").map((t) => t.trim()).filter(Boolean),
      now: new Date(),
    });
    console.log(`content:new: created ${path.relative(process.cwd(), file)} (status: draft)`);
    console.log("Fill in every TODO: and choose the picture; content:check refuses to publish a story that still has any.");
  } catch (err) {
    if (!(err instanceof NewArticleError)) throw err;
    console.error(`content:new: ${err.message}`);
    process.exit(1);
  }
}

main();
