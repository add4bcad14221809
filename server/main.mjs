#!/usr/bin/env node
// @ts-check
/*
 * The production server (`npm start`): Next.js's own request handler behind a
 * thin layer that
 *
 * - refuses malformed and hostile requests before routing (server/request-guard.mjs):
 *   path traversal, encoded slashes, control characters, bad escapes, overlong
 *   targets get 400/414, other methods than GET/HEAD on pages get 405 — each
 *   with the site's own error page (app/http-error), never a 5xx;
 * - gives every response the security headers (server/security-headers.cjs) and a
 *   Content-Security-Policy: cached pages bring theirs (from cache-handler.mjs:
 *   scripts from the site only, their style attributes by hash); a page
 *   rendered on demand gets a fresh nonce that Next.js stamps on whatever
 *   script it still writes; everything else gets a policy that lets nothing run;
 * - sends every page without the framework's runtime (server/runtime-free.mjs):
 *   cached pages are stored that way, pages rendered per request are rewritten
 *   on their way out;
 * - with REDIS_URL, joins a fleet of instances sharing one Redis (server/fleet.mjs):
 *   the shared page cache, one publish reaching every instance;
 * - measures its event-loop delay for /api/health (server/event-loop.mjs);
 * - shuts down cleanly on SIGTERM/SIGINT: stops accepting connections, answers
 *   /api/health with 503, finishes the requests in flight (closing each
 *   connection after its response), then exits 0 — or 1 after DRAIN_TIMEOUT_MS.
 *
 * Usage: node server/main.mjs [-p PORT] [-H HOSTNAME]   (or PORT; listens on every interface unless -H;
 * NEXT_DIST_DIR and CONTENT_DIR choose the build and the corpus, as for the build; REDIS_URL the
 * fleet's Redis, INSTANCE_NAME this instance's name in it, else host:port)
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEventLoopMonitor } from "./event-loop.mjs";

// Production React and Next.js, as `next start` sets it, before either loads.
/** @type {Record<string, string | undefined>} */ (process.env).NODE_ENV = "production";

// Event-loop delay for /api/health (server/event-loop.mjs), from the first moment.
const eventLoop = startEventLoopMonitor();

const { values: args } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  allowPositionals: false,
});
const port = Number(args.port ?? process.env.PORT ?? 3000);
// Not $HOSTNAME: containers set it to their own name, and the server would listen on that alone.
const hostname = args.hostname ?? undefined;
const DRAIN_TIMEOUT_MS = Number(process.env.DRAIN_TIMEOUT_MS ?? 25_000);
// The publication scheduler calls this server on its own port (lib/publishing/publication-timer.ts).
process.env.PORT = String(port);
// How /api/health and the fleet name this instance.
process.env.INSTANCE_NAME ||= `${os.hostname()}:${port}`;
// Where the server reaches itself (lib/publishing/self-origin.ts): loopback, unless it listens on one host only.
const selfHost = hostname && hostname !== "0.0.0.0" && hostname !== "::" ? hostname : "127.0.0.1";
const self = `http://${selfHost.includes(":") ? `[${selfHost}]` : selfHost}:${port}`;
process.env.SELF_ORIGIN = self;

// In the standalone output (Dockerfile) there is no next.config.ts: the build recorded its resolved
// configuration in required-server-files.json, and Next.js reads it from this variable, as the
// standalone output's own server.js arranges.
const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!process.env.__NEXT_PRIVATE_STANDALONE_CONFIG && !existsSync("next.config.ts")) {
  const required = path.join(distDir, "required-server-files.json");
  if (existsSync(required)) {
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(JSON.parse(readFileSync(required, "utf8")).config);
  }
}

const { default: next } = await import("next");
const { checkRequest, mayRenderPage } = await import("./request-guard.mjs");
const { noncePolicy, RESOURCE_POLICY } = await import("./csp.mjs");
const { SECURITY_HEADERS } = (await import("./security-headers.cjs")).default;
const { RETRACTED_HEADER, addressRouterSlot } = await import("./address-contract.mjs");
const { liveAddressesSlot, liveCacheControl } = await import("./live-cache.mjs");
const { GzipCache, compressResponse } = await import("./compression.mjs");
const { withoutFrameworkRuntime } = await import("./runtime-free.mjs");
const { withNotFoundPage } = await import("./not-found-page.mjs");
const { rewriteHtmlResponse } = await import("./html-response.mjs");
const { CLIENT_ADDRESS_HEADER, clientAddress } = await import("./client-address.mjs");
const { STARTING_RETRY_AFTER, contentStarting } = await import("./content-ready.mjs");

