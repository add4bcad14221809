// @ts-check
import { createHash } from "node:crypto";
import { ATTRS, attributes, decodeEntities } from "./html-attributes.mjs";
import securityHeaders from "./security-headers.cjs";

/*
 * Content-Security-Policy for every response the site sends.
 *
 * Plain JavaScript because the server loads it outside the
 * Next.js bundle: cache-handler.mjs and server/main.mjs import it as it is.
 *
 * Pages carry no inline script of their own, and the framework's (the RSC
 * payload `self.__next_f.push(...)`, its initialiser, Turbopack's chunk list)
 * are taken out of every page (runtime-free.mjs), so a page's policy allows
 * scripts from the site itself and nothing inline. Should a page ever keep
 * the framework's inline scripts (runtime-free.mjs leaves a page with a
 * streamed boundary whole), they are allowed one by one:
 *
 * - Prerendered and ISR pages (nearly every page) get a policy with the
 *   SHA-256 hashes of exactly the inline scripts and styles they still have,
 *   computed once when the page enters the cache (cache-handler.mjs) and
 *   stored with it, so serving a cached page costs nothing extra and it stays
 *   static and CDN-cacheable.
 * - Pages rendered per request (search, Draft Mode, a retracted story's note)
 *   get a nonce: the server puts one in the request's CSP header, Next.js
 *   stamps it on its scripts, and the same policy goes out with the response
 *   (server/main.mjs).
 *
 * Only scripts with the exact shape Next.js emits are hashed (pure data pushed
 * onto a queue, checked by parsing it as JSON): a script that came from
 * anywhere else — an injected `<script>` in content — is not in the policy and
 * the browser refuses to run it.
 */

/** Directives every HTML page shares; script and style sources are added per page. */
const PAGE_BASE = [
  ["default-src", "'none'"],
  // data: for the blur placeholders (a 10 px WebP painted behind each picture, lib/render/placeholders.ts).
  ["img-src", "'self' data:"],
  ["font-src", "'self'"],
  ["connect-src", "'self'"],
  ["manifest-src", "'self'"],
  ["form-action", "'self'"],
  ["base-uri", "'self'"],
  ["frame-ancestors", "'none'"],
  ["object-src", "'none'"],
];

/**
 * Pages rendered per request cannot hash their own HTML, and their pictures
 * carry style attributes (the image optimizer's `color:transparent`, each
 * picture's blur placeholder as a background): their policy allows style
 * attributes. Scripts stay nonce-only; a style attribute cannot run code, and
 * img-src keeps what CSS can load to the site itself and data: images.
 */
export const PER_REQUEST_STYLE_ATTRIBUTES = "'unsafe-inline'";

/** Policy for everything that is not an HTML page (server/security-headers.cjs). */
export const RESOURCE_POLICY = securityHeaders.RESOURCE_POLICY;

/**
 * `'sha256-…'` source expression for a script or style text.
 * @param {string} text
 * @returns {string}
 */
