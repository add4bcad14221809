// @ts-check
import { monitorEventLoopDelay } from "node:perf_hooks";
import { processSlot } from "../lib/process-singleton.mjs";

/*
 * How long the event loop has been kept from turning: a monitorEventLoopDelay
 * histogram (10 ms resolution) for the whole process, which /api/health reports
 * so that a benchmark can see whether a publish, a start-up load or a search
 * held every reader up. Each figure is a turn's whole length, so an idle loop
 * reads about the resolution (10–20 ms), and work that blocks it for 100 ms
 * reads about 110 ms.
 */

/**
 * @typedef {{ maxMs: number; p99Ms: number; sinceMs: number }} EventLoopDelay
 * maxMs/p99Ms: the longest and the 99th-percentile turn since the last reset (0 before the first
 * sample); sinceMs: how long ago that reset was.
 */

/**
 * @typedef {{ read(): EventLoopDelay; reset(): void }} EventLoopMonitor
 */

/**
 * Where server/main.mjs publishes the monitor for the health route (app/api/health).
 * @type {import("../lib/process-singleton.mjs").ProcessSlot<EventLoopMonitor>}
 */
export const eventLoopSlot = processSlot("eventLoop");

const ms = (/** @type {number} */ ns) => Math.round(ns / 1e4) / 100;

/**
 * Starts measuring and publishes the monitor; measuring runs until the process ends.
 * @returns {EventLoopMonitor}
 */
export function startEventLoopMonitor() {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let since = performance.now();
  return eventLoopSlot.set({
    read: () => ({
      maxMs: histogram.count ? ms(histogram.max) : 0,
      p99Ms: histogram.count ? ms(histogram.percentile(99)) : 0,
      sinceMs: Math.round(performance.now() - since),
    }),
    reset() {
      histogram.reset();
      since = performance.now();
    },
  });
}
