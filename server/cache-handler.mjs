// @ts-check
import { createRequire } from "node:module";
import { inlineSources, policyFor } from "./csp.mjs";
import { withNotFoundPage } from "./not-found-page.mjs";
import { withoutFrameworkRuntime } from "./runtime-free.mjs";

/*
 * Next.js's own file-system ISR cache (next.config.ts `cacheHandler`), plus
 * three things:
 *
 * 1. Every cached page is stored without the framework's runtime (its
 *    scripts and flight payload: server/runtime-free.mjs), and a 404 from
 *    notFound() as the site's 404 page rather than Next.js's empty shell
 *    (server/not-found-page.mjs): its HTML is rewritten once, when it is
 *    stored or first read.
 * 2. Every cached page carries its Content-Security-Policy as a stored header,
 *    with the hashes of whatever inline script and style it still has
 *    (server/csp.mjs).
 *    Next.js sends a cache entry's headers with the page, so a prerendered or
 *    regenerated page is served with its policy at no per-request cost, and
 *    stays static. The policy is added when a page is stored (a regeneration,
 *    which the response to that request shares) and, for pages the build wrote
 *    to disk, the first time they are read.
 * 3. A 404 rendered for an unknown address (`/world/<anything>`) is kept in
 *    memory only, not written to disk, and does not stay in the framework's
 *    per-path bookkeeping: hostile URLs cannot fill the disk or grow memory.
 *
 * Loaded by the server at run time outside the bundle, hence plain JavaScript.
 * It extends a Next.js internal class: next is pinned, and the e2e suite checks
 * the header on every page type.
 */

const require = createRequire(import.meta.url);
/** @type {typeof import("next/dist/server/lib/incremental-cache/file-system-cache").default} */
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;
/** @type {{ cacheControls?: Map<string, unknown> } | undefined} */
const SharedCacheControls = (() => {
  try {
    return require("next/dist/server/lib/incremental-cache/shared-cache-controls.external.js").SharedCacheControls;
  } catch {
    return undefined;
  }
})();

const CSP = "content-security-policy";
/** @type {Set<string>} */
const reported = new Set();
/** Values already prepared: the in-memory LRU hands out the same object on every read. */
const prepared = new WeakSet();

/**
 * Rewrites a cached APP_PAGE value (the site's 404 page for Next.js's empty
 * one, no framework runtime) and adds its policy (in
 * place: the response being served shares the object).
 * @param {string} key
 * @param {any} value
 */
function prepare(key, value) {
  if (!value || value.kind !== "APP_PAGE" || typeof value.html !== "string" || !value.html) return;
  if (prepared.has(value)) return;
  prepared.add(value);
  const html = withoutFrameworkRuntime(withNotFoundPage(value.html, value.status ?? 200));
  if (html === value.html && value.headers?.[CSP]) return;
  value.html = html;
  const sources = inlineSources(html);
  value.headers = { ...value.headers, [CSP]: policyFor(sources) };
  // An inline script the policy refuses will not run: worth a line in the log, once per script.
  for (const script of sources.refused) {
    const sample = JSON.stringify(script.slice(0, 80));
    if (reported.size < 100 && !reported.has(sample)) {
      reported.add(sample);
      console.warn(`csp: an inline script in ${JSON.stringify(key.replace(/^.*\/\$\//, "/"))} is not the framework's and will not run: ${sample}`);
    }
  }
}

export default class CspCacheHandler extends FileSystemCache {
  /**
   * @override
   * @param {string} key
   * @param {any} ctx
   * @returns {Promise<any>} the entry (its value is a page, a route's body, a redirect, …)
   */
  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    // Entries come from an in-memory LRU after the first read: they are prepared once.
    if (entry?.value) prepare(key, entry.value);
    return entry;
  }

  /**
   * @override
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  async set(key, data, ctx) {
    prepare(key, data);
    if (data?.kind === "APP_PAGE" && data.status === 404) {
      SharedCacheControls?.cacheControls?.delete(key);
      // super.set checks flushToDisk before it first awaits, so switching it off around the call is safe.
      // flushToDisk is private in the framework's types; it is a plain field at run time.
      const flush = Reflect.get(this, "flushToDisk");
      Reflect.set(this, "flushToDisk", false);
      try {
        return await super.set(key, data, ctx);
      } finally {
        Reflect.set(this, "flushToDisk", flush);
      }
    }
    return super.set(key, data, ctx);
  }
}
