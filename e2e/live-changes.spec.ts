import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { FIXTURE_ORIGIN, REVALIDATE_SECRET } from "./helpers/origins";

/*
 * Retracting or renaming a story in a running deployment: a copy of the
 * fixture build is served over a copy of the fixture corpus; the corpus is
 * changed on disk and the server told to revalidate. The address router (redirects,
 * 410) must act on the new content at once, and so must feeds and sitemaps.
 */

const PORT = Number(new URL(FIXTURE_ORIGIN).port) + 6;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const STORY = "/world/harbour-fish-market-reopens";

test("a retraction and a new alias take effect on revalidation: 410, 308, and gone from feeds and sitemaps", async ({ request }) => {
  test.setTimeout(120_000);
  const dist = `.next-live-${PORT}`;
  fs.rmSync(dist, { recursive: true, force: true });
  fs.cpSync(".next-fixtures", dist, { recursive: true, filter: (src) => !src.startsWith(path.join(".next-fixtures", "cache")) });
  const content = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-live-"));
  fs.cpSync("e2e/fixtures/content", content, { recursive: true });

  const server = spawn(process.execPath, ["server/main.mjs", "-p", String(PORT)], {
    env: { ...process.env, NEXT_DIST_DIR: dist, CONTENT_DIR: content, NEXT_TELEMETRY_DISABLED: "1", REVALIDATE_SECRET },
    stdio: "ignore",
  });
  const get = (p: string) => request.get(`${ORIGIN}${p}`, { maxRedirects: 0 });
  try {
    await expect.poll(async () => (await request.get(`${ORIGIN}/`).catch(() => null))?.status(), { timeout: 30_000 }).toBe(200);
    expect((await get(STORY)).status()).toBe(200);
    expect((await get("/culture/old-lighthouse")).status()).toBe(404);
    // (feeds.spec and sitemaps.spec show the story in feeds and sitemaps. They are not fetched here
    // first: a stale entry regenerating in the background while the content changes could be
    // stored after the revalidation, and hold the old list for up to a minute.)

    const edit = (slug: string, change: (s: string) => string) => {
      const file = path.join(content, "articles", `${slug}.md`);
      fs.writeFileSync(file, change(fs.readFileSync(file, "utf8")));
    };
    edit("harbour-fish-market-reopens", (s) => s.replace("status: published", "status: retracted\nretractionNote: Withdrawn in a test."));
    edit("lighthouse-keepers-of-the-baltic", (s) => s.replace("status: published", "status: published\naliases: [old-lighthouse]"));
    const refreshed = await request.post(`${ORIGIN}/api/revalidate`, { headers: { authorization: `Bearer ${REVALIDATE_SECRET}` } });
    expect(refreshed.status()).toBe(200);

    const gone = await get(STORY);
    expect(gone.status()).toBe(410);
    expect(await gone.text()).toContain("Withdrawn in a test.");
    const moved = await get("/Culture/Old-Lighthouse/");
    expect(moved.status()).toBe(308);
    expect(moved.headers()["location"]).toBe("/culture/lighthouse-keepers-of-the-baltic");
    for (const feed of ["/feed.xml", "/world/atom.xml", "/sitemap.xml"]) {
      expect(await (await get(feed)).text(), feed).not.toContain(STORY);
    }
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dist, { recursive: true, force: true });
    fs.rmSync(content, { recursive: true, force: true });
  }
});
