import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GzipCache, compressResponse } from "./compression.mjs";
import { rewriteHtmlResponse } from "./html-response.mjs";
import { NEXT_PAGE, READER_PAGE, TEXT } from "./next-page-samples";
import { withoutFrameworkRuntime } from "./runtime-free.mjs";

describe("rewriteHtmlResponse", () => {
  const cache = new GzipCache(1024 * 1024);
  const statuses: number[] = [];
  let origin = "";
  let server: http.Server;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      // The order server/main.mjs uses: compression innermost, then the rewrite.
      compressResponse(req, res, cache);
      rewriteHtmlResponse(req, res, (html, status) => {
        statuses.push(status);
        return withoutFrameworkRuntime(html);
      });
      if (req.url === "/streamed") {
        // As Next.js streams a page rendered per request: head first, then pieces of bytes.
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" });
        const bytes = Buffer.from(NEXT_PAGE.replace(TEXT, `Сила Сибири — ${TEXT}`));
        for (let i = 0; i < bytes.length; i += 7) res.write(bytes.subarray(i, i + 7));
        res.end();
      } else if (req.url === "/cached") {
        // As Next.js sends a cached page: one string with its length.
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.setHeader("Content-Length", Buffer.byteLength(READER_PAGE));
        res.setHeader("Cache-Control", "s-maxage=60");
        res.end(READER_PAGE);
      } else if (req.url === "/missing") {
        res.statusCode = 404;
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.end(NEXT_PAGE);
      } else {
        res.writeHead(200, { "Content-Type": "application/javascript" });
        res.end("self.__next_f=1;".repeat(100));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends a streamed page whole, rewritten, with its length — gzipped or not", async () => {
    const expected = READER_PAGE.replace(TEXT, `Сила Сибири — ${TEXT}`);
    const plain = await fetch(`${origin}/streamed`, { headers: { "accept-encoding": "identity" } });
    expect(await plain.text()).toBe(expected);
    expect(plain.headers.get("content-length")).toBe(String(Buffer.byteLength(expected)));
    const zipped = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${origin}/streamed`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const parts: Buffer[] = [];
          res.on("data", (c: Buffer) => parts.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
        })
        .on("error", reject);
    });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped.body).toString("utf8")).toBe(expected);
  });

  it("passes a page that needs no rewrite as it is, with the ETag compression gives it, and leaves other types alone", async () => {
    const cached = await fetch(`${origin}/cached`, { headers: { "accept-encoding": "identity" } });
    expect(await cached.text()).toBe(READER_PAGE);
    expect(cached.headers.get("etag")).toMatch(/^"/);
    expect(await (await fetch(`${origin}/script.js`)).text()).toBe("self.__next_f=1;".repeat(100));
  });

  it("gives the rewrite the response's status", async () => {
    statuses.length = 0;
    const missing = await fetch(`${origin}/missing`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(READER_PAGE);
    expect(statuses).toEqual([404]);
  });

  it("answers HEAD with the head alone", async () => {
    const head = await fetch(`${origin}/cached`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });
});
