// @ts-check

/*
 * Reading the attributes of the tags Next.js and React write, for the modules
 * that look at a page's HTML outside the bundle (csp.mjs, runtime-free.mjs).
 * Plain JavaScript.
 */

/**
 * The attribute list of a start tag, as a regular expression source with one
 * group: names, optionally `=` and a quoted or bare value (values may hold ">").
 */
export const ATTRS = String.raw`((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?)*)\s*/?`;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * The attributes in `attrs` (what ATTRS captured), names lower-cased, values decoded.
 * @example attributes(' src="/a.js" async=""') // Map { "src" => "/a.js", "async" => "" }
 * @param {string} attrs
 * @returns {Map<string, string>}
 */
export function attributes(attrs) {
  /** @type {Map<string, string>} */
  const out = new Map();
  for (const m of attrs.matchAll(ATTRIBUTE)) {
    out.set(/** @type {string} */ (m[1]).toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return out;
}

const NAMED_ENTITIES = /** @type {Record<string, string>} */ ({ amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: "\u00a0" });

/**
 * Decodes the character references React writes into attribute values (the
 * browser, for one, hashes the decoded value of a style attribute).
 * @param {string} value
 * @returns {string}
 */
export function decodeEntities(value) {
  return value.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec, hex, name) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}
