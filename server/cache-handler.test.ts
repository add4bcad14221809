import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import CspCacheHandler, { contentReloaded } from "./cache-handler.mjs";
import { fleetSlot } from "./fleet-contract.mjs";
import { startFleet } from "./fleet.mjs";
import { TestRedis } from "./redis-for-tests";

/*
 * The ISR cache handler (cache-handler.mjs) against a scratch server directory,
 * the way the server drives it: keys in the framework's route-cache namespace;
 * alone, and in a fleet with a real redis-server.
 */

const require = createRequire(import.meta.url);
const { nodeFs } = require("next/dist/server/lib/node-fs-methods.js");
const { SharedCacheControls } = require("next/dist/server/lib/incremental-cache/shared-cache-controls.external.js");

const INIT = "(self.__next_f=self.__next_f||[]).push([0])";
const html = (body = "") => `<!DOCTYPE html><html><body>${body}<script>${INIT}</script></body></html>`;
const key = (p: string) => `/route-cache/APP_PAGE/0123abcd/$${p}`;
const page = (status?: number, body = "") => ({
  kind: "APP_PAGE",
  html: html(body),
  rscData: Buffer.from("0:[]"),
  headers: { "x-next-cache-tags": "_N_T_/layout" },
  status,
  postponed: undefined,
  segmentData: undefined,
});
const ctx = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false, cacheControl: { revalidate: 60, expire: 31536000 } };

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function handler() {
  const serverDistDir = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-cache-"));
  dirs.push(serverDistDir);
  const options = { fs: nodeFs, flushToDisk: true, serverDistDir, maxMemoryCacheSize: 50 * 1024 * 1024, revalidatedTags: [] };
  // The framework's context type also lists per-request fields the file-system cache never reads.
  const cache = new CspCacheHandler(options as unknown as ConstructorParameters<typeof CspCacheHandler>[0]);
  return { cache, serverDistDir };
}

const metaPath = (serverDistDir: string, p: string) => path.join(serverDistDir, `${key(p)}.meta`);

describe("CspCacheHandler", () => {
  it("stores a page without the framework's runtime, with its Content-Security-Policy, on the value being served and on disk", async () => {
    const { cache, serverDistDir } = handler();
    const value = page();
    await cache.set(key("/world/a"), value, ctx);
    expect(value.html).not.toContain(INIT);
    expect(value.headers["content-security-policy" as keyof typeof value.headers]).toMatch(/script-src 'self';/);
    expect(fs.readFileSync(path.join(serverDistDir, `${key("/world/a")}.html`), "utf8")).toBe(value.html);
    const meta = JSON.parse(fs.readFileSync(metaPath(serverDistDir, "/world/a"), "utf8"));
    expect(meta.headers["content-security-policy"]).toMatch(/script-src 'self';/);
    expect(meta.headers["x-next-cache-tags"]).toBe("_N_T_/layout");
  });

  it("rewrites a page the build wrote to disk when it is first read, and then serves it as it is", async () => {
    const { cache, serverDistDir } = handler();
    const chunk = "/_next/static/chunks/0abc.js";
    const file = path.join(serverDistDir, `${key("/world/b")}.html`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, html(`<main style="color:red">x</main><script src="${chunk}" async=""></script>`));
    fs.writeFileSync(file.replace(/\.html$/, ".rsc"), "0:[]");
    fs.writeFileSync(file.replace(/\.html$/, ".meta"), JSON.stringify({ headers: { "x-nextjs-prerender": "1" } }));
    const read = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };
    const entry = await cache.get(key("/world/b"), read);
    expect(entry.value.html).toBe('<!DOCTYPE html><html><body><main style="color:red">x</main></body></html>');
    // What is left inline (a style attribute) is allowed by its hash; scripts only from the site.
    const policy = entry.value.headers["content-security-policy"];
    expect(policy).toContain(`style-src-attr 'unsafe-hashes' 'sha256-${createHash("sha256").update("color:red").digest("base64")}'`);
    expect(policy).toMatch(/script-src 'self';/);
    expect(entry.value.headers["x-nextjs-prerender"]).toBe("1");
    expect((await cache.get(key("/world/b"), read)).value).toBe(entry.value);
  });

  it("keeps a 404 for an unknown address in memory only, and forgets its per-path lifetime", async () => {
    const { cache, serverDistDir } = handler();
    const k = key(`/world/no-such-story-${Date.now()}`);
    // The framework records the lifetime of every path it stores just before it hands the entry over.
    SharedCacheControls.cacheControls.set(k, ctx.cacheControl);
    await cache.set(k, page(404), ctx);
    expect(fs.existsSync(path.join(serverDistDir, `${k}.html`))).toBe(false);
    expect(SharedCacheControls.cacheControls.has(k)).toBe(false);
    const entry = await cache.get(k, { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false });
    expect(entry.value.status).toBe(404);
    expect(entry.value.html).not.toContain(INIT);
    expect(entry.value.headers["content-security-policy"]).toContain("script-src");
    // Writing to disk is on again for the next page.
    await cache.set(key("/world/c"), page(), ctx);
    expect(fs.existsSync(metaPath(serverDistDir, "/world/c"))).toBe(true);
  });

  it("leaves an injected inline script in the page but out of the policy", async () => {
    const { cache } = handler();
    const value = page(undefined, "<script>window.__pwned=1</script>");
    await cache.set(key("/world/d"), value, ctx);
    expect(value.html).toContain("<script>window.__pwned=1</script>");
    const policy = (value.headers as Record<string, string>)["content-security-policy"]!;
    expect(policy).not.toMatch(/'sha256-/);
  });

  it("leaves route handler bodies and fetch data alone", async () => {
    const { cache } = handler();
    const route = { kind: "APP_ROUTE", body: Buffer.from("<rss/>"), headers: { "content-type": "application/rss+xml" }, status: 200 };
    await cache.set(key("/feed.xml"), route, { ...ctx, kind: "APP_ROUTE" });
    expect(route.headers).toEqual({ "content-type": "application/rss+xml" });
  });
});

