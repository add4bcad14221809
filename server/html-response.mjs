// @ts-check

/*
 * A response layer of the production server: holds an HTML response's body
 * until it is complete and sends it rewritten (server/main.mjs passes the
 * rewrite: the page without the framework's runtime, and the site's own 404
 * page in place of the framework's empty one). Plain JavaScript: the server
 * loads it as it is.
 */

/**
 * Rewrites every HTML response `res` sends with `rewrite(html, status)`: the
 * body is held until the end (pages are small), rewritten, and sent whole with
 * its length. Other responses and HEAD pass untouched. Call before anything is
 * written to `res`, after the layers that must see the rewritten body
 * (compression) have wrapped it.
 *
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {(html: string, status: number) => string} rewrite
 */
export function rewriteHtmlResponse(req, res, rewrite) {
  if (req.method === "HEAD") return;
  const writeHead = /** @type {(...args: any[]) => any} */ (res.writeHead);
  const write = /** @type {(...args: any[]) => boolean} */ (res.write);
  const end = /** @type {(...args: any[]) => any} */ (res.end);
  /** @type {"pending" | "pass" | "hold"} */
  let mode = "pending";
  /** @type {any[] | undefined} the writeHead arguments after the status, while the body is held */
  let heldHead;
  /** @type {(string | Buffer)[]} what was written: strings as given (a cached page is one), the rest as bytes */
  const parts = [];

  const decide = () => {
    if (mode === "pending") mode = String(res.getHeader("content-type") ?? "").startsWith("text/html") ? "hold" : "pass";
  };
  /** @param {any} chunk @param {any} encoding */
  const keep = (chunk, encoding) => {
    if (chunk == null) return;
    const utf8 = typeof encoding !== "string" || /^utf-?8$/i.test(encoding);
    if (typeof chunk === "string") parts.push(utf8 ? chunk : Buffer.from(chunk, /** @type {BufferEncoding} */ (encoding)));
    else parts.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  };
  // Bytes are joined before decoding: a character may be split between two chunks.
  const text = () =>
    parts.every((p) => typeof p === "string")
      ? parts.join("")
      : Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : p))).toString("utf8");

  /** @type {any} */ (res).writeHead = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
    res.statusCode = status;
    const last = rest.at(-1);
    if (last && typeof last === "object") {
      rest.pop();
      const pairs = Array.isArray(last) ? Array.from({ length: last.length / 2 }, (_, i) => [last[2 * i], last[2 * i + 1]]) : Object.entries(last);
      for (const [key, value] of pairs) if (value !== undefined) res.setHeader(key, value);
    }
    decide();
    if (mode === "pass") return writeHead.call(res, res.statusCode, ...rest);
    heldHead = rest;
    return res;
  };

  /** @type {any} */ (res).write = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
    if (!heldHead && !res.headersSent && mode !== "pass") /** @type {any} */ (res).writeHead(res.statusCode);
    if (mode !== "hold") return write.apply(res, /** @type {any} */ (arguments));
    keep(chunk, encoding);
    (typeof encoding === "function" ? encoding : cb)?.();
    return true;
  };

  /** @type {any} */ (res).end = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
    if (typeof chunk === "function") [chunk, encoding, cb] = [undefined, undefined, chunk];
    else if (typeof encoding === "function") [encoding, cb] = [undefined, encoding];
    if (!heldHead && !res.headersSent && mode !== "pass") /** @type {any} */ (res).writeHead(res.statusCode);
    if (mode !== "hold") return end.call(res, chunk, encoding, cb);
    keep(chunk, encoding);
    const body = rewrite(text(), res.statusCode);
    res.removeHeader("transfer-encoding");
    res.setHeader("Content-Length", Buffer.byteLength(body));
    writeHead.call(res, res.statusCode, ...(heldHead ?? []));
    return end.call(res, body, "utf8", cb);
  };
}
