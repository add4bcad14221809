import { describe, expect, it } from "vitest";
import { isPublic, isRetracted } from "./visibility";

const now = new Date("2025-05-08T12:00:00Z");

describe("isPublic", () => {
  it("shows a published story from its publication time on", () => {
    expect(isPublic({ status: "published", publishedAt: new Date("2025-05-08T12:00:00Z") }, now)).toBe(true);
    expect(isPublic({ status: "published", publishedAt: new Date("2025-05-01T00:00:00Z") }, now)).toBe(true);
  });
  it("hides a scheduled story until its time, to the millisecond", () => {
    expect(isPublic({ status: "published", publishedAt: new Date(now.getTime() + 1) }, now)).toBe(false);
  });
  it("never shows a draft, whatever its date", () => {
    expect(isPublic({ status: "draft", publishedAt: new Date("2020-01-01T00:00:00Z") }, now)).toBe(false);
  });
});

describe("isRetracted", () => {
  it("is gone once it had gone out, and never public again", () => {
    const story = { status: "retracted", publishedAt: new Date("2025-05-01T00:00:00Z") };
    expect(isRetracted(story, now)).toBe(true);
    expect(isPublic(story, now)).toBe(false);
  });
  it("treats a story retracted before its publication time as never published", () => {
    expect(isRetracted({ status: "retracted", publishedAt: new Date(now.getTime() + 1) }, now)).toBe(false);
  });
  it("does not call a published or draft story retracted", () => {
    expect(isRetracted({ status: "published", publishedAt: new Date("2025-05-01T00:00:00Z") }, now)).toBe(false);
    expect(isRetracted({ status: "draft", publishedAt: new Date("2025-05-01T00:00:00Z") }, now)).toBe(false);
  });
});
