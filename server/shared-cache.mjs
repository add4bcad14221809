// @ts-check
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { fleetSlot } from "./fleet-contract.mjs";

/*
 * The page cache every instance of a fleet shares: @fortedigital/nextjs-cache-handler's
 * Redis handler on the fleet's connection (server/fleet.mjs). Keys carry the
 * build's id, so a new deploy never serves an old build's HTML; tag expiries
 * (revalidatePath) are stored in Redis too, so one instance's revalidation
 * holds for all.
 */

/** How long Redis keeps a page that nobody regenerates: next.config.ts `expireTime`. */
export const EXPIRE_SECONDS = 86_400;
/** A Redis command that takes longer fails, and the request is answered without the shared cache. */
const TIMEOUT_MS = 1_000;

/**
 * The Redis client of the fleet, when this process is part of one.
 * @returns {any}
 */
export function sharedClient() {
  return /** @type {any} */ (fleetSlot.get())?.redis;
}

/** Whether the shared cache can be used right now. */
export function sharedCacheReady() {
  return Boolean(sharedClient()?.isReady);
}

/**
 * The key prefix of a build's pages in Redis.
 * @example
 * keyPrefix("Xk2_9") // "ibn:build:Xk2_9:"
 * @param {string | undefined} buildId
 */
export function keyPrefix(buildId) {
  return `ibn:build:${(buildId ?? "unknown").trim()}:`;
}

CacheHandler.onCreation(({ buildId }) => ({
  handlers: [createRedisHandler({ client: sharedClient(), keyPrefix: keyPrefix(buildId), timeoutMs: TIMEOUT_MS })],
  // Stale pages stay a day for stale-while-revalidate, as with the file-system cache; Redis's
  // maxmemory policy (ops/redis.conf) evicts the least recently used of them first.
  ttl: { estimateExpireAge: (staleAge) => Math.max(Math.ceil(staleAge * 1.5), EXPIRE_SECONDS) },
}));

export { CacheHandler as SharedPageCache };
