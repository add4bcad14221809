// @ts-check
import { ATTRS, attributes } from "./html-attributes.mjs";

/*
 * The framework's JavaScript, fetched after the page has loaded.
 *
 * Next.js puts its runtime in every page's <head> as `<script async>` tags (and
 * a preload), so a phone fetches it beside the stylesheet and the hero picture
 * and may run it before its first paint. Every page here reads completely
 * without it (server components, plain links, GET forms); all it adds is
 * React's hydration. So cached pages (cache-handler.mjs) swap those tags for
 * one small inline loader that appends the same scripts, in the same order,
 * once `load` has fired and a frame has been painted after it (`load` alone
 * can come before the first paint), or 3 s after `load` where no frame is
 * painted (a hidden tab). Why, and what it measured:
 * docs/decisions/0003-deferred-scripts-and-compile-hints.md.
 *
 * Only the framework's own chunk files move; the inline RSC payload and
 * Turbopack's chunk list (data queued for the runtime), `noModule` polyfills
 * and JSON-LD stay where they are. Plain JavaScript: the cache handler loads
 * it outside the Next.js bundle.
 */

/** A framework chunk: a file under /_next/static/, nothing that could leave the string. */
const CHUNK_SRC = /^\/_next\/static\/(?:[\w-]+\/)*[\w.-]+\.js$/;
const SCRIPT_TAG = new RegExp(String.raw`<script${ATTRS}></script\s*>`, "gi");
const LINK_TAG = new RegExp(String.raw`<link${ATTRS}>`, "gi");

const LOADER_START = 'addEventListener("load",function(){var s=';
const LOADER_END =
  ',d=0,g=function(){if(d)return;d=1;s.forEach(function(u){var e=document.createElement("script");e.src=u;e.async=true;document.head.appendChild(e)})};' +
  "requestAnimationFrame(function(){requestAnimationFrame(function(){setTimeout(g)})});setTimeout(g,3000)})";

/**
 * The inline script that loads `sources` once the page has loaded.
 * @param {string[]} sources framework chunk paths
 * @returns {string}
 */
export function loaderScript(sources) {
  return `${LOADER_START}${JSON.stringify(sources)}${LOADER_END}`;
}

/**
 * The chunk paths a loader script made by `loaderScript` appends, or null when
 * `text` is anything else.
 * @param {string} text
 * @returns {string[] | null}
 */
export function loaderSources(text) {
  if (!text.startsWith(LOADER_START) || !text.endsWith(LOADER_END)) return null;
  try {
    const list = JSON.parse(text.slice(LOADER_START.length, text.length - LOADER_END.length));
    return Array.isArray(list) && list.length > 0 && list.every((s) => typeof s === "string" && CHUNK_SRC.test(s)) ? list : null;
  } catch {
    return null;
  }
}

/**
 * `html` with the framework's `<script async src>` tags and script preloads
 * replaced by a loader that appends the same scripts after `load` and a paint.
 * Unchanged when there are none (already deferred, or not a Next.js page) or no
 * `</body>`.
 *
 * @example
 * deferFrameworkScripts('<head><script src="/_next/static/chunks/a.js" async=""></script></head><body></body>')
 * // '<head></head><body><script>addEventListener("load",…["/_next/static/chunks/a.js"]…</script></body>'
 * @param {string} html
 * @returns {string}
 */
export function deferFrameworkScripts(html) {
  const end = html.lastIndexOf("</body>");
  if (end < 0) return html;
  /** @type {string[]} */
  const sources = [];
  const head = html.slice(0, end).replace(SCRIPT_TAG, (tag, attrs) => {
    const a = attributes(attrs);
    const src = a.get("src") ?? "";
    if (!a.has("async") || a.has("nomodule") || a.has("type") || !CHUNK_SRC.test(src)) return tag;
    if (!sources.includes(src)) sources.push(src);
    return "";
  });
  if (sources.length === 0) return html;
  const withoutPreloads = head.replace(LINK_TAG, (tag, attrs) => {
    const a = attributes(attrs);
    const preloadsScript = a.get("rel") === "preload" && a.get("as") === "script";
    return preloadsScript && sources.includes(a.get("href") ?? "") ? "" : tag;
  });
  return `${withoutPreloads}<script>${loaderScript(sources)}</script>${html.slice(end)}`;
}
