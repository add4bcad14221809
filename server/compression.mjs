// @ts-check
import { createHash } from "node:crypto";
import { gzipSync, createGzip, constants } from "node:zlib";

/*
 * Response compression and ETags for server/main.mjs (Next.js runs with
 * `compress: false` and `generateEtags: false`), doing what Next.js's own do
 * (the `compression` package; an ETag and 304 for a whole response), cheaper:
 *
 * - A whole response (its length known before its body: a prerendered or
 *   cached page, a static file) is the same bytes for everyone until
 *   it changes. Its ETag is a SHA-1 of the body (native code, where Next.js
 *   hashes in JavaScript), and its gzip is made once and kept in memory (least
 *   recently used out first, bounded by size), keyed by that hash. Serving a
 *   cached page then costs no compression at all. What each saved:
 *   docs/performance.md.
 * - Responses whose length is not known are compressed as they stream. (HTML
 *   pages no longer are: html-response.mjs hands them over whole, with their
 *   length, so a page rendered per request gets an ETag and one gzip too.)
 *   Feeds and sitemaps are held whole too: route handlers' responses reach
 *   the server without a length (Next.js's sendResponse drops Content-Length
 *   and pipes the body), and a live story's feed, which open pages poll with
 *   If-None-Match (public/live-updates.js), must answer 304 when unchanged.
 *
 * Plain JavaScript: the server loads it outside the bundle.
 */

/** Types worth compressing (text; images and fonts are compressed already). */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|xml|rss\+xml|atom\+xml|manifest\+json|ld\+json)|image\/svg\+xml)/i;
/** Small documents held whole even without a length, for an ETag: feeds and sitemaps. */
const WHOLE = /^application\/(?:xml|rss\+xml|atom\+xml)\b/i;
/** Below this a gzip header costs more than it saves (the `compression` package's default). */
const THRESHOLD = 1024;

/**
 * True when the request's Accept-Encoding allows gzip (not `gzip;q=0`).
 * @param {string | undefined} header
 */
