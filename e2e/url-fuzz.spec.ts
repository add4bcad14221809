import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DRAFT } from "./helpers/markers";
import { FIXTURE_ORIGIN, PREVIEW_SECRET, SITE_ORIGIN } from "./helpers/origins";
import { rawRequest, type RawResponse } from "./helpers/security";
import { SEED } from "./helpers/seed";

/*
 * Hostile URLs against the production servers, sent byte for byte over raw
 * sockets (no client normalises them first): path traversal in every
 * encoding, NUL and control characters, overlong targets, odd query strings,
 * odd methods and framework headers, on every kind of address. None may get a
 * 5xx, a stack trace, or the contents of a file outside the public assets; a
 * page address gets the site's own 4xx page.
 */

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const PAGES = ["/", "/world", SEED.path, "/world/page/2", "/topic/russia", "/author/staff", "/search", "/search?q=russia", "/no-such-section"];
const ASSETS = [
  "/images/putin-xi-moscow.jpg",
  "/_next/static/chunks",
  "/_next/static/media",
  "/_next/image",
  "/icon.svg",
  "/feed.xml",
  "/atom.xml",
  "/world/feed.xml",
  "/sitemap.xml",
  "/sitemap/0.xml",
  "/news-sitemap.xml",
  "/robots.txt",
  "/og.png",
  `${SEED.path}/og.png`,
  "/logo.png",
];
const API = ["/api/health", "/api/draft", "/api/draft/exit", "/api/revalidate"];
const BASES = [...PAGES.map((p) => p.split("?")[0]!), ...ASSETS, ...API];

const DOTS = ["..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "%252e%252e", "%c0%ae%c0%ae", "%e0%80%ae%e0%80%ae", "..%00", "..;", "....", "..%2f..", "..%5c..", "..\\..", "%2e%2e%2f", "%2e%2e%5c", ".", "%2e", "..%ef%bc%8f", "%uff0e%uff0e"];
const SECRETS = [
  "etc/passwd",
  "proc/self/environ",
  "package.json",
  ".env",
  ".env.local",
  "next.config.ts",
  "server/main.mjs",
  "tsconfig.json",
  ".next/BUILD_ID",
  ".next/prerender-manifest.json",
  ".next/required-server-files.json",
  ".next/server/app/index.html",
  ".next/server/app/page.js",
  "content/articles/russia-and-venezuela-sign-strategic-partnership.md",
  "e2e/helpers/origins.ts",
  ".git/config",
];

/** Strings that only appear in files outside the public assets. */
const LEAK_MARKERS = [
  "root:x:0:0",
  '"devDependencies"',
  "outputFileTracingIncludes",
  "previewModeId",
  "previewModeSigningKey",
  "previewModeEncryptionKey",
  '"compilerOptions"',
  PREVIEW_SECRET,
  "checkRequest(",
  "status: published",
  "[core]",
  "repositoryformatversion",
  "-----BEGIN",
];
const STACK_TRACE = /\bat [^\n()]*\((?:\/|file:|node:)[^)]*:\d+:\d+\)|\bat (?:\/|file:|node:)[^\s]*:\d+:\d+/;
const WORKDIR = process.cwd();

type Case = { line: string; headers?: string[]; kind: "page" | "asset" | "api"; traversal?: boolean };

const kindOf = (path: string): Case["kind"] => (path.startsWith("/api/") ? "api" : ASSETS.some((a) => path.startsWith(a)) ? "asset" : "page");

