import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { crawl } from "./helpers/crawl";
import { FIXTURES } from "./helpers/fixtures";
import { DRAFT } from "./helpers/markers";
import { FIXTURE_ORIGIN, PREVIEW_SECRET, REVALIDATE_SECRET, SITE_ORIGIN } from "./helpers/origins";
import { directives, expectSecurityHeaders, rawRequest } from "./helpers/security";
import { SEED } from "./helpers/seed";

/*
 * Every response carries the security headers, and a Content-Security-Policy
 * that fits it: pages run only the site's scripts plus their own inline
 * framework scripts (by hash when cached, by nonce when rendered on demand);
 * anything else may run nothing.
 */

const PAGE_TYPES = [
  ["front page", "/"],
  ["article", SEED.path],
  ["section front", "/world"],
  ["topic front", "/topic/russia"],
  ["author front", "/author/staff"],
  ["search", "/search"],
  ["search results", "/search?q=pipeline"],
  ["search, no match", "/search?q=qwxzv"],
  ["unknown address", "/no/such/page"],
  ["unknown story", "/world/no-such-story"],
  ["unknown section", "/no-such-section"],
] as const;

test.describe("every page type", () => {
  for (const [name, path] of PAGE_TYPES) {
    test(`${name} (${path}) has the security headers and a CSP for its own scripts`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBeLessThan(500);
      expectSecurityHeaders(response.headers(), path);
    });
  }

  test("cached pages stay static and CDN-cacheable: the CSP lists hashes, not a nonce", async ({ request }) => {
    for (const path of ["/", SEED.path, "/world", "/topic/russia", "/author/staff"]) {
      const first = await request.get(path);
      const again = await request.get(path);
      expect(again.headers()["cache-control"], path).toMatch(/s-maxage=\d+/);
      expect(again.headers()["x-nextjs-cache"], path).toMatch(/HIT|STALE/);
      const scripts = directives(again.headers()["content-security-policy"]!).get("script-src")!;
      expect(scripts.slice(1).every((s) => s.startsWith("'sha256-")), path).toBe(true);
      // The same page keeps the same policy: it was computed once, with the page.
      expect(again.headers()["content-security-policy"], path).toBe(first.headers()["content-security-policy"]);
    }
  });

  test("pages rendered per request get a fresh nonce each time", async ({ request }) => {
    const nonce = async () =>
      directives((await request.get("/search?q=russia")).headers()["content-security-policy"]!)
        .get("script-src")!
        .find((s) => s.startsWith("'nonce-"));
    const [a, b] = [await nonce(), await nonce()];
    expect(a).toMatch(/^'nonce-[A-Za-z0-9+/]{22}==?'$/);
    expect(a).not.toBe(b);
  });

  test("a nonce a client sends is never the one the page uses", async ({ request }) => {
    const response = await request.get("/search?q=russia", { headers: { "content-security-policy": "script-src 'nonce-chosenbyattacker'" } });
    expect(response.headers()["content-security-policy"]).not.toContain("chosenbyattacker");
    expect(await response.text()).not.toContain("chosenbyattacker");
  });
});

test.describe("the site's own error pages", () => {
  for (const [status, line] of [
    [400, "GET /world/%ff HTTP/1.1"],
    [405, "DELETE /world HTTP/1.1"],
    [414, `GET /${"a".repeat(5000)} HTTP/1.1`],
  ] as const) {
    test(`${status} carries the headers, is never cached, and is the site's page`, async () => {
      const response = await rawRequest(SITE_ORIGIN, line);
      expect(response.status).toBe(status);
      expectSecurityHeaders(response.headers, line.slice(0, 40));
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(response.body).toContain("Inter Bellum News");
      if (status === 405) expect(response.headers.allow).toBe("GET, HEAD");
    });
  }
});

