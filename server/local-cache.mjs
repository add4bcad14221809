// @ts-check
import { createRequire } from "node:module";
import { isNotFoundPage, prepareEntry } from "./cache-entries.mjs";

/*
 * The instance's own page cache: Next.js's file-system ISR cache (pages on
 * disk, an in-memory LRU in front), each entry prepared once
 * (server/cache-entries.mjs), and a 404 for an unknown address
 * (`/world/<anything>`) kept in memory only, out of the framework's per-path
 * bookkeeping: hostile URLs cannot fill the disk or grow memory.
 *
 * Alone (no REDIS_URL) it is the page cache. In a fleet it keeps the pages the
 * build wrote and, in memory only, copies of what the instance stored in the
 * shared cache: what the instance serves while Redis is unavailable.
 *
 * It extends a Next.js internal class: next is pinned, and the e2e suite checks
 * the stored header on every page type.
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

/** The tag every page carries (the root layout's): expiring it expires every page. */
const EVERY_PAGE = "_N_T_/layout";

export class LocalPageCache extends FileSystemCache {
  /**
   * @override
   * @param {string} key
   * @param {any} ctx
   * @returns {Promise<any>} the entry (its value is a page, a route's body, a redirect, …)
   */
  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    // Entries come from an in-memory LRU after the first read: they are prepared once.
    if (entry?.value) prepareEntry(key, entry.value);
    return entry;
  }

  /**
   * @override
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  async set(key, data, ctx) {
    prepareEntry(key, data);
    if (isNotFoundPage(data)) {
      SharedCacheControls?.cacheControls?.delete(key);
      return this.setInMemory(key, data, ctx);
    }
    return super.set(key, data, ctx);
  }

  /**
   * Stores an entry in the in-memory LRU only.
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  async setInMemory(key, data, ctx) {
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
}

/**
 * Expires every page this instance keeps (on disk and in memory): after
 * another instance published, its next read of each page is a miss. The
 * framework keeps tag expiries process-wide, so any instance of the class will do.
 */
export async function forgetLocalPages() {
  await new FileSystemCache(/** @type {any} */ ({ flushToDisk: false, revalidatedTags: [] })).revalidateTag([EVERY_PAGE]);
}
