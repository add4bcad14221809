// @ts-check
import { processSlot } from "../lib/process-singleton.mjs";

/*
 * The contract between the fleet (server/fleet.mjs: several instances sharing
 * one Redis) and the app inside Next.js's bundle (the revalidation route, the
 * health route, the publication timer, instrumentation.ts). Neither imports the
 * other: each finds what the other published in a process slot.
 */

/**
 * What an instance says about itself in /api/health.
 * - redis: "not configured" (no REDIS_URL: one process, the file-system cache),
 *   "connecting", "ready", or "down" (the instance serves from its own cache);
 * - cache: the page cache in use right now;
 * - contentVersion: the fleet's content version this instance has loaded (null
 *   before the first publish, or without Redis).
 * @typedef {{
 *   instance: string;
 *   redis: "not configured" | "connecting" | "ready" | "down";
 *   cache: "redis" | "file-system";
 *   contentVersion: string | null;
 * }} FleetStatus
 */

/**
 * How far one publish reached: the new content version, the instances alive in
 * the fleet, and how many of them had loaded it before the shared cache was
 * told to forget its pages.
 * @typedef {{ version: string; instances: number; reached: number }} FleetReach
 */

/**
 * What an instance shares with the others besides pages and publishes:
 * - claim: the first of the fleet to claim `name` gets true, for `ttlMs`;
 * - remember / recalls: a fact every instance knows until `ttlMs` has passed
 *   (a signed-out desk session);
 * - tally: a counter per `name` over a fixed window of `windowMs`, incremented
 *   when `add` (failed desk sign-ins), with the time left in its window.
 * Each rejects with FleetUnavailableError while Redis cannot be reached.
 * @typedef {{
 *   status(): FleetStatus;
 *   announceContentChange(files?: string[]): Promise<FleetReach>;
 *   claim(name: string, ttlMs: number): Promise<boolean>;
 *   remember(name: string, ttlMs: number): Promise<void>;
 *   recalls(name: string): Promise<boolean>;
 *   tally(name: string, windowMs: number, add: boolean): Promise<{ count: number; resetMs: number }>;
 * }} Fleet
 */

/**
 * Where server/main.mjs publishes the fleet when REDIS_URL is set; empty when
 * the server runs alone.
 * @type {import("../lib/process-singleton.mjs").ProcessSlot<Fleet>}
 */
export const fleetSlot = processSlot("fleet");

/**
 * Where instrumentation.ts publishes how this instance reloads its content
 * (corpus, search index, address router, publication timer) when another
 * instance announces a publish.
 * The files it is given are those the publish changed, relative to the content
 * directory; undefined means unknown (every file is compared with the index).
 * @type {import("../lib/process-singleton.mjs").ProcessSlot<(files?: string[]) => Promise<void>>}
 */
export const contentReloaderSlot = processSlot("contentReloader");

/**
 * Thrown when the fleet cannot reach Redis: the caller must say so, never report success.
 * Test for it with isFleetUnavailable: the app's bundle has its own copy of this class.
 */
export class FleetUnavailableError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "FleetUnavailableError";
  }
}

/**
 * Whether `err` is a FleetUnavailableError, from whichever copy of this module threw it.
 * @param {unknown} err
 * @returns {err is FleetUnavailableError}
 */
export function isFleetUnavailable(err) {
  return err instanceof Error && err.name === "FleetUnavailableError";
}
