import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { DESK_PATH } from "../paths";
import { fleetSlot } from "../../server/fleet-contract.mjs";
import { processSingleton } from "../process-singleton.mjs";

/*
 * The desk session: a cookie whose value carries its own expiry and a random
 * session id, signed with HMAC-SHA256. The server checks the signature and the
 * expiry on every request; the cookie's Max-Age only tells the browser when to
 * forget it. Nothing is stored on the server.
 */

export const SESSION_COOKIE = "desk_session";
export const SESSION_TTL_SECONDS = 12 * 60 * 60;
const VERSION = "v1";

export type Session = { id: string; expires: Date };

const mac = (key: Buffer, payload: string) => createHmac("sha256", key).update(payload).digest("base64url");

/**
 * A new session's cookie value, valid until `now` + 12 hours.
 *
 * @example
 * signSession(key, new Date("2026-01-01T00:00:00Z")) // "v1.1767268800.<id>.<mac>"
 */
export function signSession(key: Buffer, now: Date, id = randomBytes(16).toString("base64url"), ttlSeconds = SESSION_TTL_SECONDS): string {
  const expires = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const payload = `${VERSION}.${expires}.${id}`;
  return `${payload}.${mac(key, payload)}`;
}

/**
 * The session a cookie value holds, if its signature is right and it has not expired at `now`.
 *
 * @example
 * readSession(key, signSession(key, now), now) // { id: "…", expires: Date }
 * readSession(key, "v1.0.x.forged", now)      // undefined
 */
export function readSession(key: Buffer, value: string | undefined, now: Date): Session | undefined {
  if (!value) return undefined;
  const parts = value.split(".");
  if (parts.length !== 4) return undefined;
  const [version, expires, id, signature] = parts as [string, string, string, string];
  if (version !== VERSION || !/^\d{1,12}$/.test(expires) || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) return undefined;
  const expected = Buffer.from(mac(key, `${version}.${expires}.${id}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const expiry = new Date(Number(expires) * 1000);
  return expiry.getTime() > now.getTime() ? { id, expires: expiry } : undefined;
}

/**
 * The Set-Cookie header that starts a session: HttpOnly, SameSite=Lax, only
 * sent to the desk's own paths, Secure when the request came over HTTPS.
 */
export function sessionCookie(value: string, secure: boolean, maxAge = SESSION_TTL_SECONDS): string {
  return [`${SESSION_COOKIE}=${value}`, `Path=${DESK_PATH}`, `Max-Age=${maxAge}`, "HttpOnly", "SameSite=Lax", ...(secure ? ["Secure"] : [])].join("; ");
}

/** The Set-Cookie header that ends a session. */
export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie("", secure, 0);
}

/*
 * Signing out deletes the cookie from the browser, and the server remembers the
 * session's id until the session would have expired, so a copy of the cookie
 * no longer works either: this instance in memory, and in a fleet every
 * instance through Redis.
 */
const signedOut = () => processSingleton("deskSignedOut", () => new Map<string, number>());
const memo = (session: Session) => `desk:signed-out:${session.id}`;

/** Ends `session` on this server, and on the fleet's other instances. */
export async function endSession(session: Session, now: Date): Promise<void> {
  const ended = signedOut();
  for (const [id, expires] of ended) if (expires <= now.getTime()) ended.delete(id);
  ended.set(session.id, session.expires.getTime());
  await fleetSlot
    .get()
    ?.remember(memo(session), session.expires.getTime() - now.getTime())
    .catch((err: unknown) => console.error("desk: could not tell the fleet a session ended", err));
}

/** Whether `session` was signed out, here or on another instance of the fleet. */
export async function sessionEnded(session: Session): Promise<boolean> {
  if (signedOut().has(session.id)) return true;
  const fleet = fleetSlot.get();
  return fleet ? fleet.recalls(memo(session)).catch(() => false) : false;
}
