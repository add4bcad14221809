/*
 * npm run screenshots:compare -- BEFORE_DIR AFTER_DIR [DIFF_DIR]
 *
 * Compares two sets of screenshots (npm run screenshots, e.g. taken before and
 * after a change) pixel by pixel: for every PNG in both folders, the number of
 * pixels that differ, the box around them, and a difference image (changed
 * pixels in red over a faded copy) in DIFF_DIR (default screenshots-diff/).
 * Exits 1 when a file is missing on one side or the sizes differ; differing
 * pixels are reported, not judged: a reviewer explains each.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

type Difference = { file: string; pixels: number; box?: { left: number; top: number; right: number; bottom: number } };

async function raw(file: string) {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

async function compare(before: string, after: string, diffFile: string): Promise<Difference | string> {
  const [a, b] = await Promise.all([raw(before), raw(after)]);
  if (a.width !== b.width || a.height !== b.height) return `size ${a.width}×${a.height} before, ${b.width}×${b.height} after`;
  const out = Buffer.alloc(a.data.length);
  let pixels = 0;
  let box: Difference["box"];
  for (let i = 0; i < a.data.length; i += 4) {
    const same = a.data[i] === b.data[i] && a.data[i + 1] === b.data[i + 1] && a.data[i + 2] === b.data[i + 2] && a.data[i + 3] === b.data[i + 3];
    if (same) {
      // Faded copy of the page, so the red marks can be placed.
      for (let c = 0; c < 3; c++) out[i + c] = 255 - Math.round((255 - b.data[i + c]!) * 0.25);
      out[i + 3] = 255;
      continue;
    }
    pixels++;
    out[i] = 255;
    out[i + 3] = 255;
    const x = (i / 4) % a.width;
    const y = Math.floor(i / 4 / a.width);
    box = box
      ? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x), bottom: Math.max(box.bottom, y) }
      : { left: x, top: y, right: x, bottom: y };
  }
  if (pixels) await sharp(out, { raw: { width: a.width, height: a.height, channels: 4 } }).png().toFile(diffFile);
  return { file: path.basename(after), pixels, box };
}

async function main() {
  const [beforeDir, afterDir, diffDir = "screenshots-diff"] = process.argv.slice(2);
  if (!beforeDir || !afterDir) {
    console.error("usage: npm run screenshots:compare -- BEFORE_DIR AFTER_DIR [DIFF_DIR]");
    process.exit(2);
  }
  fs.mkdirSync(diffDir, { recursive: true });
  const names = (dir: string) => new Set(fs.readdirSync(dir).filter((f) => f.endsWith(".png")));
  const before = names(beforeDir);
  const after = names(afterDir);
  let problems = 0;
  for (const name of [...new Set([...before, ...after])].sort()) {
    if (!before.has(name) || !after.has(name)) {
      console.log(`${name}: only ${before.has(name) ? "before" : "after"}`);
      problems++;
      continue;
    }
    const result = await compare(path.join(beforeDir, name), path.join(afterDir, name), path.join(diffDir, name));
    if (typeof result === "string") {
      console.log(`${name}: ${result}`);
      problems++;
    } else if (result.pixels === 0) {
      console.log(`${name}: identical`);
    } else {
      const { left, top, right, bottom } = result.box!;
      console.log(`${name}: ${result.pixels} pixels differ, within x ${left}–${right}, y ${top}–${bottom} (${path.join(diffDir, name)})`);
    }
  }
  process.exit(problems ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
