import { describe, expect, it } from "vitest";
import { clientAddress, isHttps, postIsCrossSite, readForm, sessionCookieValue, shareForm, signInForm } from "./requests";

const post = (headers: Record<string, string>, body = "") => new Request("http://127.0.0.1:3101/desk/sign-in", { method: "POST", headers, body });

describe("reading a desk request", () => {
  it("keys the client by the address the production server determined, never by a header the client sent", () => {
    expect(clientAddress(new Headers({ "x-ibn-client-address": "10.0.0.2", "x-forwarded-for": "198.51.100.1" }))).toBe("10.0.0.2");
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.1" }))).toBe("unknown");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
  it("tells HTTPS from X-Forwarded-Proto, else the URL", () => {
    expect(isHttps(post({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttps(post({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(isHttps(new Request("https://interbellumnews.com/desk/sign-in"))).toBe(true);
  });
  it("finds the session cookie among others", () => {
    expect(sessionCookieValue("a=1; desk_session=v1.2.3.4; b=2")).toBe("v1.2.3.4");
    expect(sessionCookieValue(null)).toBeUndefined();
  });
  it("refuses a post from another site", () => {
    expect(postIsCrossSite(post({ host: "127.0.0.1:3101", origin: "http://127.0.0.1:3101", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(postIsCrossSite(post({ host: "127.0.0.1:3101", origin: "https://evil.example" }))).toBe(true);
  });
  it("parses forms with zod, and nothing else", async () => {
    const form = { "content-type": "application/x-www-form-urlencoded" };
    expect(await readForm(post(form, "secret=s&next=%2Fdesk"), signInForm)).toEqual({ secret: "s", next: "/desk" });
    expect(await readForm(post({ "content-type": "application/json" }, '{"secret":"s"}'), signInForm)).toBeUndefined();
    expect(await readForm(post(form, `secret=${"x".repeat(9000)}`), signInForm)).toBeUndefined();
    expect(await readForm(post(form, "csrf=t&slug=a-story&hours=24"), shareForm)).toEqual({ csrf: "t", slug: "a-story", hours: 24 });
    expect(await readForm(post(form, "csrf=t&slug=a-story&hours=5"), shareForm)).toBeUndefined();
    expect(await readForm(post(form, "csrf=t&slug=..%2Fx&hours=1"), shareForm)).toBeUndefined();
  });
});
