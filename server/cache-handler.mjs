// @ts-check
import { processSlot } from "../lib/process-singleton.mjs";
import { isNotFoundPage, prepareEntry } from "./cache-entries.mjs";
import { forgetLocalPages, LocalPageCache } from "./local-cache.mjs";
import { SharedPageCache, sharedCacheReady } from "./shared-cache.mjs";

/*
 * Next.js's ISR cache handler (next.config.ts `cacheHandler`; Next.js makes one
 * per request, so this holds no state of its own).
 *
 * - Alone (no REDIS_URL): the instance's file-system cache (server/local-cache.mjs).
 * - In a fleet: the shared Redis cache (server/shared-cache.mjs) while Redis is
 *   up, with a copy in the instance's memory; the instance's own cache while it
 *   is down, and Redis again as soon as it is back, without a restart.
 *   A page missing from Redis is rendered, never read from the build's copy on
 *   disk, which may predate a publish. A 404 for an unknown address stays with
 *   the instance that rendered it. Revalidation expires pages in both.
 *
 * Either way every page is prepared once (server/cache-entries.mjs: no
 * framework runtime, its Content-Security-Policy), so the first response of a
 * miss and every hit, from any instance, carry the same page and policy.
 *
 * Next.js's own in-memory layer is off (`cacheMaxMemorySize: 0`): an instance
 * must not answer from a private copy of a page the fleet has revalidated.
 * The local cache keeps its LRU, in front of the disk when alone, behind Redis
 * in a fleet.
 *
 * Loaded by the server at run time outside the bundle, hence plain JavaScript.
 */

/** Next.js's default size of the in-memory LRU. */
const LOCAL_MEMORY_BYTES = 50 * 1024 * 1024;

/*
 * A render that began before this instance reloaded its content finishes after
 * it, and would store a page of the old content as new, for a whole `revalidate`
 * period. So for a few seconds after a reload a page stored in Redis counts as
 * older than the reload (the next read renders it again), and the instance's own
 * pages are expired a second time when the window closes.
 */
const RELOAD_WINDOW_MS = 5_000;
/** @type {import("../lib/process-singleton.mjs").ProcessSlot<number>} */
const reloadedAt = processSlot("pagesReloadedAt");

/**
 * This instance's content has just been reloaded: its own pages expire now and
 * once more when renders begun before the reload have finished.
 * @param {number} [now]
 */
export function contentReloaded(now = Date.now()) {
  reloadedAt.set(now);
  void forgetLocalPages();
  setTimeout(() => void forgetLocalPages(), RELOAD_WINDOW_MS).unref();
}

export default class SiteCacheHandler {
  /** @param {any} ctx the framework's cache context */
  constructor(ctx) {
    const inFleet = Boolean(process.env.REDIS_URL) && process.env.NEXT_PHASE !== "phase-production-build";
    this.local = new LocalPageCache({
      ...ctx,
      maxMemoryCacheSize: ctx.maxMemoryCacheSize || LOCAL_MEMORY_BYTES,
      // Instances of a fleet may share one build directory: none writes into it.
      flushToDisk: inFleet ? false : ctx.flushToDisk,
    });
    this.shared = inFleet ? new SharedPageCache(ctx) : undefined;
  }

  /**
   * @param {string} key
   * @param {any} ctx
   * @returns {Promise<any>}
   */
  async get(key, ctx) {
    if (!this.shared || !sharedCacheReady()) return this.local.get(key, ctx);
    const entry = await this.shared.get(key, ctx);
    if (entry?.value) {
      prepareEntry(key, entry.value);
      // The entry's lifetime, stored with it: Next.js prefers it to what this process remembers,
      // and remembers nothing of a page another instance rendered (it would take it for stale
      // after a second, and regenerate it on every read).
      if (!entry.cacheControl && entry.lifespan && entry.lifespan.revalidate !== undefined) {
        entry.cacheControl = { revalidate: entry.lifespan.revalidate, expire: entry.lifespan.expireAge };
      }
      return entry;
    }
    const local = await this.local.get(key, ctx);
    return isNotFoundPage(local?.value) ? local : null;
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  async set(key, data, ctx) {
    prepareEntry(key, data);
    if (!this.shared || isNotFoundPage(data) || !sharedCacheReady()) return this.local.set(key, data, ctx);
    const since = reloadedAt.get();
    const older = since !== undefined && Date.now() - since < RELOAD_WINDOW_MS ? { ...ctx, internal_lastModified: since - 1 } : ctx;
    await Promise.all([this.shared.set(key, data, older), this.local.setInMemory(key, data, ctx)]);
  }

  /**
   * @param {string | string[]} tags
   * @param {any} [durations]
   */
  async revalidateTag(tags, durations) {
    await this.local.revalidateTag(tags, durations);
    contentReloaded();
    if (this.shared && sharedCacheReady()) await this.shared.revalidateTag(tags);
  }

  resetRequestCache() {}
}