const fleet = process.env.REDIS_URL ? await joinFleet(process.env.REDIS_URL) : undefined;

/**
 * Connects to the fleet's Redis before Next.js starts, so its cache handler finds the connection
 * (server/shared-cache.mjs). Redis being down does not hold the start: the instance serves from its
 * own cache until it comes.
 * @param {string} url
 */
async function joinFleet(url) {
  const { startFleet } = await import("./fleet.mjs");
  const { contentReloaderSlot, fleetSlot } = await import("./fleet-contract.mjs");
  const { contentReloaded } = await import("./cache-handler.mjs");
  const joined = startFleet({
    url,
    instance: String(process.env.INSTANCE_NAME),
    async onContentChange(files) {
      await contentReloaderSlot.get()?.(files);
      contentReloaded();
    },
  });
  fleetSlot.set(joined);
  return joined;
}

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

/**
 * What to do with a page request's address (see mayRenderPage): the router of
 * lib/publishing/addresses.ts, published by instrumentation.ts when Next.js starts.
 * @param {string} url
 * @returns {import("./address-contract.mjs").AddressDecision}
 */
function routeAddress(url) {
  const router = addressRouterSlot.get();
  if (!router) return { kind: "next" };
  const q = url.indexOf("?");
  try {
    return router(q === -1 ? url : url.slice(0, q), q === -1 ? "" : url.slice(q));
  } catch (err) {
    // A corpus that cannot be read: the page itself will say so (Next.js's error page); never a crash here.
    console.error(err);
    return { kind: "next" };
  }
}

/**
 * Whether the request is for a live story's page or feed now (lib/publishing/live.ts, published by
 * instrumentation.ts). Only those leave with the short live Cache-Control.
 * @param {string} url
 */
function isLiveAddress(url) {
  const live = liveAddressesSlot.get();
  if (!live) return false;
  const q = url.indexOf("?");
  return live(q === -1 ? url : url.slice(0, q));
}

/** Error pages this server answers with itself (app/http-error/[code]). */
const ERROR_PAGE = /^\/http-error\/(400|405|414)(?:\?|$)/;
/** Request headers that would turn the error page into a 304, a range or an RSC payload. */
const NOT_FOR_ERROR_PAGES = ["if-none-match", "if-modified-since", "if-match", "if-unmodified-since", "range", "rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"];

/**
 * A page as it leaves the server: the site's 404 page where Next.js sent an empty one, and no
 * framework runtime (cheap for a cached page, which was stored that way).
 * @param {string} html
 * @param {number} status
 */
const finishPage = (html, status) => withoutFrameworkRuntime(withNotFoundPage(html, status));

/** gzip of every whole shared response, made once per version (next.config.ts: `compress: false`). */
const gzipCache = new GzipCache(Number(process.env.GZIP_CACHE_MB ?? 64) * 1024 * 1024);

let draining = false;
let inFlight = 0;

/**
 * Last word on every response's headers, at the moment they are written:
 * security headers and a CSP where missing, a forced status for error pages,
 * a short Cache-Control for a live story's page and feed (server/live-cache.mjs),
 * `Connection: close` while draining.
 * @param {http.ServerResponse} res
 * @param {{ nonce?: string; status?: number; live?: boolean }} opts
 */
