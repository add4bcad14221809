import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beyond, clickDepths, deepest, pageLinks } from "./click-depth";

// A small site: / → /a → /a/b → /a/b/c → /deep; /old redirects to /a/b; a feed and another origin are not followed.
const pages: Record<string, string> = {
  "/": '<a href="/a">A</a> <a href="https://example.org/x">elsewhere</a> <a href="/feed.xml">feed</a> <a href="https://site.test/canonical">canonical</a>',
  "/a": '<a href="/a/b#top">B</a> <a href="/old">old</a> <a href="/missing">gone</a>',
  "/a/b": '<a href="/a/b/c?page=2&amp;x=1">C</a>',
  "/a/b/c?page=2&x=1": '<a href="/deep">deep</a>',
  "/deep": "",
  "/canonical": '<a href="/from-canonical">F</a>',
  "/from-canonical": "",
};

let server: http.Server;
let origin: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/old") return res.writeHead(308, { location: "/a/b" }).end();
    const page = pages[req.url ?? ""];
    if (page === undefined) return res.writeHead(404, { "content-type": "text/html" }).end("no");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe("click depth", () => {
  it("reads a page's link targets, entities decoded and fragments dropped", () => {
    expect(pageLinks('<a class="x" href="/world?a=1&amp;b=2#top">W</a><link href="/no">', "http://h/p")).toEqual(["http://h/world?a=1&b=2"]);
  });

  it("finds each address's fewest clicks from the front page over same-origin links only", async () => {
    const { depths, errors } = await clickDepths(origin, { maxDepth: 10, sameOrigins: ["https://site.test"] });
    expect(Object.fromEntries(depths)).toEqual({
      "/": 0,
      "/a": 1,
      "/feed.xml": 1,
      "/canonical": 1,
      "/a/b": 2,
      "/old": 2,
      "/missing": 2,
      "/from-canonical": 2,
      "/a/b/c?page=2&x=1": 3,
      "/deep": 4,
    });
    expect(Object.fromEntries(errors)).toEqual({ "/missing": 404 });
    expect(deepest(depths, ["/deep", "/a"])).toBe(4);
    expect(beyond(depths, ["/deep", "/a", "/nowhere"], 3)).toEqual([
      { path: "/deep", depth: 4 },
      { path: "/nowhere", depth: undefined },
    ]);
  });

  it("opens only the pages it is told to follow, besides the start", async () => {
    const { depths } = await clickDepths(origin, { maxDepth: 10, follow: (path) => path !== "/a/b" });
    expect(depths.get("/a/b")).toBe(2);
    expect(depths.has("/a/b/c?page=2&x=1")).toBe(false);
  });

  it("does not fetch the pages at the deepest level it records", async () => {
    const { depths, fetched } = await clickDepths(origin, { maxDepth: 2 });
    expect(depths.get("/a/b")).toBe(2);
    expect(depths.has("/a/b/c?page=2&x=1")).toBe(false);
    // "/" and "/a"; the feed is not a page.
    expect(fetched).toBe(2);
  });
});
