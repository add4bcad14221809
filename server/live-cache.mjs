// @ts-check
import { processSlot } from "../lib/process-singleton.mjs";

/*
 * A live story's page and its update feed leave with a short Cache-Control
 * while its coverage runs, so a CDN or browser cache does not hold them for
 * the minute every other page may be held. The app decides which addresses
 * are live (lib/publishing/live.ts, published by instrumentation.ts into the
 * slot below); the server applies the header (server/main.mjs). Next.js's own
 * header comes from the route's `revalidate`, one value for every story of the
 * route, and Next.js 16 varies it per render only with `cacheLife`, which
 * needs `cacheComponents` and the end of route segment config.
 */

/**
 * Whether a path is a live story's page or feed right now.
 * @typedef {(pathname: string) => boolean} LiveAddresses
 */

/**
 * Where instrumentation.ts publishes the live-address test, and where the
 * server finds it (the same slot in every module graph).
 * @type {import("../lib/process-singleton.mjs").ProcessSlot<LiveAddresses>}
 */
export const liveAddressesSlot = processSlot("liveAddresses");

/**
 * A shared cache keeps a live page or feed 10 seconds, and may serve it 10
 * more while it fetches a fresh one; browsers ask every time.
 */
export const LIVE_CACHE_CONTROL = "public, max-age=0, s-maxage=10, stale-while-revalidate=10";

/**
 * The Cache-Control a live address's response leaves with: shortened when
 * shared caches may keep it, as it was otherwise (a preview's `private,
 * no-store`, an error's `no-store`).
 *
 * @example
 * liveCacheControl("s-maxage=60, stale-while-revalidate=86340") // LIVE_CACHE_CONTROL
 * liveCacheControl("private, no-cache, no-store")              // "private, no-cache, no-store"
 * @param {string} current
 * @returns {string}
 */
export function liveCacheControl(current) {
  return /\bs-maxage=/.test(current) && !/\b(?:private|no-store)\b/.test(current) ? LIVE_CACHE_CONTROL : current;
}