function finalizeHeaders(res, opts) {
  const writeHead = res.writeHead;
  /** @type {any} */ (res).writeHead = function (/** @type {number} */ statusCode, /** @type {any[]} */ ...rest) {
    // Fold a headers argument into the response so the checks below see it.
    const last = rest.at(-1);
    if (last && typeof last === "object") {
      rest.pop();
      const pairs = Array.isArray(last) ? chunk(last) : Object.entries(last);
      for (const [key, value] of pairs) if (value !== undefined) res.setHeader(key, value);
    }
    for (const { key, value } of SECURITY_HEADERS) if (!res.hasHeader(key)) res.setHeader(key, value);
    if (!res.hasHeader("content-security-policy")) {
      const html = String(res.getHeader("content-type") ?? "").startsWith("text/html");
      res.setHeader("Content-Security-Policy", html ? noncePolicy(opts.nonce ?? randomBytes(16).toString("base64")) : RESOURCE_POLICY);
    }
    if (opts.live && (statusCode === 200 || statusCode === 304) && res.hasHeader("cache-control")) {
      res.setHeader("Cache-Control", liveCacheControl(String(res.getHeader("cache-control"))));
    }
    if (opts.status) {
      statusCode = opts.status;
      rest = [];
      res.setHeader("Cache-Control", "no-store");
      for (const h of ["etag", "last-modified", "x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time", "content-range"]) res.removeHeader(h);
    }
    if (draining) res.setHeader("Connection", "close");
    return writeHead.call(this, statusCode, ...rest);
  };
}

/** @param {any[]} flat */
function chunk(flat) {
  /** @type {[string, any][]} */
  const out = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}

/**
 * Serves the site's error page for `status` in place of the request.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {number} status
 */
function errorPage(req, res, status) {
  if (status === 405) res.setHeader("Allow", "GET, HEAD");
  // A refused request's body is never read: the connection cannot carry another request.
  if (req.headers["content-length"] || req.headers["transfer-encoding"]) res.setHeader("Connection", "close");
  req.method = req.method === "HEAD" ? "HEAD" : "GET";
  req.url = `/http-error/${status}`;
  for (const h of NOT_FOR_ERROR_PAGES) delete req.headers[h];
  return handle(req, res);
}

/**
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
async function onRequest(req, res) {
  inFlight++;
  res.once("close", () => inFlight--);
  // Nobody outside chooses the nonce Next.js stamps on its scripts.
  delete req.headers["content-security-policy"];
  delete req.headers["content-security-policy-report-only"];
  // Only this server says a request is a retracted story's address (app/gone/[slug]), and who sent it.
  delete req.headers[RETRACTED_HEADER];
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"]);
  // Every file is small and whole: an unsatisfiable range would make Next.js look for a /416 page and answer 500.
  delete req.headers.range;
  delete req.headers["if-range"];

  const url = req.url ?? "";
  if (draining && url.split("?")[0] === "/api/health") {
    finalizeHeaders(res, {});
    res.writeHead(503, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    res.end(JSON.stringify({ status: "shutting down" }));
    return;
  }

  // First, so that it is the innermost layer: it sees the headers finalizeHeaders settles.
  compressResponse(req, res, gzipCache);
  // Next: pages rendered per request lose the framework's runtime (and an empty 404 becomes the
  // site's 404 page) before compression sees them; cached pages were stored that way.
  rewriteHtmlResponse(req, res, finishPage);
  const verdict = checkRequest(req.method, url);
  try {
    if (!verdict.ok) {
      finalizeHeaders(res, { status: verdict.status });
      await errorPage(req, res, verdict.status);
      return;
    }
    if (mayRenderPage(url) && contentStarting()) {
      finalizeHeaders(res, { status: 503 });
      res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": String(STARTING_RETRY_AFTER) });
      res.end(req.method === "HEAD" ? undefined : "Inter Bellum News is starting: its content is loading. Try again in a few seconds.\n");
      return;
    }
    const direct = ERROR_PAGE.exec(url);
    /** @type {{ nonce?: string; status?: number; live?: boolean }} */
    const opts = direct ? { status: Number(direct[1]) } : {};
    // Pages, not the framework's files, the images or the API: addresses readers and crawlers type.
    const page = mayRenderPage(url);
    const routed = direct || !page ? /** @type {const} */ ({ kind: "next" }) : routeAddress(url);
    if (routed.kind === "redirect") {
      finalizeHeaders(res, {});
      res.writeHead(308, { Location: routed.location, "Content-Type": "text/plain; charset=utf-8" });
      res.end(req.method === "HEAD" ? undefined : `Moved permanently to ${routed.location}\n`);
      return;
    }
    if (routed.kind === "gone") {
      req.url = `/gone/${encodeURIComponent(routed.slug)}`;
      req.headers[RETRACTED_HEADER] = routed.slug;
      opts.status = 410;
    }
    if (routed.kind === "next" && !direct) opts.live = isLiveAddress(url);
    if (page) {
      // Used only if Next.js renders this page now (search, preview); a cached page brings its own policy.
      opts.nonce = randomBytes(16).toString("base64");
      req.headers["content-security-policy"] = noncePolicy(opts.nonce);
    }
    finalizeHeaders(res, opts);
    await handle(req, res);
  } catch (err) {
    // Next.js answers its own errors; this is the last resort, and never shows the error.
    console.error(err);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
    }
    res.end("Internal Server Error");
  }
}

