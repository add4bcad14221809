/*
 * Crops of the hero images for structured data. Google asks for each article
 * image in 16:9, 4:3 and 1:1, at least 1200 px wide. tools/hero-crops.ts
 * renders them with sharp into public/images/crops/ before every build (and
 * `npm run dev`), so they are plain static files: no image work at request
 * time, and a CDN can keep them forever.
 */

export type Crop = { name: "16x9" | "4x3" | "1x1"; width: number; height: number };

export const HERO_CROPS: readonly Crop[] = [
  { name: "16x9", width: 1920, height: 1080 },
  { name: "4x3", width: 1600, height: 1200 },
  { name: "1x1", width: 1200, height: 1200 },
];

/** Where crops live under public/, and under the site root. */
export const CROPS_DIR = "images/crops";

/**
 * The public path of a hero image's crop. Crops are always JPEG.
 *
 * @example
 * cropPath("/images/putin-xi-moscow.jpg", HERO_CROPS[0]) // "/images/crops/16x9/putin-xi-moscow.jpg"
 * cropPath("/images/2025/map.png", HERO_CROPS[2])         // "/images/crops/1x1/2025/map.jpg"
 */
export function cropPath(src: string, crop: Pick<Crop, "name">): string {
  const rest = src.replace(/^\/images\//, "").replace(/\.[a-z0-9]+$/i, ".jpg");
  return `/${CROPS_DIR}/${crop.name}/${rest}`;
}

/** True for a path under the crops folder, which is output, not a source image. */
export function isCropPath(relativeToImages: string): boolean {
  return relativeToImages.startsWith("crops/");
}
