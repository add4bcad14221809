/*
 * npx tsx scripts/make-images.ts [name.jpg …]: re-renders the stand-in hero
 * images under public/images/ (tools/stand-in-images.ts); no names: all of them.
 */
import path from "node:path";
import { renderStandInImages } from "../tools/stand-in-images";

renderStandInImages(process.argv.slice(2)).then(
  (files) => {
    for (const file of files) console.log(`wrote ${path.relative(process.cwd(), file)}`);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
