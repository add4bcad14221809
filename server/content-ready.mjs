// @ts-check
import { processSlot } from "../lib/process-singleton.mjs";

/*
 * Whether the content is in service yet. A server starts answering at once,
 * while its content index loads in the background (lib/content/store.ts): a
 * first start on an empty machine reads every file. Until then a page would
 * fail, so the server answers it 503 with Retry-After, which load balancers
 * and crawlers understand as "come back soon" (/api/health says 503 too).
 */

/**
 * Where instrumentation.ts publishes the test; empty until it has run.
 * @type {import("../lib/process-singleton.mjs").ProcessSlot<() => boolean>}
 */
export const contentReadySlot = processSlot("contentReady");

/** Seconds a client is asked to wait while the content loads. */
export const STARTING_RETRY_AFTER = 5;

/** Whether pages must wait: the content has not been loaded yet. */
export function contentStarting() {
  const ready = contentReadySlot.get();
  return ready !== undefined && !ready();
}