export function hashSource(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

const NEXT_F_INIT = "(self.__next_f=self.__next_f||[]).push([0])";
const NEXT_F_PUSH = /^self\.__next_f\.push\((\[[\s\S]*\])\)$/;
const TURBOPACK = /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\((\{[\s\S]*\})\);?$/;
const CHUNK_PATH = /^static\/(?:[\w-]+\/)*[\w.-]+\.(?:js|css)$/;

/** @param {string} json */
function parseJson(json) {
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch {
    return { ok: false, value: undefined };
  }
}

/**
 * True when `text` is one of the inline scripts Next.js itself writes into a
 * page, in the exact shape it writes them: data, never code.
 *
 * @example
 * isFrameworkScript('self.__next_f.push([1,"0:[]\\n"])') // true
 * isFrameworkScript('self.__next_f.push([1]);alert(1)//])') // false
 * @param {string} text
 * @returns {boolean}
 */
export function isFrameworkScript(text) {
  if (text === NEXT_F_INIT) return true;
  const push = NEXT_F_PUSH.exec(text);
  if (push) {
    const { ok, value } = parseJson(/** @type {string} */ (push[1]));
    return ok && Array.isArray(value) && value.every((v) => typeof v === "number" || typeof v === "string");
  }
  const turbopack = TURBOPACK.exec(text);
  if (turbopack) {
    const { ok, value } = parseJson(/** @type {string} */ (turbopack[1]));
    if (!ok || typeof value !== "object" || value === null || Array.isArray(value)) return false;
    return Object.values(value).every(
      (list) =>
        Array.isArray(list) &&
        list.every((item) => typeof item === "number" || (typeof item === "string" && CHUNK_PATH.test(item) && !item.includes(".."))),
    );
  }
  return false;
}

const SCRIPT = new RegExp(String.raw`<script${ATTRS}>([\s\S]*?)</script\s*>`, "gi");
const STYLE_ELEMENT = new RegExp(String.raw`<style${ATTRS}>([\s\S]*?)</style\s*>`, "gi");
const STYLE_ATTRIBUTE = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

const JS_TYPES = new Set(["", "module", "text/javascript", "application/javascript"]);

/**
 * What a page's HTML needs from its policy: hashes of the framework's inline
 * scripts, of inline `<style>` elements and of style attributes; and the
 * inline scripts it refused to allow (for the server log).
 *
 * @param {string} html
 * @returns {{ scripts: string[]; styleElements: string[]; styleAttributes: string[]; refused: string[] }}
 */
export function inlineSources(html) {
  /** @type {Set<string>} */
  const scripts = new Set();
  /** @type {string[]} */
  const refused = [];
  for (const m of html.matchAll(SCRIPT)) {
    const attrs = attributes(m[1] ?? "");
    const body = m[2] ?? "";
    // External scripts are covered by 'self'; data blocks (JSON-LD) never run.
    if (attrs.has("src") || !JS_TYPES.has((attrs.get("type") ?? "").toLowerCase())) continue;
    if (isFrameworkScript(body)) scripts.add(hashSource(body));
    else refused.push(body);
  }
  /** @type {Set<string>} */
  const styleElements = new Set();
  for (const m of html.matchAll(STYLE_ELEMENT)) styleElements.add(hashSource(m[2] ?? ""));
  /** @type {Set<string>} */
  const styleAttributes = new Set();
  for (const m of html.matchAll(STYLE_ATTRIBUTE)) styleAttributes.add(hashSource(decodeEntities(m[1] ?? m[2] ?? "")));
  return { scripts: [...scripts], styleElements: [...styleElements], styleAttributes: [...styleAttributes], refused };
}

/**
 * @param {[string, string][]} directives
 * @returns {string}
 */
function serialize(directives) {
  return directives.map(([name, value]) => `${name} ${value}`).join("; ");
}

/**
 * @param {string[]} scriptSources
 * @param {string[]} styleSources
 * @param {string[] | string} styleAttributes hashes of the page's style attributes, or a keyword
 */
function pagePolicy(scriptSources, styleSources, styleAttributes) {
  /** @type {[string, string][]} */
  const directives = [
    ...(/** @type {[string, string][]} */ (PAGE_BASE)),
    ["script-src", ["'self'", ...scriptSources].join(" ")],
    ["style-src", ["'self'", ...styleSources].join(" ")],
    [
      "style-src-attr",
      typeof styleAttributes === "string" ? styleAttributes : styleAttributes.length ? ["'unsafe-hashes'", ...styleAttributes].join(" ") : "'none'",
    ],
  ];
  return serialize(directives);
}

/**
 * The policy for a prerendered page: its own framework scripts and styles by
 * hash, nothing else inline.
 *
 * @example
 * htmlPolicy('<script>(self.__next_f=self.__next_f||[]).push([0])</script>')
 * // "default-src 'none'; … script-src 'self' 'sha256-…'; …"
 * @param {string} html
 * @returns {string}
 */
export function htmlPolicy(html) {
  return policyFor(inlineSources(html));
}

/**
 * The policy for sources found by `inlineSources`.
 * @param {{ scripts: string[]; styleElements: string[]; styleAttributes: string[] }} sources
 * @returns {string}
 */
export function policyFor({ scripts, styleElements, styleAttributes }) {
  return pagePolicy(scripts, styleElements, styleAttributes);
}

/**
 * The policy for a page rendered for one request, whose scripts carry `nonce`.
 * @param {string} nonce base64
 * @returns {string}
 */
export function noncePolicy(nonce) {
  return pagePolicy([`'nonce-${nonce}'`], [`'nonce-${nonce}'`], PER_REQUEST_STYLE_ATTRIBUTES);
}