function generate(): Case[] {
  const random = prng(20250508);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const cases: Case[] = [];

  // Path traversal, every base, random depths, encodings and targets.
  for (const base of BASES) {
    for (let i = 0; i < 25; i++) {
      const depth = 1 + Math.floor(random() * 5);
      const climb = Array.from({ length: depth }, () => pick(DOTS)).join(pick(["/", "/", "%2f", "%5c", "//"]));
      const target = `${base.replace(/\/$/, "")}/${climb}/${pick(SECRETS)}`;
      cases.push({ line: `GET ${target} HTTP/1.1`, kind: kindOf(base), traversal: true });
    }
  }
  // Traversal from the root and in the image optimizer's url parameter.
  for (const secret of SECRETS) {
    for (const dots of DOTS.slice(0, 8)) {
      cases.push({ line: `GET /${dots}/${dots}/${dots}/${secret} HTTP/1.1`, kind: "page", traversal: true });
      cases.push({ line: `GET /_next/image?url=${encodeURIComponent(`/images/${dots}/${dots}/${secret}`)}&w=640&q=75 HTTP/1.1`, kind: "asset" });
    }
    cases.push({ line: `GET /_next/image?url=${encodeURIComponent(`/${secret}`)}&w=640&q=75 HTTP/1.1`, kind: "asset" });
    cases.push({ line: `GET /_next/image?url=${encodeURIComponent(`file:///${secret}`)}&w=640&q=75 HTTP/1.1`, kind: "asset" });
  }
  // NUL and every control character, percent-encoded, in every kind of address.
  for (let c = 0; c < 32; c++) {
    for (const base of [SEED.path, "/world", "/images/putin-xi-moscow.jpg", "/api/health", "/search"]) {
      cases.push({ line: `GET ${base}%${c.toString(16).padStart(2, "0")}x HTTP/1.1`, kind: kindOf(base) });
    }
  }
  cases.push({ line: "GET /world/%7f HTTP/1.1", kind: "page" });
  // Raw control bytes and other bytes the request line may not hold: the HTTP parser's own 400.
  for (const raw of ["\x00", "\x01", "\x7f", "\t", "\x1b[31m", "é", "\xff", "<", '"', "{}", "|", "^", "`"]) {
    cases.push({ line: `GET /world/a${raw}b HTTP/1.1`, kind: "page" });
  }
  // CR/LF injection, encoded.
  for (const crlf of ["%0d%0aSet-Cookie:%20pwned=1", "%0aLocation:%20https://evil.example", "%0d%0a%0d%0a<script>alert(1)</script>"]) {
    for (const base of ["/world", SEED.path, "/search", "/api/draft/exit"]) cases.push({ line: `GET ${base}/${crlf} HTTP/1.1`, kind: kindOf(base) });
    cases.push({ line: `GET /search?q=${crlf} HTTP/1.1`, kind: "page" });
    cases.push({ line: `GET /api/draft/exit?slug=${crlf} HTTP/1.1`, kind: "api" });
  }
  // Malformed escapes, encoded separators, non-path request targets.
  for (const path of ["/%", "/%f", "/%ff", "/%zz", "/world/%E0%A4%A", "/%c0%af", "/world%2fpage%2f2", "/world%5cpage", "/images%2fputin-xi-moscow.jpg", "*", "http://evil.example/", "https://evil.example:443/world", "evil.example:80", "//evil.example", "//evil.example/%2e%2e", "/\\evil.example", "/%5cevil.example", "///etc/passwd"]) {
    cases.push({ line: `GET ${path} HTTP/1.1`, kind: "page" });
  }
  // Overlong: 10,000-character paths and queries on every kind of address; beyond the header limit.
  for (const base of [...BASES.slice(0, 8), "/images", "/_next/static/chunks", "/api/draft"]) {
    cases.push({ line: `GET ${base}/${"a".repeat(10_000)} HTTP/1.1`, kind: kindOf(base) });
    cases.push({ line: `GET ${base}?q=${"%41".repeat(3_400)} HTTP/1.1`, kind: kindOf(base) });
  }
  cases.push({ line: `GET /${"a/".repeat(5_000)} HTTP/1.1`, kind: "page" });
  cases.push({ line: `GET /${"a".repeat(20_000)} HTTP/1.1`, kind: "page" });
  // Odd query strings on pages, search and the API.
  const queries = [
    "q=%ff",
    "q[]=1&q[]=2",
    "__proto__[polluted]=1",
    "constructor[prototype][polluted]=1",
    "__proto__.polluted=1",
    "page=-1",
    "page=0",
    "page=1e309",
    "page=99999999999999999999",
    "page=NaN",
    "page[]=2",
    "_rsc=1",
    "_rsc=%ff",
    "=",
    "&&&",
    "q",
    "q=%00",
    "q=%",
    "q=<script>window.__pwned=1</script>",
    "q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
    "url=//evil.example",
    "slug=..%2f..%2fetc%2fpasswd",
    "slug=%00",
    "secret=&slug=",
    `secret=${"x".repeat(2000)}`,
    Array.from({ length: 300 }, (_, i) => `q=${i}`).join("&"),
  ];
  for (const base of ["/", "/world", SEED.path, "/search", "/topic/russia", "/api/draft", "/api/draft/exit", "/api/health", "/_next/image"]) {
    for (const query of queries) cases.push({ line: `GET ${base}?${query} HTTP/1.1`, kind: kindOf(base) });
  }
  // Every method on every kind of address.
  for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "MKCOL", "FOO", "head"]) {
    for (const base of [...PAGES, ...API, "/images/putin-xi-moscow.jpg", "/_next/image?url=%2Fimages%2Fputin-xi-moscow.jpg&w=640&q=75"]) {
      const body = method === "POST" || method === "PUT" || method === "PATCH" ? ["Content-Type: application/json", "Content-Length: 2"] : [];
      cases.push({ line: `${method} ${base} HTTP/1.1`, headers: body, kind: kindOf(base) });
    }
  }
  // Framework headers with hostile values: RSC requests, router state, server actions, internal headers.
  const frameworkHeaders = [
    ["RSC: 1", "Next-Router-State-Tree: %ff"],
    ["RSC: 1", "Next-Router-State-Tree: [\"\",{\"children\":[\"__PAGE__\",{}]},null,null,true]"],
    ["RSC: 1", `Next-Router-State-Tree: ${"[".repeat(2000)}`],
    ["RSC: 1", "Next-Router-Prefetch: 1", "Next-Router-Segment-Prefetch: /../../etc/passwd"],
    ["RSC: 1", "Next-Router-Segment-Prefetch: %ff"],
    ["Next-Action: 0000000000000000000000000000000000000000", "Content-Type: text/plain;charset=UTF-8", "Content-Length: 2"],
    ["x-middleware-subrequest: middleware:middleware:middleware:middleware:middleware"],
    ["x-middleware-subrequest: proxy:proxy:proxy:proxy:proxy"],
    ["x-invoke-path: /etc/passwd", "x-invoke-query: %7B%7D"],
    ["x-nextjs-data: 1"],
    ["x-now-route-matches: 1=..%2F..%2Fetc%2Fpasswd"],
    ["x-forwarded-host: evil.example", "x-forwarded-proto: javascript"],
    ["Host-Override: evil.example"],
    ["Range: bytes=999999999-"],
    ["Range: bytes=0-0,1-1,2-2,3-3,4-4,5-5"],
    ["If-None-Match: *"],
    ["Accept: text/x-component"],
    ["Accept-Encoding: gzip;q=1.0, identity;q=0, *;q=0"],
    ["Cookie: __prerender_bypass=forged; __next_preview_data=forged"],
    ["Content-Security-Policy: script-src 'nonce-attacker'"],
    ["Connection: Upgrade", "Upgrade: websocket", "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="],
    ["Connection: Upgrade", "Upgrade: h2c", "HTTP2-Settings: AAMAAABkAAQAAP__"],
  ];
  for (const headers of frameworkHeaders) {
    for (const base of ["/", SEED.path, "/search?q=russia", "/no/such/page", "/images/putin-xi-moscow.jpg"]) {
      const method = headers.some((h) => h.startsWith("Next-Action")) ? "POST" : "GET";
      cases.push({ line: `${method} ${base} HTTP/1.1`, headers, kind: kindOf(base) });
    }
  }
  return cases;
}

