import { describe, expect, it } from "vitest";
import { csrfMatches, csrfToken, isCrossSite } from "./csrf";
import { deriveDeskKeys } from "./keys";

const { csrf: key } = deriveDeskKeys("master-secret");

describe("CSRF token", () => {
  it("belongs to one session and one key", () => {
    const token = csrfToken(key, "session-a");
    expect(csrfMatches(key, "session-a", token)).toBe(true);
    expect(csrfMatches(key, "session-b", token)).toBe(false);
    expect(csrfMatches(deriveDeskKeys("other").csrf, "session-a", token)).toBe(false);
    expect(csrfMatches(key, "session-a", undefined)).toBe(false);
    expect(csrfMatches(key, "session-a", "")).toBe(false);
    expect(csrfMatches(key, "session-a", token.slice(1))).toBe(false);
  });
});

describe("isCrossSite", () => {
  const host = "interbellumnews.com";
  it("accepts the site's own form", () => {
    expect(isCrossSite({ origin: "https://interbellumnews.com", host, secFetchSite: "same-origin" })).toBe(false);
    expect(isCrossSite({ origin: "http://127.0.0.1:3101", host: "127.0.0.1:3101" })).toBe(false);
    expect(isCrossSite({ origin: undefined, host, secFetchSite: undefined })).toBe(false);
  });
  it("refuses another site, a sibling subdomain, an opaque origin and cross-site fetch metadata", () => {
    expect(isCrossSite({ origin: "https://evil.example", host })).toBe(true);
    expect(isCrossSite({ origin: "https://news.interbellumnews.com", host })).toBe(true);
    expect(isCrossSite({ origin: "null", host })).toBe(true);
    expect(isCrossSite({ origin: "https://interbellumnews.com", host, secFetchSite: "cross-site" })).toBe(true);
    expect(isCrossSite({ origin: undefined, host, secFetchSite: "same-site" })).toBe(true);
    expect(isCrossSite({ origin: "https://interbellumnews.com", host: undefined })).toBe(true);
  });
});
