import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GzipCache, acceptsGzip, compressResponse } from "./compression.mjs";

const PAGE = "<!doctype html><p>" + "The pipeline will run through Mongolia. ".repeat(200) + "</p>";
const UTF8_PAGE = "<!doctype html><p>" + "Сила Сибири 2 — «Power of Siberia 2», 50 bcm/yr. ".repeat(120) + "</p>";
const cache = new GzipCache(1024 * 1024);
let origin = "";
let server: http.Server;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    compressResponse(req, res, cache);
    const url = req.url ?? "/";
    if (url === "/cached") {
      // As Next.js sends a prerendered page: headers set, then the whole body at once.
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("ETag", '"abc"');
      res.setHeader("Content-Length", Buffer.byteLength(PAGE));
      res.end(PAGE);
    } else if (url === "/whole" || url === "/private") {
      // A whole page without an ETag (Next.js runs with generateEtags: false).
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Cache-Control", url === "/private" ? "private, no-store" : "s-maxage=60");
      res.end(PAGE);
    } else if (url === "/streamed") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      for (let i = 0; i < PAGE.length; i += 1000) res.write(PAGE.slice(i, i + 1000));
      res.end();
    } else if (url === "/feed") {
      // As Next.js sends a route handler's response: no length, the body piped in pieces.
      res.writeHead(200, { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "s-maxage=60" });
      for (let i = 0; i < PAGE.length; i += 1000) res.write(PAGE.slice(i, i + 1000));
      res.end();
    } else if (url === "/parts") {
      // The same text as /whole-utf8, written in pieces of every kind a body can come in.
      const bytes = Buffer.from(UTF8_PAGE);
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Cache-Control", "s-maxage=60");
      res.setHeader("Content-Length", bytes.length);
      res.write(UTF8_PAGE.slice(0, 100));
      res.write(Buffer.from(UTF8_PAGE.slice(100, 400)).toString("base64"), "base64");
      res.write(new Uint8Array(Buffer.from(UTF8_PAGE.slice(400, 900))));
      res.end(UTF8_PAGE.slice(900), "utf8");
    } else if (url === "/whole-utf8") {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Cache-Control", "s-maxage=60");
      res.end(UTF8_PAGE);
    } else if (url === "/small") {
      res.writeHead(200, { "Content-Type": "text/plain", "Content-Length": 5 });
      res.end("short");
    } else if (url === "/image") {
      res.writeHead(200, { "Content-Type": "image/avif", ETag: '"i"' });
      res.end(Buffer.alloc(5000, 1));
    } else {
      res.writeHead(404, { "Content-Type": "text/html" });
      res.end(PAGE);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw GET (fetch would decompress): status, headers and the bytes as sent. */
function get(path: string, headers: Record<string, string> = { "accept-encoding": "gzip" }, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(origin + path, { headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("compressResponse", () => {
  it("gzips a response with an ETag once and serves the same bytes after", async () => {
    const before = { hits: cache.hits, misses: cache.misses };
    const first = await get("/cached");
    const second = await get("/cached");
    for (const r of [first, second]) {
      expect(r.headers["content-encoding"]).toBe("gzip");
      expect(r.headers.vary).toBe("Accept-Encoding");
      expect(Number(r.headers["content-length"])).toBe(r.body.length);
      expect(gunzipSync(r.body).toString()).toBe(PAGE);
    }
    expect(r2(second.body.length / Buffer.byteLength(PAGE))).toBeLessThan(0.1);
    expect(cache.misses - before.misses).toBe(1);
    expect(cache.hits - before.hits).toBe(1);
  });

  it("gives a whole shared response an ETag from its body, and answers 304 when it has not changed", async () => {
    const first = await get("/whole");
    expect(first.headers.etag).toMatch(/^"[\w-]{27}"$/);
    expect(gunzipSync(first.body).toString()).toBe(PAGE);
    const again = await get("/whole", { "accept-encoding": "gzip", "if-none-match": `W/"x", ${first.headers.etag}` });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    const other = await get("/whole", { "accept-encoding": "gzip", "if-none-match": '"other"' });
    expect(other.status).toBe(200);
  });

  it("hashes and compresses the body's bytes, whatever pieces it was written in (strings in any encoding, buffers, typed arrays)", async () => {
    const parts = await get("/parts");
    const whole = await get("/whole-utf8");
    expect(gunzipSync(parts.body).toString()).toBe(UTF8_PAGE);
    expect(Number(parts.headers["content-length"])).toBe(parts.body.length);
    expect(parts.headers.etag).toMatch(/^"[\w-]{27}"$/);
    expect(parts.headers.etag).toBe(whole.headers.etag);
    // A string sent whole gets the Content-Length of its UTF-8 bytes when it is not compressed.
    const identity = await get("/whole-utf8", {});
    expect(Number(identity.headers["content-length"])).toBe(Buffer.byteLength(UTF8_PAGE));
    expect(identity.body.toString()).toBe(UTF8_PAGE);
  });

  it("leaves the head of a HEAD request as it is: the body's length, no ETag of an empty body", async () => {
    const head = await get("/whole", { "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(Number(head.headers["content-length"])).toBe(Buffer.byteLength(PAGE));
    expect(head.headers.etag).toBeUndefined();
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(head.body.length).toBe(0);
  });

  it("gives a private response no ETag and keeps no copy of it", async () => {
    const entries = cache.entries.size;
    const r = await get("/private");
    expect(r.headers.etag).toBeUndefined();
    expect(gunzipSync(r.body).toString()).toBe(PAGE);
    expect(cache.entries.size).toBe(entries);
  });

  it("holds a feed sent without a length whole: an ETag, a 304 when unchanged, one gzip with its length", async () => {
    const r = await get("/feed");
    expect(r.headers.etag).toMatch(/^".+"$/);
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(Number(r.headers["content-length"])).toBe(r.body.length);
    expect(gunzipSync(r.body).toString()).toBe(PAGE);
    const again = await get("/feed", { "accept-encoding": "gzip", "if-none-match": r.headers.etag as string });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("gzips a streamed response as it streams", async () => {
    const r = await get("/streamed");
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(r.headers["content-length"]).toBeUndefined();
    expect(gunzipSync(r.body).toString()).toBe(PAGE);
  });

  it("keeps the status of an error page", async () => {
    const r = await get("/missing");
    expect(r.status).toBe(404);
    expect(gunzipSync(r.body).toString()).toBe(PAGE);
  });

  it("sends identity to a client that does not accept gzip, and says the answer varies", async () => {
    for (const headers of [{}, { "accept-encoding": "br, gzip;q=0" }] as Record<string, string>[]) {
      const r = await get("/cached", headers);
      expect(r.headers["content-encoding"]).toBeUndefined();
      expect(r.headers.vary).toBe("Accept-Encoding");
      expect(r.body.toString()).toBe(PAGE);
    }
  });

  it("leaves small bodies, images and HEAD requests as they are", async () => {
    const small = await get("/small");
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body.toString()).toBe("short");
    const image = await get("/image");
    expect(image.headers["content-encoding"]).toBeUndefined();
    expect(image.body.length).toBe(5000);
    const head = await get("/cached", { "accept-encoding": "gzip" }, "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(head.body.length).toBe(0);
  });
});

describe("acceptsGzip", () => {
  it("reads Accept-Encoding with q-values", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe("GzipCache", () => {
  it("stays within its size, dropping the least recently used", () => {
    const small = new GzipCache(40_000);
    // Random bytes do not compress: each entry keeps about 2 KB.
    for (let i = 1; i <= 40; i++) small.gzip(`k${i}`, randomBytes(2000));
    expect(small.bytes).toBeLessThanOrEqual(40_000);
    expect(small.bytes).toBeGreaterThan(20_000);
    expect(small.entries.has("k40")).toBe(true);
    expect(small.entries.has("k1")).toBe(false);
  });

  it("asks for the body's bytes only when the key is new", () => {
    const lazy = new GzipCache(1024 * 1024);
    let made = 0;
    const body = () => (made++, Buffer.from(PAGE));
    const first = lazy.gzip("page", body);
    const second = lazy.gzip("page", body);
    expect(made).toBe(1);
    expect(second).toBe(first);
    expect(gunzipSync(first).toString()).toBe(PAGE);
  });
});

function r2(x: number) {
  return Math.round(x * 100) / 100;
}
