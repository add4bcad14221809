import { afterEach, describe, expect, it } from "vitest";
import { configuredSecret, secretMatches } from "./secrets";

describe("secretMatches", () => {
  it("accepts only the exact secret", () => {
    expect(secretMatches("correct horse", "correct horse")).toBe(true);
    expect(secretMatches("correct hors", "correct horse")).toBe(false);
    expect(secretMatches("correct horsE", "correct horse")).toBe(false);
    expect(secretMatches("", "correct horse")).toBe(false);
    expect(secretMatches(null, "correct horse")).toBe(false);
    expect(secretMatches(undefined, "correct horse")).toBe(false);
  });
  it("never matches an empty configured secret", () => {
    expect(secretMatches("", "")).toBe(false);
  });
});

describe("configuredSecret", () => {
  const saved = process.env.PREVIEW_SECRET;
  afterEach(() => {
    if (saved === undefined) delete process.env.PREVIEW_SECRET;
    else process.env.PREVIEW_SECRET = saved;
  });
  it("treats unset and blank as not configured", () => {
    delete process.env.PREVIEW_SECRET;
    expect(configuredSecret("PREVIEW_SECRET")).toBeUndefined();
    process.env.PREVIEW_SECRET = "   ";
    expect(configuredSecret("PREVIEW_SECRET")).toBeUndefined();
    process.env.PREVIEW_SECRET = " abc ";
    expect(configuredSecret("PREVIEW_SECRET")).toBe("abc");
  });
});