type Result = { c: Case; r: RawResponse | Error; followed?: number };

async function runAll(origin: string, cases: Case[], concurrency = 6): Promise<Result[]> {
  const results: Result[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < cases.length) {
        const c = cases[next++]!;
        const r = await rawRequest(origin, c.line, c.headers).catch((err: Error) => err);
        // The proxy sends case variants to the lower-case address (308): where that address leads counts.
        let followed: number | undefined;
        if (c.traversal && !(r instanceof Error) && r.status >= 300 && r.status < 400 && r.headers.location?.startsWith("/")) {
          followed = (await rawRequest(origin, `GET ${r.headers.location} HTTP/1.1`).catch(() => undefined))?.status;
        }
        results.push({ c, r, followed });
      }
    }),
  );
  return results;
}

function problems({ c, r, followed }: Result): string[] {
  const what = c.line.slice(0, 140) + (c.headers?.length ? ` [${c.headers.join("; ").slice(0, 80)}]` : "");
  if (r instanceof Error) return [`${what}: no answer (${r.message})`];
  const out: string[] = [];
  if (!(r.status >= 200 && r.status < 500)) out.push(`${what}: status ${r.status}`);
  for (const marker of LEAK_MARKERS) if (r.body.includes(marker)) out.push(`${what}: leaks "${marker}"`);
  if (STACK_TRACE.test(r.body) || r.body.includes(WORKDIR) || r.body.includes("node_modules/")) out.push(`${what}: stack trace or server path`);
  const final = followed ?? r.status;
  if (c.traversal && (final < 400 || final >= 500)) out.push(`${what}: traversal answered ${r.status}${followed ? ` then ${followed}` : ""}`);
  const location = r.headers.location;
  if (location !== undefined && (!location.startsWith("/") || /^\/[\/\\]/.test(location) || /[\r\n]/.test(location))) out.push(`${what}: redirects to ${location}`);
  // Clearing a forged preview cookie is fine; setting one is only for /api/draft.
  const setsCookie = (r.headers["set-cookie"] ?? "").split(/, (?=[^;=]+=)/).some((cookie) => cookie && !/Expires=Thu, 01 Jan 1970/.test(cookie));
  if (setsCookie && !c.line.includes("/api/draft")) out.push(`${what}: sets a cookie`);
  if (/pwned=1/.test(r.headers["set-cookie"] ?? "")) out.push(`${what}: header injection`);
  // A page address that is refused or unknown gets the site's own page.
  // (An RSC request gets the framework's payload for the client router, not a page.)
  const rsc = c.headers?.some((h) => /^RSC: 1$/i.test(h));
  if (c.kind === "page" && r.status >= 400 && !rsc && !c.line.startsWith("HEAD") && !c.line.startsWith("head")) {
    if (!(r.headers["content-type"] ?? "").startsWith("text/html") || !r.body.includes("Inter Bellum News") || !r.body.includes("</html>")) {
      out.push(`${what}: ${r.status} without the site's page (${r.headers["content-type"]}: ${r.body.slice(0, 60)})`);
    }
  }
  return out;
}

