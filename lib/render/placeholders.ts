import sharp from "sharp";
import { publicFile } from "../content";
import { processSingleton } from "../process-singleton.mjs";

/*
 * Blur placeholders for story images: a 10-pixel-wide WebP of the picture as a
 * data URL (about 100–200 bytes), painted behind the image until it arrives.
 *
 * Computed lazily, once per image file per process, the first time a page shows
 * the image — never while the corpus loads, so loading 10,000 articles costs
 * nothing extra, and a build computes each distinct picture once. Results stay
 * in memory (a few hundred bytes each) keyed by `src`: a picture never changes
 * under the same name (the image optimizer caches its variants for a year too).
 */

const PLACEHOLDER_WIDTH = 10;

const cache = processSingleton("blurPlaceholders", () => new Map<string, Promise<string | undefined>>());

/** Encodes image bytes as a tiny blurred-to-be WebP data URL. */
export async function encodePlaceholder(input: Buffer | string): Promise<string> {
  const webp = await sharp(input, { failOn: "none" })
    .resize(PLACEHOLDER_WIDTH, undefined, { fit: "inside" })
    .webp({ quality: 40, effort: 2 })
    .toBuffer();
  return `data:image/webp;base64,${webp.toString("base64")}`;
}

/**
 * The blur placeholder of a local image under `public/`, or undefined when the
 * file cannot be read (the page then shows the image without a placeholder).
 *
 * @example await blurDataUrl("/images/putin-xi-moscow.jpg") // "data:image/webp;base64,UklGR…"
 */
export function blurDataUrl(src: string): Promise<string | undefined> {
  let url = cache.get(src);
  if (!url) {
    const file = publicFile(src);
    url = file ? encodePlaceholder(file).catch(() => undefined) : Promise.resolve(undefined);
    cache.set(src, url);
  }
  return url;
}
