import { describe, expect, it } from "vitest";
import { resolveSharedLink, SHARED_LINK_STATUS, signPreviewLink, verifyPreviewLink } from "./share-links";

const now = new Date("2026-03-01T10:00:00Z");
const later = new Date("2026-03-02T10:00:00Z");
const key = "link-key-1";

describe("preview links", () => {
  it("grant their story until they expire", () => {
    const token = signPreviewLink(key, "a-story", later);
    expect(token).toMatch(/^a-story\.\d+\.[0-9a-f]{64}$/);
    expect(verifyPreviewLink(key, token, now)).toEqual({ ok: true, slug: "a-story", expires: later });
    expect(verifyPreviewLink(key, token, later)).toEqual({ ok: false, reason: "expired", expires: later });
  });

  it("are invalid once altered: another story, a later expiry, another signature", () => {
    const token = signPreviewLink(key, "a-story", later);
    const [, seconds, mac] = token.split(".");
    for (const forged of [
      `b-story.${seconds}.${mac}`,
      `a-story.${Number(seconds) + 3600}.${mac}`,
      `a-story.${seconds}.${mac!.replace(/.$/, (c) => (c === "0" ? "1" : "0"))}`,
      `a-story.${seconds}`,
      `a-story.${seconds}.${mac}.x`,
      `A-STORY.${seconds}.${mac}`,
      "",
    ]) {
      expect(verifyPreviewLink(key, forged, now), forged).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("an expired link signed with another key is invalid, not expired", () => {
    expect(verifyPreviewLink(key, signPreviewLink("other", "a-story", now), later)).toEqual({ ok: false, reason: "invalid" });
  });

  it("rotating the key revokes every link", () => {
    const tokens = ["a-story", "b-story"].map((slug) => signPreviewLink(key, slug, later));
    for (const token of tokens) expect(verifyPreviewLink("link-key-2", token, now).ok).toBe(false);
  });
});

describe("resolveSharedLink", () => {
  type Story = { slug: string; public: boolean };
  const stories: Record<string, Story> = { draft: { slug: "draft", public: false }, out: { slug: "out", public: true } };
  const resolve = (k: string | undefined, token: string) =>
    resolveSharedLink(k, token, now, (slug) => stories[slug], (s) => s.public);

  it("shows the one story while it is not public, and says why not otherwise", () => {
    expect(resolve(key, signPreviewLink(key, "draft", later))).toEqual({ kind: "story", article: stories.draft, expires: later });
    expect(resolve(key, signPreviewLink(key, "out", later))).toEqual({ kind: "public", article: stories.out });
    expect(resolve(key, signPreviewLink(key, "gone", later)).kind).toBe("missing");
    expect(resolve(key, signPreviewLink(key, "draft", now)).kind).toBe("expired");
    expect(resolve(key, signPreviewLink("old-key", "draft", later)).kind).toBe("invalid");
    expect(resolve(undefined, signPreviewLink(key, "draft", later)).kind).toBe("disabled");
  });

  it("answers 410 for an expired link and 401 for an altered one", () => {
    expect(SHARED_LINK_STATUS.expired).toBe(410);
    expect(SHARED_LINK_STATUS.invalid).toBe(401);
  });
});
