import { describe, expect, it } from "vitest";
import { MAX_TARGET_LENGTH, checkRequest, mayRenderPage } from "./request-guard.mjs";

const status = (method: string, url: string) => {
  const verdict = checkRequest(method, url);
  return verdict.ok ? "ok" : verdict.status;
};

describe("checkRequest", () => {
  it("lets every address the site serves through", () => {
    for (const url of [
      "/",
      "/world",
      "/world/page/2",
      "/world/russia-and-china-agree-to-accelerate-construction-of-power-of-siberia-2",
      "/topic/power-of-siberia-2",
      "/search?q=Power+of+Siberia&page=2",
      "/search?q=%E2%80%9Cquoted%E2%80%9D",
      "/search?q=%ff%00",
      "/_next/static/chunks/0vm8zo6v48m9c.js",
      "/_next/image?url=%2Fimages%2Fputin-xi-moscow.jpg&w=640&q=75",
      "/images/putin-xi-moscow.jpg",
      "/icon.svg?icon.3v1dfiua_j_gq.svg",
      "/api/health",
      "/caf%C3%A9",
    ]) {
      expect(status("GET", url), url).toBe("ok");
      expect(status("HEAD", url), url).toBe("ok");
    }
  });

  it("refuses path traversal, encoded or not, with 400", () => {
    for (const url of [
      "/../../etc/passwd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/%2E%2E/etc/passwd",
      "/images/..%2f..%2fpackage.json",
      "/_next/static/..%2f..%2fserver%2fapp%2findex.html",
      "/world/..%5c..%5cpackage.json",
      "/world\\..\\package.json",
      "/./world",
      "/images/%2e%2e/%2e%2e/.env",
      "//etc/passwd",
      "/world//page",
      "/_next/image?url=%2Fimages%2F..%2F..%2Fpackage.json&w=640&q=75",
      "/_next/image?url=%2Fimages%2F%25c0%25ae%25c0%25ae%2Fetc%2Fpasswd&w=640&q=75",
      "/_next/image?url=%2Fimages%2F%2e%2e%2Fx.jpg&w=640&q=75",
    ]) {
      expect(status("GET", url), url).toBe(400);
    }
  });

  it("refuses NUL, control characters and malformed escapes with 400", () => {
    for (const url of ["/world/%00", "/%00", "/world/a%0d%0aSet-Cookie:x=1", "/world/%7f", "/%ff", "/world/%E0%A4%A", "/%", "/a%zz", "/a b", "/é", "/a\u0000b"]) {
      expect(status("GET", url), JSON.stringify(url)).toBe(400);
    }
  });

  it("refuses anything but a path as the request target with 400", () => {
    for (const url of ["*", "http://evil.example/", "evil.example:443", ""]) expect(status("GET", url), url).toBe(400);
  });

  it("refuses an overlong target with 414", () => {
    expect(status("GET", `/${"a".repeat(10_000)}`)).toBe(414);
    expect(status("GET", `/search?q=${"b".repeat(MAX_TARGET_LENGTH)}`)).toBe(414);
    expect(status("GET", `/${"a".repeat(MAX_TARGET_LENGTH - 1)}`)).toBe("ok");
  });

  it("answers other methods on pages with 405, and leaves /api/ to its route handlers", () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "get"]) {
      expect(status(method, "/world"), method).toBe(405);
    }
    expect(status("POST", "/api/revalidate")).toBe("ok");
    expect(status("DELETE", "/api/draft")).toBe("ok");
    for (const method of ["TRACE", "PROPFIND", "MKCOL", "post"]) expect(status(method, "/api/health"), method).toBe(405);
  });

  it("lets the desk's forms post under /desk/, and nothing else there", () => {
    expect(status("POST", "/desk/sign-in")).toBe("ok");
    expect(status("POST", "/desk/share")).toBe("ok");
    expect(status("GET", "/desk/story/x")).toBe("ok");
    for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS", "post"]) expect(status(method, "/desk/sign-in"), method).toBe(405);
    // The desk page itself and addresses that only start like it take GET and HEAD.
    expect(status("POST", "/desk")).toBe(405);
    expect(status("POST", "/desktop/x")).toBe(405);
    expect(status("POST", "/preview/x")).toBe(405);
  });
});

describe("mayRenderPage", () => {
  it("is true for pages and false for files, images and the API", () => {
    expect(mayRenderPage("/search?q=x")).toBe(true);
    expect(mayRenderPage("/world/x")).toBe(true);
    expect(mayRenderPage("/_next/static/chunks/a.js")).toBe(false);
    expect(mayRenderPage("/_next/image?url=x")).toBe(false);
    expect(mayRenderPage("/images/a.jpg")).toBe(false);
    expect(mayRenderPage("/api/health")).toBe(false);
  });
});