test.describe("files, images and API answers may run nothing", () => {
  test("static files, images and the icon", async ({ request }) => {
    const html = await (await request.get(SEED.path)).text();
    // The framework's files are still served (pages no longer load them): one from the build manifest.
    const manifest = JSON.parse(fs.readFileSync(path.resolve(".next/build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
    const script = `/_next/${manifest.rootMainFiles[0]}`;
    const style = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)![1]!;
    const image = /(\/_next\/image\?url=[^"\s]+)/.exec(html)![1]!.replace(/&amp;/g, "&");
    for (const path of [script, style, image, "/images/putin-xi-moscow.jpg", "/_next/static/no-such-file.js", "/images/no-such.jpg", "/icon.svg"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBeLessThan(500);
      expectSecurityHeaders(response.headers(), path);
    }
  });

  test("feeds, sitemaps, robots.txt and share cards", async ({ request }) => {
    for (const path of ["/feed.xml", "/atom.xml", "/world/feed.xml", "/diplomacy/atom.xml", "/sitemap.xml", "/news-sitemap.xml", "/robots.txt", "/og.png", `${SEED.path}/og.png`, "/world/og.png", "/logo.png"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expectSecurityHeaders(response.headers(), path);
    }
  });

  test("health, preview and revalidation endpoints, whatever they answer", async ({ request }) => {
    const calls: [string, () => ReturnType<APIRequestContext["get"]>][] = [
      ["/api/health", () => request.get("/api/health")],
      ["/api/draft (disabled)", () => request.get("/api/draft?secret=x&slug=y", { maxRedirects: 0 })],
      ["/api/draft (wrong secret)", () => request.get(`${FIXTURE_ORIGIN}/api/draft?secret=wrong&slug=${DRAFT.slug}`, { maxRedirects: 0 })],
      ["/api/draft (unknown slug)", () => request.get(`${FIXTURE_ORIGIN}/api/draft?secret=${PREVIEW_SECRET}&slug=nope`, { maxRedirects: 0 })],
      ["/api/draft/exit", () => request.get(`${FIXTURE_ORIGIN}/api/draft/exit?slug=${DRAFT.slug}`, { maxRedirects: 0 })],
      ["/api/revalidate (disabled)", () => request.post("/api/revalidate", { headers: { authorization: "Bearer x" } })],
      ["/api/revalidate (wrong secret)", () => request.post(`${FIXTURE_ORIGIN}/api/revalidate`, { headers: { authorization: `Bearer ${REVALIDATE_SECRET}x` } })],
    ];
    for (const [name, call] of calls) {
      const response = await call();
      expect(response.status(), name).toBeLessThan(500);
      expectSecurityHeaders(response.headers(), name);
    }
  });

  test("/api/health answers ok, uncached, names the instance and its cache, and tells nothing else", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    // Alone (no REDIS_URL): the file-system cache, as it always was; and the event loop's delay (server/event-loop.mjs).
    expect(await response.json()).toEqual({
      status: "ok",
      instance: `${os.hostname()}:${new URL(SITE_ORIGIN).port}`,
      redis: "not configured",
      cache: "file-system",
      contentVersion: null,
      eventLoop: { maxMs: expect.any(Number), p99Ms: expect.any(Number), sinceMs: expect.any(Number) },
    });
  });
});

test.describe("editors' preview and the proxy's answers (fixture server)", () => {
  test.use({ baseURL: FIXTURE_ORIGIN });

  test("a retracted story's 410 note and an old address's redirect carry the headers", async ({ request }) => {
    const gone = await request.get(FIXTURES.retracted.path, { maxRedirects: 0 });
    expect(gone.status()).toBe(410);
    expectSecurityHeaders(gone.headers(), FIXTURES.retracted.path);
    const moved = await request.get(FIXTURES.renamed.aliases[0], { maxRedirects: 0 });
    expect(moved.status()).toBe(308);
    expectSecurityHeaders(moved.headers(), FIXTURES.renamed.aliases[0]);
  });

  test("entering preview and every page seen in it carry the headers, stay private and unindexed", async ({ request }) => {
    const enter = await request.get(`/api/draft?secret=${PREVIEW_SECRET}&slug=${DRAFT.slug}`, { maxRedirects: 0 });
    expect(enter.status()).toBe(307);
    expectSecurityHeaders(enter.headers(), "/api/draft");
    for (const path of [DRAFT.path, "/culture/lighthouse-keepers-of-the-baltic", "/world", "/"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expectSecurityHeaders(response.headers(), `preview ${path}`);
      expect(response.headers()["cache-control"], path).toMatch(/private/);
      expect(response.headers()["cache-control"], path).toMatch(/no-store/);
      expect(response.headers()["x-robots-tag"], path).toMatch(/noindex/);
      // Rendered for the editor alone: a nonce, never a cached page's hashes.
      expect(directives(response.headers()["content-security-policy"]!).get("script-src")!.join(" "), path).toMatch(/'nonce-/);
    }
    const exit = await request.get(`/api/draft/exit?slug=${DRAFT.slug}`, { maxRedirects: 0 });
    expectSecurityHeaders(exit.headers(), "/api/draft/exit");
  });
});

test("every URL the fixture site links to or lists carries the headers", async ({ request }) => {
  test.setTimeout(120_000);
  const pages = await crawl(request, FIXTURE_ORIGIN, ["/", "/robots.txt", "/sitemap.xml", "/news-sitemap.xml", "/feed.xml"], 400);
  expect(pages.length).toBeGreaterThan(30);
  for (const page of pages) {
    const response = await request.get(page.url, { maxRedirects: 0 });
    expect(response.status(), page.url).toBeLessThan(500);
    expectSecurityHeaders(response.headers(), page.url);
  }
});
