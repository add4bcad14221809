import { describe, expect, it } from "vitest";
import { deriveDeskKeys } from "./keys";
import { clearedSessionCookie, endSession, readSession, sessionCookie, sessionEnded, signSession, SESSION_TTL_SECONDS } from "./session";

const now = new Date("2026-03-01T10:00:00Z");
const key = deriveDeskKeys("master-secret").session;

describe("session cookie value", () => {
  it("holds a session for 12 hours, checked against the signed expiry", () => {
    const value = signSession(key, now);
    const session = readSession(key, value, now);
    expect(session?.expires).toEqual(new Date(now.getTime() + SESSION_TTL_SECONDS * 1000));
    expect(readSession(key, value, new Date(now.getTime() + 12 * 3600_000 - 1000))).toBeDefined();
    expect(readSession(key, value, new Date(now.getTime() + 12 * 3600_000))).toBeUndefined();
  });

  it("is refused when any part is altered, a later expiry written in, or it is signed with another key", () => {
    const value = signSession(key, now, "abcdefghijklmnopqrstuv");
    const [version, expires, id, mac] = value.split(".");
    const later = String(Number(expires) + 86_400);
    for (const forged of [
      [version, later, id, mac].join("."),
      [version, expires, "bbcdefghijklmnopqrstuv", mac].join("."),
      [version, expires, id, mac!.slice(0, -1) + (mac!.endsWith("A") ? "B" : "A")].join("."),
      ["v2", expires, id, mac].join("."),
      `${value}.x`,
      "",
      "garbage",
    ]) {
      expect(readSession(key, forged, now), forged).toBeUndefined();
    }
    expect(readSession(deriveDeskKeys("another-secret").session, value, now)).toBeUndefined();
  });

  it("a new PREVIEW_SECRET derives other keys: every session ends", () => {
    const a = deriveDeskKeys("secret-one");
    const b = deriveDeskKeys("secret-two");
    expect(a.session.equals(b.session)).toBe(false);
    expect(a.session.equals(a.csrf)).toBe(false);
    expect(deriveDeskKeys("secret-one").session.equals(a.session)).toBe(true);
  });

  it("a session signed out is ended on this server", async () => {
    const session = readSession(key, signSession(key, now), now)!;
    expect(await sessionEnded(session)).toBe(false);
    await endSession(session, now);
    expect(await sessionEnded(session)).toBe(true);
  });
});

describe("Set-Cookie", () => {
  it("is HttpOnly, SameSite=Lax, for the desk only, 12 hours, Secure over HTTPS", () => {
    expect(sessionCookie("v", false)).toBe("desk_session=v; Path=/desk; Max-Age=43200; HttpOnly; SameSite=Lax");
    expect(sessionCookie("v", true)).toMatch(/; Secure$/);
    expect(clearedSessionCookie(true)).toBe("desk_session=; Path=/desk; Max-Age=0; HttpOnly; SameSite=Lax; Secure");
  });
});
