// @ts-check
import { inlineSources, policyFor } from "./csp.mjs";
import { withNotFoundPage } from "./not-found-page.mjs";
import { withoutFrameworkRuntime } from "./runtime-free.mjs";

/*
 * What every cached page goes through once, whichever cache keeps it (the
 * instance's own file-system cache or the shared Redis cache):
 *
 * 1. it is stored without the framework's runtime (its scripts and flight
 *    payload: server/runtime-free.mjs), and a 404 from notFound() as the site's
 *    404 page rather than Next.js's empty shell (server/not-found-page.mjs);
 * 2. it carries its Content-Security-Policy as a stored header, with the hashes
 *    of whatever inline script and style it still has (server/csp.mjs).
 *
 * Next.js sends a cache entry's headers with the page, so a prerendered or
 * regenerated page is served with its policy at no per-request cost, and stays
 * static. The policy is added when a page is stored (a regeneration, which the
 * response to that request shares: the first response of a miss is the same as
 * every hit) and, for pages the build wrote to disk, the first time they are read.
 */

export const CSP = "content-security-policy";
/** @type {Set<string>} */
const reported = new Set();
/** Values already prepared: the in-memory LRU hands out the same object on every read. */
const prepared = new WeakSet();

/**
 * Rewrites a cached APP_PAGE value (the site's 404 page for Next.js's empty
 * one, no framework runtime) and adds its policy, in place: the response being
 * served shares the object. A value that has its policy was prepared when it
 * was stored (only this function adds one), so a read from Redis costs nothing.
 * @param {string} key
 * @param {any} value
 */
export function prepareEntry(key, value) {
  if (!value || value.kind !== "APP_PAGE" || typeof value.html !== "string" || !value.html) return;
  if (prepared.has(value)) return;
  prepared.add(value);
  if (value.headers?.[CSP]) return;
  const html = withoutFrameworkRuntime(withNotFoundPage(value.html, value.status ?? 200));
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

/**
 * Whether a cache value is a 404 page: one for an unknown address is kept by
 * the instance that rendered it, in memory only, so hostile addresses can fill
 * neither the disk nor Redis.
 * @param {any} value
 */
export function isNotFoundPage(value) {
  return value?.kind === "APP_PAGE" && value.status === 404;
}
