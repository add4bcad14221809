import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeCorpus, validFrontMatter } from "../tools/test-corpus";

/*
 * `npm run build` against broken corpora, for real: it must stop with a clear
 * message naming file and field, and leave the previous build output exactly
 * as it was. (That a failure inside `next build` itself leaves it untouched
 * too is atomic-build.test.ts.)
 */

const DIST = `.next-faulttest-${process.pid}`;

function previousBuild(): Record<string, string> {
  fs.rmSync(DIST, { recursive: true, force: true });
  for (const [file, text] of Object.entries({ BUILD_ID: "previous-build", "server/app/index.html": "<html>previous</html>", "static/chunks/a.js": "x" })) {
    fs.mkdirSync(path.dirname(path.join(DIST, file)), { recursive: true });
    fs.writeFileSync(path.join(DIST, file), text);
  }
  return snapshot();
}

function snapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(DIST, full)] = crypto.createHash("sha256").update(fs.readFileSync(full)).digest("hex");
    }
  };
  walk(DIST);
  return out;
}

function build(contentDir: string) {
  const result = spawnSync("npm", ["run", "build"], {
    env: { ...process.env, CONTENT_DIR: contentDir, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

afterAll(() => {
  fs.rmSync(DIST, { recursive: true, force: true });
  fs.rmSync(`${DIST}-staging`, { recursive: true, force: true });
});

describe("npm run build with a broken corpus", () => {
  const cases: [string, () => string, RegExp][] = [
    [
      "a corrupt content file",
      () => makeCorpus({ broken: "---\ntitle: [unclosed\n  section: : world\n---\n\nBody.\n", fine: validFrontMatter() }),
      /articles\/broken\.md: \(front matter\): /,
    ],
    [
      "a missing image",
      () => makeCorpus({ pictureless: validFrontMatter({ image: { src: "/images/no-such-picture.jpg", alt: "a", caption: "c", credit: "d" } }) }),
      /articles\/pictureless\.md: image\.src: image file not found: public\/images\/no-such-picture\.jpg/,
    ],
    [
      "an unknown reference",
      () => makeCorpus({ orphan: validFrontMatter({ section: "sport", authors: ["nobody"] }) }),
      /articles\/orphan\.md: section: unknown section "sport"[\s\S]*articles\/orphan\.md: authors\.0: unknown author "nobody"/,
    ],
  ];

  for (const [name, corpus, message] of cases) {
    it(`stops at ${name} with a clear message and leaves the previous build untouched`, { timeout: 120_000 }, () => {
      const before = previousBuild();
      const dir = corpus();
      try {
        const { status, output } = build(dir);
        expect(status).not.toBe(0);
        expect(output).toMatch(message);
        expect(snapshot()).toEqual(before);
        expect(fs.existsSync(`${DIST}-staging`)).toBe(false);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
