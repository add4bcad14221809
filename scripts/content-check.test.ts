import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeCorpus, validFrontMatter } from "../tools/test-corpus";

function contentCheck(dir: string) {
  const result = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/content-check.ts"], {
    env: { ...process.env, CONTENT_DIR: dir },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run content:check", () => {
  it("prints every problem and a summary per rule, and exits 1", () => {
    const dir = makeCorpus({
      "bad-section": validFrontMatter({ section: "sport" }),
      "no-alt": validFrontMatter({ image: { src: "/images/putin-xi-moscow.jpg", alt: "", caption: "c", credit: "c" } }),
      "no-title": validFrontMatter({ title: "" }),
    });
    const { status, stderr } = contentCheck(dir);
    expect(status).toBe(1);
    const out = stderr.split("\n");
    expect(out).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/articles\/bad-section\.md: section: unknown section "sport"$/),
        expect.stringMatching(/articles\/no-alt\.md: image\.alt: must not be empty$/),
        expect.stringMatching(/articles\/no-title\.md: title: must not be empty$/),
      ]),
    );
    expect(stderr).toMatch(/content:check: 3 problems in 3 files \(reference 1, image 1, schema 1\) in /);
  }, 30_000);

  it("says OK with the corpus size and exits 0", () => {
    const { status, stdout } = contentCheck(makeCorpus({ a: validFrontMatter(), b: validFrontMatter() }));
    expect(status).toBe(0);
    expect(stdout).toMatch(/^content:check: OK: 2 articles, 2 sections, 1 author, 1 topic in .* \(changed files read, all checked in \d+ ms\)/);
  }, 30_000);

  it("reads again only what changed since the last check, yet finds a problem an edit brought; --full reads everything", () => {
    const dir = makeCorpus({ a: validFrontMatter(), b: validFrontMatter() });
    expect(contentCheck(dir).status).toBe(0);
    const file = path.join(dir, "articles", "b.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("section: world", "section: sport"));
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    const { status, stderr } = contentCheck(dir);
    expect(status).toBe(1);
    expect(stderr).toMatch(/articles\/b\.md: section: unknown section "sport"$/m);
    const full = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/content-check.ts", "--full"], {
      env: { ...process.env, CONTENT_DIR: dir },
      encoding: "utf8",
    });
    expect(full.status).toBe(1);
    expect(full.stderr).toMatch(/articles\/b\.md: section: unknown section "sport"$/m);
  }, 30_000);

  it("warns of raw HTML in the files it reads, not again in those the index already holds", () => {
    const dir = makeCorpus({ a: validFrontMatter(), b: validFrontMatter() });
    const file = path.join(dir, "articles", "b.md");
    fs.appendFileSync(file, "\n<div>raw</div>\n");
    const first = contentCheck(dir);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/articles\/b\.md: body: raw HTML is not shown on the site/);
    const again = contentCheck(dir);
    expect(again.status).toBe(0);
    expect(again.stderr).not.toMatch(/raw HTML/);
    const a = path.join(dir, "articles", "a.md");
    fs.appendFileSync(a, "\n<span>also raw</span>\n");
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(a, later, later);
    const third = contentCheck(dir);
    expect(third.stderr).toMatch(/articles\/a\.md: body: raw HTML/);
    expect(third.stderr).not.toMatch(/articles\/b\.md/);
  }, 30_000);
});
