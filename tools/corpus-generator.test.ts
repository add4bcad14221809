import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { articleBody, loadCorpus, isPublic } from "../lib/content";
import { generateCorpus } from "./corpus-generator";

const dirs: string[] = [];
function generate(count: number, seed: number): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-generated-"));
  dirs.push(out);
  generateCorpus({ count, seed, out });
  return out;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** One hash over every file's path and bytes. */
function digest(dir: string): string {
  const hash = crypto.createHash("sha256");
  for (const file of (fs.readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[]).sort()) {
    const full = path.join(dir, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest("hex");
}

describe("content:generate", () => {
  const dir = generate(600, 42);
  const corpus = loadCorpus(dir);

  it("writes a corpus that passes content checking, in year/month folders", () => {
    expect(corpus.articles).toHaveLength(600);
    expect(fs.readdirSync(path.join(dir, "articles")).every((d) => /^\d{4}$/.test(d))).toBe(true);
  });

  it("is deterministic: the same count and seed give the same bytes, another seed does not", () => {
    expect(digest(generate(600, 42))).toBe(digest(dir));
    expect(digest(generate(600, 43))).not.toBe(digest(dir));
  });

  it("skews sections and topics like a real archive", () => {
    const share = (n: number) => n / corpus.articles.length;
    const sections = [...corpus.bySection.values()].map((l) => l.length).sort((a, b) => b - a);
    expect(share(sections[0]!)).toBeGreaterThan(0.18);
    expect(share(sections.at(-1)!)).toBeLessThan(0.1);
    const topics = [...corpus.byTag.values()].map((l) => l.length).sort((a, b) => b - a);
    expect(share(topics[0]!)).toBeGreaterThan(0.2); // the commonest topic is on a large share of stories
    const median = topics[Math.floor(topics.length / 2)]!;
    expect(share(median)).toBeLessThan(0.03); // most topics are on a handful
  });

  it("writes realistic bodies and a mix of statuses, pins, aliases and shared images", () => {
    const words = corpus.articles.map((a) => articleBody(a).split(/\s+/).length).sort((a, b) => a - b);
    expect(words[0]).toBeGreaterThanOrEqual(180);
    expect(words.at(-1)).toBeLessThanOrEqual(2700);
    const median = words[words.length >> 1]!;
    expect(median).toBeGreaterThan(450);
    expect(median).toBeLessThan(900);
    const now = new Date();
    expect(corpus.articles.some((a) => a.status === "draft")).toBe(true);
    expect(corpus.articles.some((a) => a.status === "published" && !isPublic(a, now))).toBe(true);
    expect(corpus.articles.some((a) => a.related.length > 0)).toBe(true);
    expect(corpus.byAlias.size).toBeGreaterThan(0);
    expect(new Set(corpus.articles.map((a) => a.image.src)).size).toBeLessThanOrEqual(4);
  });

  it("refuses to write into a non-empty directory", () => {
    expect(() => generateCorpus({ count: 1, seed: 1, out: dir })).toThrow(/not empty/);
  });
});
