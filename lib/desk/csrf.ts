import { createHmac, timingSafeEqual } from "node:crypto";

/*
 * Forged requests. Every form that changes something carries a token tied to
 * the session (HMAC of its id with the CSRF key), checked on every POST; and a
 * POST that says it comes from another site (Origin, Sec-Fetch-Site) is refused
 * before anything else. The session cookie is SameSite=Lax besides.
 */

/**
 * The CSRF token of a session.
 *
 * @example
 * csrfToken(key, session.id) // 43 base64url characters
 */
export function csrfToken(key: Buffer, sessionId: string): string {
  return createHmac("sha256", key).update(`csrf:${sessionId}`).digest("base64url");
}

/** Whether `given` is the token of `sessionId`, compared in constant time. */
export function csrfMatches(key: Buffer, sessionId: string, given: string | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(csrfToken(key, sessionId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Whether a POST comes from another site: Sec-Fetch-Site other than
 * `same-origin`, or an Origin (including `null`) whose host is not the one the
 * request was sent to. A request with neither header (not a browser's form) is
 * left to the CSRF token.
 *
 * @example
 * isCrossSite({ origin: "https://evil.example", host: "interbellumnews.com" })  // true
 * isCrossSite({ origin: "https://interbellumnews.com", host: "interbellumnews.com", secFetchSite: "same-origin" }) // false
 */
export function isCrossSite(request: { origin: string | null | undefined; host: string | null | undefined; secFetchSite?: string | null }): boolean {
  if (request.secFetchSite && request.secFetchSite !== "same-origin") return true;
  if (request.origin == null) return false;
  let originHost: string;
  try {
    originHost = new URL(request.origin).host;
  } catch {
    return true; // "null" and anything else that is not a URL
  }
  return !request.host || originHost.toLowerCase() !== request.host.toLowerCase();
}