describe("SiteCacheHandler in a fleet (REDIS_URL, a real redis-server)", () => {
  let redis: TestRedis;
  let fleet: ReturnType<typeof startFleet>;
  const buildId = "test-build-7";
  const read = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };
  const saved = process.env.REDIS_URL;

  function fleetHandler() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-fleet-cache-"));
    dirs.push(root);
    fs.writeFileSync(path.join(root, "BUILD_ID"), buildId);
    const serverDistDir = path.join(root, "server");
    fs.mkdirSync(serverDistDir);
    const options = { fs: nodeFs, flushToDisk: true, serverDistDir, maxMemoryCacheSize: 0, revalidatedTags: [] };
    return new CspCacheHandler(options as unknown as ConstructorParameters<typeof CspCacheHandler>[0]);
  }
  const stored = async (k: string) => fleet.redis.get(`ibn:build:${buildId}:${k}`);

  beforeAll(async () => {
    redis = await TestRedis.start();
    process.env.REDIS_URL = redis.url;
    fleet = startFleet({ url: redis.url, instance: "unit", onContentChange: () => {}, log: { log() {}, warn() {}, error() {} } });
    fleetSlot.set(fleet);
    for (let waited = 0; fleet.status().redis !== "ready"; waited += 20) {
      if (waited > 5_000) throw new Error("the fleet did not reach Redis");
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  afterAll(async () => {
    await fleet.stop();
    await redis.stop();
    if (saved === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = saved;
  });

  it("stores a page prepared once in Redis under the build's key; another instance reads it, with its lifetime", async () => {
    const k = key("/world/shared");
    await fleetHandler().set(k, page(), ctx);
    const raw = await stored(k);
    expect(raw).toContain("content-security-policy");
    expect(raw).not.toContain("__next_f");
    const entry = await fleetHandler().get(k, read);
    expect(entry.value.html).not.toContain(INIT);
    expect(entry.value.headers["content-security-policy"]).toMatch(/script-src 'self';/);
    expect(entry.cacheControl).toEqual({ revalidate: 60, expire: 86_400 });
  });

  it("keeps a 404 for an unknown address out of Redis, with the instance that rendered it", async () => {
    const k = key(`/world/no-such-${Date.now()}`);
    await fleetHandler().set(k, page(404), ctx);
    expect(await stored(k)).toBeNull();
    expect((await fleetHandler().get(k, read)).value.status).toBe(404);
  });

  it("does not serve a page missing from Redis from the instance's copy (it may predate a publish)", async () => {
    const k = key("/world/flushed");
    await fleetHandler().set(k, page(), ctx);
    await fleet.redis.flushAll();
    expect(await fleetHandler().get(k, read)).toBeNull();
  });

  it("forgets pages in Redis and in the instance on revalidation", async () => {
    const k = key("/world/revalidated");
    await fleetHandler().set(k, page(), ctx);
    await new Promise((r) => setTimeout(r, 5));
    await fleetHandler().revalidateTag(["_N_T_/layout"]);
    expect(await fleetHandler().get(k, read)).toBeNull();
  });

  it("stores a page rendered just after a reload as older than the reload (a render begun before it may hold old content)", async () => {
    const reload = Date.now();
    contentReloaded(reload);
    const k = key("/world/during-reload");
    await fleetHandler().set(k, page(), ctx);
    expect(JSON.parse((await stored(k))!).lastModified).toBe(reload - 1);
  });

  it("serves from the instance's own cache while Redis is down, and uses Redis again when it is back", async () => {
    const k = key("/world/outage");
    await redis.stop();
    await expect.poll(() => fleet.status().redis, { timeout: 5_000 }).toBe("down");
    await fleetHandler().set(k, page(), ctx);
    const during = await fleetHandler().get(k, read);
    expect(during.value.html).not.toContain(INIT);
    await redis.resume();
    await expect.poll(() => fleet.status().redis, { timeout: 5_000 }).toBe("ready");
    // Back on Redis, which never got that page: a miss, rendered afresh and stored there.
    expect(await fleetHandler().get(k, read)).toBeNull();
    await fleetHandler().set(k, page(), ctx);
    expect(await stored(k)).not.toBeNull();
  });
});
