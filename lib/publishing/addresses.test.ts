import { describe, expect, it } from "vitest";
import { loadCorpus } from "../content";
import { addressIndex, canonicalPath, decide } from "./addresses";
import { makeCorpus, validFrontMatter } from "../../tools/test-corpus";

const now = new Date("2025-06-01T00:00:00Z");

const corpus = loadCorpus(
  makeCorpus({
    "new-name": validFrontMatter({ aliases: ["old-name", "security/older-name"] }),
    withdrawn: validFrontMatter({ status: "retracted", aliases: ["withdrawn-old"], retractionNote: "It was wrong." }),
    "secret-draft": validFrontMatter({ status: "draft", aliases: ["draft-old"] }),
    scheduled: validFrontMatter({ publishedAt: "2025-06-01T00:00:01Z", aliases: ["scheduled-old"] }),
    "retracted-before-publication": validFrontMatter({ status: "retracted", publishedAt: "2030-01-01T00:00:00Z" }),
  }),
);
const index = addressIndex(corpus.articles);
const at = (path: string, search = "", when = now) => decide(path, search, index, when);

describe("canonicalPath", () => {
  it("lower-cases letters, drops trailing slashes and collapses repeated ones", () => {
    expect(canonicalPath("/World/New-Name/")).toBe("/world/new-name");
    expect(canonicalPath("//world///new-name//")).toBe("/world/new-name");
    expect(canonicalPath("/")).toBe("/");
  });
  it("leaves percent escapes alone, so a redirect cannot loop on their case", () => {
    expect(canonicalPath("/search/%C3%A9T%c3%a9")).toBe("/search/%C3%A9t%c3%a9");
  });
});

describe("decide", () => {
  it("lets a canonical address through", () => {
    expect(at("/world/new-name")).toEqual({ kind: "next" });
    expect(at("/")).toEqual({ kind: "next" });
    expect(at("/world")).toEqual({ kind: "next" });
  });

  it("redirects case and trailing-slash variants to the canonical form, keeping the query", () => {
    expect(at("/World/New-Name")).toEqual({ kind: "redirect", location: "/world/new-name" });
    expect(at("/world/new-name/")).toEqual({ kind: "redirect", location: "/world/new-name" });
    expect(at("/Search/", "?q=Putin")).toEqual({ kind: "redirect", location: "/search?q=Putin" });
  });

  it("redirects an old slug (same section) and an old section/slug to the story, in one hop", () => {
    expect(at("/world/old-name")).toEqual({ kind: "redirect", location: "/world/new-name" });
    expect(at("/security/older-name")).toEqual({ kind: "redirect", location: "/world/new-name" });
    expect(at("/Security/Older-Name/")).toEqual({ kind: "redirect", location: "/world/new-name" });
  });

  it("answers Gone at a retracted story's address and at its old ones", () => {
    expect(at("/world/withdrawn")).toEqual({ kind: "gone", slug: "withdrawn" });
    expect(at("/world/withdrawn-old")).toEqual({ kind: "gone", slug: "withdrawn" });
    expect(at("/World/Withdrawn/")).toMatchObject({ kind: "gone" });
  });

  it("never reveals a draft or a scheduled story through its old address", () => {
    expect(at("/world/draft-old")).toEqual({ kind: "next" });
    expect(at("/world/secret-draft")).toEqual({ kind: "next" });
    expect(at("/world/scheduled-old")).toEqual({ kind: "next" });
    expect(at("/world/retracted-before-publication")).toEqual({ kind: "next" });
  });

  it("starts redirecting a scheduled story's old address at its publication time", () => {
    expect(at("/world/scheduled-old", "", new Date("2025-06-01T00:00:01Z"))).toEqual({
      kind: "redirect",
      location: "/world/scheduled",
    });
  });

  it("does not treat a story under another section as one of its addresses", () => {
    expect(at("/security/new-name")).toEqual({ kind: "next" });
  });
});