const server = http.createServer(onRequest);

// Requests that never reach onRequest — those Node's HTTP parser rejects (bad request
// line, unknown method, oversized headers) and CONNECT — are answered on the socket
// with the site's own page, as fetched from this server once it listens.
/** @type {Map<number, string>} */
const rawPages = new Map();

/**
 * @param {import("node:stream").Duplex} socket
 * @param {number} status
 * @param {string} reason
 * @param {string[]} [extra]
 */
function answerOnSocket(socket, status, reason, extra = []) {
  const page = rawPages.get(status) ?? rawPages.get(400);
  const body = page ?? `${reason}\n`;
  const headers = [
    `HTTP/1.1 ${status} ${reason}`,
    `Content-Type: ${page ? "text/html" : "text/plain"}; charset=utf-8`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Cache-Control: no-store",
    `Content-Security-Policy: ${page ? noncePolicy(randomBytes(16).toString("base64")) : RESOURCE_POLICY}`,
    ...SECURITY_HEADERS.map(({ key, value }) => `${key}: ${value}`),
    ...extra,
    "Connection: close",
  ];
  socket.end(`${headers.join("\r\n")}\r\n\r\n${body}`);
}

server.on("clientError", (err, socket) => {
  const code = /** @type {{ code?: string }} */ (err).code;
  if (code === "ECONNRESET" || !socket.writable) return socket.destroy();
  if (code === "HPE_HEADER_OVERFLOW") return answerOnSocket(socket, 431, "Request Header Fields Too Large");
  answerOnSocket(socket, 400, "Bad Request");
});
server.on("connect", (_req, socket) => answerOnSocket(socket, 405, "Method Not Allowed", ["Allow: GET, HEAD"]));
// The site has no WebSockets: an upgrade request gets a 400 rather than a silently closed connection.
// (Next.js would add its own upgrade listener on the first request; it has nothing to upgrade to either.)
/** @type {any} */ (app).didWebSocketSetup = true;
server.on("upgrade", (_req, socket) => answerOnSocket(socket, 400, "Bad Request"));

server.listen(port, hostname, () => {
  const shown = hostname ?? "localhost";
  console.log(`▲ Inter Bellum News on http://${shown}:${port} (${distDir}, content: ${process.env.CONTENT_DIR ?? "content"})`);
  // Readers wait on the loop from now on; loading Next.js's modules before this kept no one waiting.
  eventLoop.reset();
  // The pages answerOnSocket shows: the site's own, styled by its stylesheet, without their scripts.
  for (const status of [400, 405]) {
    fetch(`${self}/http-error/${status}`)
      .then(async (r) => {
        const html = await r.text();
        if (r.status === status && html.includes("</html>")) rawPages.set(status, html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, ""));
      })
      .catch(() => {});
  }
});

/** @param {NodeJS.Signals} signal */
function shutdown(signal) {
  if (draining) return;
  draining = true;
  console.log(`${signal}: no new connections; finishing the requests in flight (${inFlight} being answered)`);
  const timer = setTimeout(() => {
    console.error(`shutdown: ${inFlight} request(s) still open after ${DRAIN_TIMEOUT_MS} ms; closing them`);
    server.closeAllConnections();
    process.exit(1);
  }, DRAIN_TIMEOUT_MS);
  timer.unref();
  server.close(async () => {
    await app.close().catch((err) => console.error(err));
    await fleet?.stop();
    console.log("shutdown: all requests answered; stopped");
    process.exit(0);
  });
  // Keep-alive connections with no request in flight go now; busy ones close after their response.
  server.closeIdleConnections();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
