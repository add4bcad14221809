// The physical limit of this machine for our responses: a plain Node HTTP server
// answering each captured path with the exact bytes the site sent (already
// gzipped, headers included) from memory. No framework, no compression, no
// rendering. Usage: node bench/memory-server.mjs <captured.json> <port> [proxy-origin]
// With a proxy origin, paths not captured are passed through to it (so a page served
// from memory still loads its stylesheet, scripts and images from the site).
import fs from "node:fs";
import http from "node:http";

const [file, port, proxy] = process.argv.slice(2);
if (!file || !port) {
  console.error("usage: node bench/memory-server.mjs <captured.json> <port> [proxy-origin]");
  process.exit(2);
}
const captured = JSON.parse(fs.readFileSync(file, "utf8"));
const responses = new Map(
  Object.entries(captured).map(([url, r]) => {
    const body = Buffer.from(r.body, "base64");
    return [url, { status: r.status, headers: { ...r.headers, "content-length": String(body.length) }, body }];
  }),
);

http
  .createServer((req, res) => {
    if (req.url === "/__ready") return res.end("ok");
    const r = responses.get(req.url ?? "");
    if (!r && proxy) {
      const upstream = http.get(proxy + req.url, { headers: { ...req.headers, host: new URL(proxy).host } }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on("error", () => res.writeHead(502).end());
      return;
    }
    if (!r) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(r.status, r.headers);
    res.end(r.body);
  })
  .listen(Number(port), "127.0.0.1");
