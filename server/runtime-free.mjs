// @ts-check
import { isFrameworkScript } from "./csp.mjs";
import { ATTRS, attributes } from "./html-attributes.mjs";

/*
 * Public pages without the framework's runtime.
 *
 * Every page of the site is a server component that reads completely without
 * JavaScript: links are plain <a>, the menu is <details>, search is a GET form,
 * preview is a cookie and a server render. What Next.js adds to each page —
 * its chunk scripts, the inline React Server Components ("flight") payload that
 * hydration reads, Turbopack's chunk list and the script preloads — only
 * hydrates what is already there. The app router has no supported switch to
 * leave it out (vercel/next.js#5054 and #45009 are open), so this module takes
 * it out of the finished HTML:
 *
 * - cached pages (prerendered or regenerated), once, when the ISR cache handler
 *   stores or first reads them (cache-handler.mjs);
 * - pages rendered per request (search, preview, a retracted story's note), as
 *   the server sends them (server/main.mjs, through html-response.mjs).
 *
 * It removes only what is recognisably the framework's: scripts whose source
 * is a file under /_next/static/, inline scripts in the exact shapes Next.js
 * writes (csp.mjs isFrameworkScript), and preloads of those files. JSON-LD and
 * the site's own scripts stay. A page whose content React still has to move
 * into place with a script (a streamed Suspense boundary) is left whole rather
 * than broken; the e2e suite fails if any public page keeps the runtime.
 * Plain JavaScript: the server and the cache handler load it as it is.
 */

/** A framework file: under /_next/static/, nothing that could leave the string. */
const FRAMEWORK_FILE = /^\/_next\/static\/(?:[\w-]+\/)*[\w.-]+\.(?:js|mjs)$/;
const SCRIPT = new RegExp(String.raw`<script${ATTRS}>([\s\S]*?)</script\s*>`, "gi");
const LINK = new RegExp(String.raw`<link${ATTRS}>`, "gi");
/** A boundary React streams in after the shell (content cannot write a <template>: markdown.ts drops it). */
const STREAMED_TEMPLATE = /<template id="[BPS]:/;
/** React's inline runtime that moves streamed content into place ($RC, $RS, $RX). */
const REACT_STREAMING = /\$R[CSX]\(/;
const JS_TYPES = new Set(["", "module", "text/javascript", "application/javascript"]);

/**
 * True when `html` still carries the framework's runtime (a cheap test: a
 * cached page that was already rewritten costs three string searches).
 * @param {string} html
 * @returns {boolean}
 */
export function hasFrameworkRuntime(html) {
  return html.includes("__next_f") || html.includes('src="/_next/static/') || html.includes("TURBOPACK");
}

/**
 * True when React still has to move content into place with a script: a
 * streamed boundary's template, or its runtime in an inline script (not in
 * text or JSON-LD, where a story may quote anything).
 * @param {string} html
 */
function hasStreamedBoundary(html) {
  if (STREAMED_TEMPLATE.test(html)) return true;
  for (const m of html.matchAll(SCRIPT)) {
    const a = attributes(m[1] ?? "");
    if (!a.has("src") && JS_TYPES.has((a.get("type") ?? "").toLowerCase()) && REACT_STREAMING.test(m[2] ?? "")) return true;
  }
  return false;
}

/**
 * `html` without the framework's scripts, its flight payload and its script
 * preloads. Unchanged when there is nothing to take out, and when the page
 * has a streamed boundary that needs React's inline runtime to show.
 *
 * @example
 * withoutFrameworkRuntime('<head><script src="/_next/static/chunks/a.js" async=""></script></head><body><p>Hi</p><script>self.__next_f.push([1,"x"])</script></body>')
 * // '<head></head><body><p>Hi</p></body>'
 * @param {string} html
 * @returns {string}
 */
export function withoutFrameworkRuntime(html) {
  if (!hasFrameworkRuntime(html) || hasStreamedBoundary(html)) return html;
  return html
    .replace(SCRIPT, (tag, attrs, body) => {
      const a = attributes(attrs ?? "");
      const src = a.get("src");
      if (src !== undefined) return FRAMEWORK_FILE.test(src) ? "" : tag;
      if (!JS_TYPES.has((a.get("type") ?? "").toLowerCase())) return tag; // data blocks: JSON-LD
      return isFrameworkScript(body ?? "") ? "" : tag;
    })
    .replace(LINK, (tag, attrs) => {
      const a = attributes(attrs ?? "");
      const rel = (a.get("rel") ?? "").toLowerCase();
      const preloadsScript = (rel === "preload" && a.get("as") === "script") || rel === "modulepreload";
      return preloadsScript && FRAMEWORK_FILE.test(a.get("href") ?? "") ? "" : tag;
    });
}