export function acceptsGzip(header) {
  if (!header) return false;
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (name?.trim().toLowerCase() !== "gzip" && name?.trim() !== "*") continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (!q || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/** An LRU of gzip bodies bounded by their total size. */
export class GzipCache {
  /** @param {number} maxBytes */
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    /** @type {Map<string, Buffer>} */
    this.entries = new Map();
    this.hits = 0;
    this.misses = 0;
  }

  /**
   * The gzip of `body`, made once per key (a function is called only when the key is new).
   * @param {string} key
   * @param {Buffer | (() => Buffer)} body
   * @returns {Buffer}
   */
  gzip(key, body) {
    const found = this.entries.get(key);
    if (found) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses++;
    const zipped = gzipSync(typeof body === "function" ? body() : body);
    if (zipped.length <= this.maxBytes / 8) {
      this.entries.set(key, zipped);
      this.bytes += zipped.length;
      for (const [oldKey, old] of this.entries) {
        if (this.bytes <= this.maxBytes) break;
        this.entries.delete(oldKey);
        this.bytes -= old.length;
      }
    }
    return zipped;
  }
}

/**
 * True when If-None-Match names `etag` (weak comparison, as for GET).
 * @param {string | undefined} header
 * @param {string} etag
 */
export function notModified(header, etag) {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

/**
 * @param {import("node:http").ServerResponse} res
 * @param {string} token
 */
function addVary(res, token) {
  const vary = res.getHeader("vary");
  const list = Array.isArray(vary) ? vary.join(", ") : vary === undefined ? "" : String(vary);
  if (list.split(",").some((v) => v.trim() === "*" || v.trim().toLowerCase() === token.toLowerCase())) return;
  res.setHeader("Vary", list ? `${list}, ${token}` : token);
}

/**
 * The encoding of a string written with `write`/`end`: its argument when one is given (it may be the callback).
 * @param {unknown} encoding
 * @returns {BufferEncoding}
 */
function encodingOf(encoding) {
  return typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8";
}

/**
 * Compresses what `res` sends, when the request accepts gzip and the response
 * is worth it. Call before anything is written to `res`.
 *
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {GzipCache} cache
 */
export function compressResponse(req, res, cache) {
  const gzip = acceptsGzip(req.headers["accept-encoding"]) && req.method !== "HEAD";
  const writeHead = res.writeHead;
  // The originals, called with whatever arguments Node's overloads take.
  const write = /** @type {(...args: any[]) => boolean} */ (res.write);
  const end = /** @type {(...args: any[]) => any} */ (res.end);
  /** @type {"pending" | "pass" | "buffer" | "stream"} */
  let mode = "pending";
  /**
   * The body as written, until its bytes are needed: Next.js writes a cached page as one string,
   * and a cache hit needs only its hash, which the hasher takes straight from the string.
   * @type {[any, BufferEncoding][]}
   */
  const chunks = [];
  /** @param {any} chunk @param {any} encoding */
  const keep = (chunk, encoding) => chunks.push([chunk, encodingOf(encoding)]);
  const bodyBytes = () => Buffer.concat(chunks.map(([chunk, encoding]) => toBuffer(chunk, encoding)));
  /** @type {import("node:zlib").Gzip | undefined} */
  let stream;
  /** @type {any[] | undefined} the arguments of the held writeHead */
  let held;

  /** Chooses how to send the body, once the status and headers are known. */
  function choose() {
    if (mode !== "pending") return;
    const type = String(res.getHeader("content-type") ?? "");
    const worth =
      COMPRESSIBLE.test(type) &&
      !res.hasHeader("content-encoding") &&
      res.statusCode !== 204 &&
      res.statusCode !== 304 &&
      !/\bno-transform\b/.test(String(res.getHeader("cache-control") ?? ""));
    if (worth) addVary(res, "Accept-Encoding");
    const length = Number(res.getHeader("content-length") ?? NaN);
    // HEAD: no body to hash or compress; the head stays as Next.js made it.
    if (!worth || length < THRESHOLD || req.method === "HEAD") mode = "pass";
    else if (Number.isFinite(length) || WHOLE.test(type)) mode = "buffer";
    else mode = gzip ? "stream" : "pass";
    if (mode === "stream") {
      res.removeHeader("content-length");
      res.setHeader("Content-Encoding", "gzip");
      stream = createGzip({ flush: constants.Z_SYNC_FLUSH });
      stream.on("data", (c) => write.call(res, c));
      stream.on("end", () => end.call(res));
    }
  }

  function flushHead() {
    if (held) {
      const args = held;
      held = undefined;
      writeHead.apply(res, /** @type {any} */ (args));
    }
  }

  /** @type {any} */ (res).writeHead = function (/** @type {any[]} */ ...args) {
    // Fold status and headers into the response, decide, and send the head with the first body bytes.
    const [status, ...rest] = args;
    res.statusCode = status;
    const last = rest.at(-1);
    if (last && typeof last === "object") {
      const pairs = Array.isArray(last) ? Array.from({ length: last.length / 2 }, (_, i) => [last[2 * i], last[2 * i + 1]]) : Object.entries(last);
      for (const [key, value] of pairs) if (value !== undefined) res.setHeader(key, value);
    }
    const message = typeof rest[0] === "string" ? rest[0] : undefined;
    choose();
    held = message ? [res.statusCode, message] : [res.statusCode];
    if (mode === "pass" || mode === "stream") flushHead();
    return res;
  };

  /**
   * @param {any} chunk
   * @param {any} [encoding]
   */
  function toBuffer(chunk, encoding) {
    return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encodingOf(encoding));
  }

  /** @type {any} */ (res).write = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
    if (!held && !res.headersSent) /** @type {any} */ (res).writeHead(res.statusCode);
    if (mode === "buffer") {
      if (chunk != null) keep(chunk, encoding);
      (typeof encoding === "function" ? encoding : cb)?.();
      return true;
    }
    if (mode === "stream" && stream) {
      // Pages are small: the compressor buffers what the socket has not taken (no 'drain' to wait for).
      stream.write(toBuffer(chunk, encoding), typeof encoding === "function" ? encoding : cb);
      return true;
    }
    return write.apply(res, /** @type {any} */ (arguments));
  };

  /** @type {any} */ (res).end = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
    if (typeof chunk === "function") [chunk, encoding, cb] = [undefined, undefined, chunk];
    else if (typeof encoding === "function") [encoding, cb] = [undefined, encoding];
    if (!held && !res.headersSent) {
      // The whole body in one call: its size is known before the head goes out.
      if (chunk != null && !res.hasHeader("content-length")) {
        res.setHeader("Content-Length", Buffer.byteLength(chunk, encodingOf(encoding)));
      }
      /** @type {any} */ (res).writeHead(res.statusCode);
    }
    if (mode === "buffer") {
      if (chunk != null) keep(chunk, encoding);
      const cacheControl = String(res.getHeader("cache-control") ?? "");
      const shared = !/\b(?:private|no-store)\b/.test(cacheControl);
      const hasher = createHash("sha1");
      for (const [part, partEncoding] of chunks) hasher.update(part, partEncoding);
      const hash = hasher.digest("base64url");
      if (shared && res.statusCode === 200) {
        if (!res.hasHeader("etag")) res.setHeader("ETag", `"${hash}"`);
        if (notModified(req.headers["if-none-match"], String(res.getHeader("etag")))) {
          res.statusCode = 304;
          for (const h of ["content-length", "content-type", "content-encoding"]) res.removeHeader(h);
          if (held) held[0] = 304;
          flushHead();
          return end.call(res, cb);
        }
      }
      if (!gzip) {
        const body = bodyBytes();
        res.setHeader("Content-Length", body.length);
        flushHead();
        return end.call(res, body, cb);
      }
      const zipped = shared ? cache.gzip(`${hash} ${res.getHeader("content-type")}`, bodyBytes) : gzipSync(bodyBytes());
      res.setHeader("Content-Encoding", "gzip");
      res.setHeader("Content-Length", zipped.length);
      flushHead();
      return end.call(res, zipped, cb);
    }
    if (mode === "stream" && stream) {
      if (cb) res.once("finish", cb);
      if (chunk != null) stream.end(toBuffer(chunk, encoding));
      else stream.end();
      return res;
    }
    flushHead();
    return end.call(res, chunk, encoding, cb);
  };
}
