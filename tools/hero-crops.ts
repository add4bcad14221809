/*
 * Renders the 16:9, 4:3 and 1:1 crops of every image under public/images/
 * into public/images/crops/<ratio>/ (lib/seo/crops.ts says why and which sizes).
 * A crop newer than its source is kept, so a rebuild only crops new images.
 * `npm run images:crops` (scripts/images-crops.ts) runs it; `npm run build`,
 * `build:fixtures` and `dev` run that first.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { HERO_CROPS, cropPath, isCropPath } from "../lib/seo/crops";

const PUBLIC = path.resolve("public");
const IMAGES = path.join(PUBLIC, "images");
const SOURCE = /\.(?:jpe?g|png|webp|avif)$/i;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    const rel = path.relative(IMAGES, full).split(path.sep).join("/");
    if (isCropPath(rel + (entry.isDirectory() ? "/" : ""))) return [];
    if (entry.isDirectory()) return sources(full);
    return SOURCE.test(entry.name) ? [rel] : [];
  });
}

/** Renders every missing or outdated crop; returns how many were made and how many kept. */
export async function renderHeroCrops(): Promise<{ made: number; kept: number }> {
  let made = 0;
  let kept = 0;
  for (const rel of sources(IMAGES)) {
    const input = path.join(IMAGES, rel);
    const sourceTime = fs.statSync(input).mtimeMs;
    for (const crop of HERO_CROPS) {
      const output = path.join(PUBLIC, cropPath(`/images/${rel}`, crop));
      if (fs.existsSync(output) && fs.statSync(output).mtimeMs >= sourceTime) {
        kept++;
        continue;
      }
      fs.mkdirSync(path.dirname(output), { recursive: true });
      // "attention" keeps the most salient region (faces, contrast) in frame rather than the centre.
      await sharp(input)
        .resize(crop.width, crop.height, { fit: "cover", position: sharp.strategy.attention })
        .jpeg({ quality: 82, mozjpeg: true })
        .toFile(output);
      made++;
    }
  }
  return { made, kept };
}
