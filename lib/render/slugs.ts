/*
 * Slugs: the URL-safe form of a headline. Lower-case ASCII letters, digits and
 * single hyphens, as lib/content/schema.ts requires.
 */

/** Letters that Unicode does not decompose into a base letter plus accents. */
const SPECIAL: Record<string, string> = {
  ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i",
};

/**
 * The slug of a headline: accents dropped, `&` read as "and", apostrophes
 * removed (so "Kiev's" stays one word), anything else a separator; cut at a
 * word boundary to at most `maxLength` characters. Empty when the headline has
 * no Latin letters or digits.
 *
 * @example
 * slugify("Xi Jinping Backs Russia Against Western ‘Bullying’ at Moscow WWII Event")
 * // "xi-jinping-backs-russia-against-western-bullying-at-moscow-wwii-event"
 * slugify("Russia and Venezuela: Café & Crude") // "russia-and-venezuela-cafe-and-crude"
 */
export function slugify(headline: string, maxLength = 80): string {
  const ascii = headline
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => SPECIAL[c] ?? c)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/&/g, " and ")
    .replace(/['’‘`]/g, "");
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf("-");
  return boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, maxLength);
}
