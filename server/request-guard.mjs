// @ts-check

/*
 * What the server refuses before a request reaches Next.js (server/main.mjs). Every
 * address the site serves is plain ASCII with single `/` separators and no dot
 * segments; the framework itself answers some malformed requests with a 500
 * (a bad percent-escape, `GET *`) and serves pages to any method. Here each of
 * those gets a 4xx and the site's own error page instead.
 *
 * Plain JavaScript: server/main.mjs loads it as it is.
 */

/** Longest request target (path and query) accepted; the site's own are far shorter. */
export const MAX_TARGET_LENGTH = 4096;

/** Methods any address accepts. */
export const SAFE_METHODS = ["GET", "HEAD"];

/** Route handlers under /api/ take these methods and answer the ones they lack with 405 themselves. */
const API_PREFIX = "/api/";
const API_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];
/** The editors' desk posts its plain HTML forms under /desk/ (app/desk/*\/route.ts). */
const FORM_PREFIX = "/desk/";
const FORM_METHODS = [...SAFE_METHODS, "POST"];

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
  const pathProblem = checkPath(path);
  if (pathProblem) return { ok: false, status: 400, reason: pathProblem };
  // The image optimizer fetches its `url` from this server internally, past this check: check it here.
  if (path === "/_next/image" && q !== -1) {
    const source = new URLSearchParams(url.slice(q + 1)).get("url");
    const sourceProblem = source === null ? undefined : source.startsWith("/") ? checkPath(source.split("?")[0] ?? "") : undefined;
    if (sourceProblem) return { ok: false, status: 400, reason: `image url: ${sourceProblem}` };
  }

  const verb = method ?? "";
  const allowed = path.startsWith(API_PREFIX) ? API_METHODS : path.startsWith(FORM_PREFIX) ? FORM_METHODS : SAFE_METHODS;
  if (!allowed.includes(verb)) return { ok: false, status: 405, reason: "method not allowed" };
  return { ok: true };
}

/**
 * What is wrong with a raw (still percent-encoded) path, if anything.
 * @param {string} path
 * @returns {string | undefined}
 */
function checkPath(path) {
  if (path.includes("\\")) return "backslash in path";
  if (path.includes("//")) return "empty path segment";
  // Encoded separators smuggle a second meaning past path matching.
  if (/%(?:2f|5c)/i.test(path)) return "encoded slash in path";
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return "malformed percent-escape";
  }
  if (/[\x00-\x1f\x7f]/.test(decoded)) return "control character in path";
  if (decoded.split("/").some((segment) => segment === ".." || segment === ".")) return "dot segment in path";
  return undefined;
}

/**
 * Requests that get a page rather than a file, an image or an API answer: the
 * server routes their address (redirects, 410) and gives them a CSP nonce in
 * case Next.js renders them on demand.
 * @param {string} url
 * @returns {boolean}
 */
export function mayRenderPage(url) {
  return !/^\/(?:_next\/static\/|_next\/image(?:\?|$)|images\/|api\/)/.test(url);
}
