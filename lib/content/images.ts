import fs from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";
import { describe, display } from "./parse";

/*
 * Image files under public/: the one guard that keeps an image path inside the
 * public folder (content checking and the blur placeholders both use it), and
 * measuring files for the content rules and feed enclosures.
 */

/** Hero images are shown up to 1024 CSS px wide; narrower files look soft on dense screens. */
export const MIN_HERO_WIDTH = 1200;

/** The site's public folder (where `/images/…` paths resolve by default). */
export function defaultPublicDir(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "public");
}

/**
 * The file a site path names under `root`, or undefined when the path would
 * leave it.
 *
 * @example
 * publicFile("/images/a.jpg", "/srv/public") // "/srv/public/images/a.jpg"
 * publicFile("/../secret", "/srv/public")    // undefined
 */
export function publicFile(src: string, root: string = defaultPublicDir()): string | undefined {
  const base = path.resolve(/*turbopackIgnore: true*/ root);
  const file = path.join(/*turbopackIgnore: true*/ base, src);
  return file.startsWith(base + path.sep) ? file : undefined;
}

export type Dimensions = { width: number; height: number; bytes: number };

/** Measures image files, each once per load: many articles share a few images. Errors come back as text. */
export function imageMeasurer(root: string): (src: string) => Dimensions | string {
  const cache = new Map<string, Dimensions | string>();
  return (src) => {
    let dims = cache.get(src);
    if (!dims) cache.set(src, (dims = measureImage(root, src)));
    return dims;
  };
}

function measureImage(root: string, src: string): Dimensions | string {
  const file = publicFile(src, root);
  if (!file) return "must stay inside public/";
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(/*turbopackIgnore: true*/ file);
  } catch {
    return `image file not found: ${display(file)}`;
  }
  try {
    const { width, height } = imageSize(buffer);
    return { width, height, bytes: buffer.length };
  } catch (err) {
    return `cannot read image size of ${display(file)}: ${describe(err)}`;
  }
}
