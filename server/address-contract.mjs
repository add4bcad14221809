// @ts-check
import { processSlot } from "../lib/process-singleton.mjs";

/*
 * The one contract between the address router (lib/publishing/addresses.ts,
 * inside Next.js's bundle) and the production server (server/main.mjs, plain
 * JavaScript outside it): the decision type, where the router is published,
 * and the request header that marks a retracted story's address.
 */

/**
 * What the server does with a page request: pass it to Next.js, redirect it
 * (308) to the canonical address, or serve a retracted story's note with 410.
 * @typedef {{ kind: "next" } | { kind: "redirect"; location: string } | { kind: "gone"; slug: string }} AddressDecision
 */

/** @typedef {(pathname: string, search: string) => AddressDecision} AddressRouter */

/**
 * Where instrumentation.ts publishes the router when the server starts, and
 * where the server finds it (the same slot in every module graph).
 * @type {import("../lib/process-singleton.mjs").ProcessSlot<AddressRouter>}
 */
export const addressRouterSlot = processSlot("addressRouter");

/**
 * Request header the server sets when it serves a retracted story's address
 * with app/gone/[slug] (status 410): the note page answers only then, so
 * /gone/… is never a second, 200 address of the note. The server removes it
 * from every request that comes in.
 */
export const RETRACTED_HEADER = "x-ibn-retracted";
