import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { inAnHour, previewLink, sessionHeader } from "./helpers/desk";
import { FIXTURES } from "./helpers/fixtures";
import { DRAFT } from "./helpers/markers";
import { FIXTURE_ORIGIN, SITE_ORIGIN } from "./helpers/origins";
import { STORIES } from "./helpers/stories";

/*
 * Every page type, as the production server sends it, through the Nu Html
 * Checker (vnu-jar, the validator behind validator.w3.org/nu) in one run.
 */

const VNU_JAR = path.resolve("node_modules/vnu-jar/build/dist/vnu.jar");

const PAGES: { origin: string; path: string; status: number; kind: string; session?: boolean }[] = [
  { origin: SITE_ORIGIN, path: "/", status: 200, kind: "front page" },
  { origin: SITE_ORIGIN, path: "/world", status: 200, kind: "section front" },
  ...STORIES.map((s) => ({ origin: SITE_ORIGIN, path: s.path, status: 200, kind: "article" })),
  { origin: SITE_ORIGIN, path: "/topic/russia", status: 200, kind: "topic front" },
  { origin: SITE_ORIGIN, path: "/author/staff", status: 200, kind: "author front" },
  { origin: SITE_ORIGIN, path: "/search", status: 200, kind: "search, no query" },
  { origin: SITE_ORIGIN, path: "/search?q=pipeline", status: 200, kind: "search results" },
  { origin: SITE_ORIGIN, path: "/search?q=qwxzv", status: 200, kind: "search, no results" },
  { origin: SITE_ORIGIN, path: "/world/no-such-story", status: 404, kind: "not found" },
  { origin: FIXTURE_ORIGIN, path: "/world/page/2", status: 200, kind: "section front, page 2" },
  { origin: FIXTURE_ORIGIN, path: "/culture", status: 200, kind: "section front, one story" },
  { origin: FIXTURE_ORIGIN, path: "/culture/lighthouse-keepers-of-the-baltic", status: 200, kind: "article, no related stories" },
  { origin: FIXTURE_ORIGIN, path: FIXTURES.renamed.path, status: 200, kind: "article, markup in its text" },
  { origin: FIXTURE_ORIGIN, path: FIXTURES.retracted.path, status: 410, kind: "retracted story" },
  { origin: FIXTURE_ORIGIN, path: "/world/harbour-fish-market-reopens", status: 200, kind: "article with corrections" },
  { origin: FIXTURE_ORIGIN, path: "/hostile/hostile-markup-in-every-field", status: 200, kind: "article, markup in its correction" },
  { origin: FIXTURE_ORIGIN, path: "/corrections", status: 200, kind: "corrections" },
  { origin: FIXTURE_ORIGIN, path: "/corrections/page/2", status: 200, kind: "corrections, page 2" },
  { origin: SITE_ORIGIN, path: "/corrections", status: 200, kind: "corrections, none yet" },
  { origin: FIXTURE_ORIGIN, path: FIXTURES.live.path, status: 200, kind: "live story" },
  { origin: FIXTURE_ORIGIN, path: "/desk", status: 200, kind: "desk, signed out" },
  { origin: FIXTURE_ORIGIN, path: "/desk", status: 200, kind: "desk lists", session: true },
  { origin: FIXTURE_ORIGIN, path: `/desk/story/${DRAFT.slug}`, status: 200, kind: "desk story", session: true },
  { origin: FIXTURE_ORIGIN, path: previewLink(DRAFT.slug, inAnHour()), status: 200, kind: "shared preview" },
  { origin: FIXTURE_ORIGIN, path: previewLink(DRAFT.slug, new Date(Date.now() - 1000)), status: 410, kind: "shared preview, expired" },
];

type VnuMessage = { type: string; subType?: string; url?: string; message: string; lastLine?: number; extract?: string };

test("every page type passes the Nu Html Checker with zero errors", async ({ request }) => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-vnu-"));
  const files = new Map<string, string>();
  for (const [i, page] of PAGES.entries()) {
    const response = await request.get(page.origin + page.path, { headers: page.session ? sessionHeader() : {} });
    expect(response.status(), page.path).toBe(page.status);
    const file = path.join(dir, `${i}.html`);
    fs.writeFileSync(file, await response.body());
    files.set(`file:${file}`, `${page.kind} ${page.path}`);
  }

  const { stderr } = await promisify(execFile)(
    "java",
    ["-jar", VNU_JAR, "--format", "json", "--exit-zero-always", ...[...files.keys()].map((f) => f.slice("file:".length))],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const messages = (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
  const errors = messages
    .filter((m) => m.type === "error" || m.type === "non-document-error")
    .map((m) => `${files.get(m.url ?? "") ?? m.url}: line ${m.lastLine}: ${m.message} ${m.extract ?? ""}`);
  const warnings = messages.filter((m) => m.type === "info" && m.subType === "warning");
  test.info().annotations.push({ type: "vnu", description: `${files.size} pages, ${errors.length} errors, ${warnings.length} warnings` });
  expect(errors).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
