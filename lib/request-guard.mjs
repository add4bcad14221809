// @ts-check

/*
 * What the server refuses before a request reaches Next.js (server.mjs). Every
 * address the site serves is plain ASCII with single `/` separators and no dot
 * segments; the framework itself answers some malformed requests with a 500
 * (a bad percent-escape, `GET *`) and serves pages to any method. Here each of
 * those gets a 4xx and the site's own error page instead.
 *
 * Plain JavaScript (types in request-guard.d.mts): server.mjs loads it as it is.
 */

/** Longest request target (path and query) accepted; the site's own are far shorter. */
export const MAX_TARGET_LENGTH = 4096;

/** Methods any address accepts. */
export const SAFE_METHODS = ["GET", "HEAD"];

/** Route handlers under /api/ take other methods and answer wrong ones themselves. */
const API_PREFIX = "/api/";

/**
 * @typedef {{ ok: true } | { ok: false; status: 400 | 405 | 414; reason: string }} Verdict
 */

/**
 * Decides whether `method` and the raw request target `url` may reach the app.
 *
 * @example
 * checkRequest("GET", "/world/x")            // { ok: true }
 * checkRequest("GET", "/%ff")                // { ok: false, status: 400, reason: "malformed percent-escape" }
 * checkRequest("DELETE", "/world")           // { ok: false, status: 405, reason: "method not allowed" }
 * @param {string | undefined} method
 * @param {string | undefined} url
 * @returns {Verdict}
 */
export function checkRequest(method, url) {
  if (!url) return { ok: false, status: 400, reason: "empty request target" };
  if (url.length > MAX_TARGET_LENGTH) return { ok: false, status: 414, reason: "request target too long" };
  // Origin form only: no `*`, no absolute URL, no authority.
  if (!url.startsWith("/")) return { ok: false, status: 400, reason: "request target must be a path" };
  // Printable ASCII only (anything else must be percent-encoded).
  if (/[^\x21-\x7e]/.test(url)) return { ok: false, status: 400, reason: "unencoded character in request target" };

  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  if (path.includes("\\")) return { ok: false, status: 400, reason: "backslash in path" };
  // Encoded separators smuggle a second meaning past path matching.
  if (/%(?:2f|5c)/i.test(path)) return { ok: false, status: 400, reason: "encoded slash in path" };
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { ok: false, status: 400, reason: "malformed percent-escape" };
  }
  if (/[\x00-\x1f\x7f]/.test(decoded)) return { ok: false, status: 400, reason: "control character in path" };
  if (decoded.split("/").some((segment) => segment === ".." || segment === ".")) {
    return { ok: false, status: 400, reason: "dot segment in path" };
  }

  const verb = (method ?? "").toUpperCase();
  if (!SAFE_METHODS.includes(verb) && !path.startsWith(API_PREFIX)) {
    return { ok: false, status: 405, reason: "method not allowed" };
  }
  return { ok: true };
}

/**
 * Requests that get a page rather than a file, an image or an API answer: the
 * server gives these a CSP nonce in case Next.js renders them on demand.
 * @param {string} url
 * @returns {boolean}
 */
export function mayRenderPage(url) {
  return !/^\/(?:_next\/static\/|_next\/image(?:\?|$)|images\/|api\/)/.test(url);
}