test("at least 1,000 hostile requests: no 5xx, no stack trace, no file from outside the public assets", async () => {
  test.setTimeout(600_000);
  const cases = generate();
  expect(cases.length).toBeGreaterThanOrEqual(1000);
  const results = await runAll(SITE_ORIGIN, cases);
  expect(results).toHaveLength(cases.length);
  const found = results.flatMap(problems);
  fs.mkdirSync("test-results", { recursive: true });
  fs.writeFileSync("test-results/url-fuzz-site.txt", results.map(({ c, r }) => `${r instanceof Error ? "ERR" : r.status} ${c.line.slice(0, 200)}`).join("\n"));
  expect(found.slice(0, 50), `${found.length} problems in ${cases.length} requests`).toEqual([]);
  // The server is still well after it.
  expect((await rawRequest(SITE_ORIGIN, "GET /api/health HTTP/1.1")).status).toBe(200);
});

test("the same on the fixture server, where preview and revalidation are live", async () => {
  test.setTimeout(600_000);
  const cases = generate().filter((c) => c.kind !== "asset");
  // Preview with the right secret and hostile slugs: never a redirect off the site, never a 5xx.
  for (const slug of ["../../etc/passwd", "%00", "%ff", "//evil.example", "/\\evil.example", DRAFT.slug, `${DRAFT.slug}%0d%0aSet-Cookie:%20x=1`, "a".repeat(5000)]) {
    cases.push({ line: `GET /api/draft?secret=${PREVIEW_SECRET}&slug=${slug} HTTP/1.1`, kind: "api" });
  }
  const results = await runAll(FIXTURE_ORIGIN, cases);
  const found = results.flatMap(problems);
  expect(found.slice(0, 50), `${found.length} problems in ${cases.length} requests`).toEqual([]);
  expect((await rawRequest(FIXTURE_ORIGIN, "GET /api/health HTTP/1.1")).status).toBe(200);
});
