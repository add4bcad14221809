import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { parseFeed } from "@rowanmanning/feed-parser";
import { expect, test, type Page, type Request } from "@playwright/test";
import { CANONICAL_ORIGIN, getXml, jsonLd } from "./helpers/crawl";
import { FIXTURES } from "./helpers/fixtures";
import { FIXTURE_ORIGIN, REVALIDATE_SECRET } from "./helpers/origins";
import { formatDateTime } from "../lib/render/format";

/*
 * Live coverage (e2e/fixtures/content/articles/harbour-regatta-live.md, open
 * coverage): updates newest first with anchors and permalinks, key events, the
 * Live label on the story and on its cards, LiveBlogPosting structured data, the
 * Atom feed of updates, the page without JavaScript, and the page's own script
 * (public/live-updates.js): it polls the feed, pauses while the tab is hidden,
 * shows a new update without a reload, and stops when the coverage ends.
 */

test.use({ baseURL: FIXTURE_ORIGIN });

const LIVE = FIXTURES.live;
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const isFeed = (r: Request) => new URL(r.url()).pathname === LIVE.feed;
/** An update's time as the page shows it: in the site's time zone (the fixture site's is UTC). */
const shown = (time: string) => formatDateTime(new Date(time), "UTC");

test.describe("a live story's page", () => {
  test("lists the updates public now newest first, each with its anchor, its time and a permalink to it", async ({ page }) => {
    const response = await page.goto(LIVE.path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(LIVE.title);
    await expect(page.getByText("This paragraph is the story's intro")).toBeVisible();

    const region = page.getByRole("region", { name: "Live updates" });
    const updates = region.getByRole("article");
    await expect(updates).toHaveCount(LIVE.updates.length);
    await expect(region.getByRole("heading", { level: 3 })).toHaveText(LIVE.updates.map((u) => u.title));
    for (const [i, u] of LIVE.updates.entries()) {
      const update = updates.nth(i);
      await expect(update).toHaveAttribute("id", u.id);
      await expect(update).toHaveAccessibleName(u.title);
      await expect(update.locator("time").first()).toHaveAttribute("datetime", u.time);
      await expect(update.locator("time").first()).toHaveText(shown(u.time));
      const permalink = update.getByRole("link", { name: `Link to this update (${u.title})` });
      await expect(permalink).toBeVisible();
      await expect(permalink).toHaveAttribute("href", `${LIVE.path}#${u.id}`);
    }
    await expect(updates.nth(1)).toContainText("Key event");
    await expect(updates.nth(0)).not.toContainText("Key event");

    // A permalink leads to its update.
    await updates.nth(2).getByRole("link", { name: /^Link to this update/ }).click();
    await expect(page).toHaveURL(`${FIXTURE_ORIGIN}${LIVE.path}#${LIVE.updates[2]!.id}`);
    expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe(LIVE.updates[2]!.id);

    // The update scheduled for 2099 is nowhere in the page.
    const html = await (await page.request.get(LIVE.path)).text();
    expect(html).not.toContain(LIVE.future.id);
    expect(html).not.toContain("LEAKCANARY");
  });

  test("sums up its key events at the top, each a link to its update", async ({ page }) => {
    await page.goto(LIVE.path);
    const keyEvents = page.getByRole("navigation", { name: "Key events" });
    const key = LIVE.updates.filter((u) => u.key);
    await expect(keyEvents.getByRole("link")).toHaveText(key.map((u) => `${shown(u.time)}: ${u.title}`));
    await expect(keyEvents.getByRole("link")).toHaveAttribute("href", `${LIVE.path}#${key[0]!.id}`);
    // At the top: before the intro and the updates.
    const top = (l: ReturnType<Page["locator"]>) => l.evaluate((el) => el.getBoundingClientRect().top);
    expect(await top(keyEvents)).toBeLessThan(await top(page.getByText("This paragraph is the story's intro")));
    await keyEvents.getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`#${key[0]!.id}$`));
  });

  test("is labelled Live beside its headline while the coverage runs, and loads the live-updates script", async ({ page }) => {
    await page.goto(LIVE.path);
    const header = page.getByRole("main").locator("article header").first();
    await expect(header.getByText("Live", { exact: true })).toBeVisible();
    await expect(page.locator('script[src="/live-updates.js"][defer]')).toHaveCount(1);
    await expect(page.locator("ol[data-live-feed]")).toHaveAttribute("data-live-feed", LIVE.feed);
    // Not on a story that is not live.
    await page.goto(FIXTURES.public[1].path);
    await expect(page.getByText("Live", { exact: true })).toHaveCount(0);
    await expect(page.locator('script[src="/live-updates.js"]')).toHaveCount(0);
  });

  test("reads completely with JavaScript switched off", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${FIXTURE_ORIGIN}${LIVE.path}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(LIVE.title);
    await expect(page.getByRole("region", { name: "Live updates" }).getByRole("heading", { level: 3 })).toHaveText(LIVE.updates.map((u) => u.title));
    await expect(page.getByText("The fleet is becalmed off the lighthouse")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Key events" }).getByRole("link")).toHaveCount(1);
    await expect(page.getByRole("contentinfo")).toBeVisible();
    await context.close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`axe finds no violations in the ${colorScheme} scheme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(LIVE.path);
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
});

test("its cards carry the Live label on every front: the front page, its section, its topic and its byline", async ({ page }) => {
  const card = (scope: ReturnType<Page["locator"]>) => scope.locator("article, li").filter({ has: page.getByRole("link", { name: LIVE.title }) }).last();

  await page.goto("/");
  const top = page.getByRole("region", { name: "Top stories" });
  await expect(card(top).getByText("Live", { exact: true })).toBeVisible();
  // Only the live story's card: the other top stories are not live.
  await expect(top.getByText("Live", { exact: true })).toHaveCount(1);
  await expect(card(page.getByRole("region", { name: "Events", exact: true })).getByText("Live", { exact: true })).toBeVisible();

  for (const front of ["/events", "/topic/regatta", "/author/live-desk"]) {
    await page.goto(front);
    const main = page.getByRole("main");
    await expect(card(main).getByText("Live", { exact: true }), front).toBeVisible();
    await expect(main.getByText("Live", { exact: true }), front).toHaveCount(1);
  }
});

test("crawlers read a LiveBlogPosting with its coverage and public updates, keeping the article's properties", async ({ browser }) => {
  // As crawlers read it: the server's HTML.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${FIXTURE_ORIGIN}${LIVE.path}`);
  const items = await jsonLd(page);
  expect(items.map((i) => i["@type"])).toEqual(["LiveBlogPosting", "BreadcrumbList"]);
  const blog = items[0]!;
  const url = CANONICAL_ORIGIN + LIVE.path;
  expect(blog).toMatchObject({
    "@context": "https://schema.org",
    "@id": `${url}#article`,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    headline: LIVE.title,
    datePublished: "2025-03-29T12:00:00.000Z",
    dateModified: LIVE.updates[0]!.time,
    author: [{ "@type": "Organization", name: "Live desk", url: `${CANONICAL_ORIGIN}/author/live-desk` }],
    publisher: { "@type": "Organization", name: "Inter Bellum News" },
    articleSection: "Events",
    keywords: ["Regatta"],
    inLanguage: "en",
    coverageStartTime: "2025-03-29T12:00:00.000Z",
  });
  expect(blog.image).toHaveLength(3);
  expect(blog).not.toHaveProperty("coverageEndTime");
  expect(blog.liveBlogUpdate).toEqual(
    LIVE.updates.map((u) => ({
      "@type": "BlogPosting",
      headline: u.title,
      datePublished: u.time,
      url: `${url}#${u.id}`,
      articleBody: expect.any(String),
    })),
  );
  expect(blog.liveBlogUpdate[0].articleBody).toBe("The fleet is becalmed off the lighthouse; the committee may shorten the course.");
  await context.close();
});

test.describe("the Atom feed of its updates", () => {
  test("is valid Atom: the public updates newest first, each entry's id its permalink", async ({ request }) => {
    const { text } = await getXml(request, LIVE.feed, /^application\/atom\+xml/);
    const feed = parseFeed(text);
    expect(feed.title).toBe(`${LIVE.title}: live updates | Inter Bellum News`);
    expect(feed.url).toBe(CANONICAL_ORIGIN + LIVE.path);
    expect(feed.self).toBe(CANONICAL_ORIGIN + LIVE.feed);
    expect(feed.categories.map((c) => c.term)).toEqual(["live"]);
    expect(feed.items.map((i) => i.id)).toEqual(LIVE.updates.map((u) => `${CANONICAL_ORIGIN}${LIVE.path}#${u.id}`));
    expect(feed.items.map((i) => i.url)).toEqual(feed.items.map((i) => i.id));
    expect(feed.items.map((i) => i.title)).toEqual(LIVE.updates.map((u) => u.title));
    expect(feed.items.map((i) => i.published?.toISOString())).toEqual(LIVE.updates.map((u) => u.time));
    expect(feed.items[0]!.content).toBe("<p>The fleet is <strong>becalmed</strong> off the lighthouse; the committee may shorten the course.</p>");
    expect(feed.items[1]!.categories.map((c) => c.term)).toContain("key");
    expect(text).not.toContain("LEAKCANARY");
    expect(text).not.toContain(LIVE.future.id);
  });

  test("is announced on the story's page with <link rel=alternate>", async ({ page }) => {
    await page.goto(LIVE.path);
    await expect(page.locator(`head link[rel="alternate"][type="application/atom+xml"][href="${CANONICAL_ORIGIN}${LIVE.feed}"]`)).toHaveCount(1);
  });

  test("answers 304 to If-None-Match, and the page and feed leave with a short Cache-Control while live", async ({ request }) => {
    const first = await request.get(LIVE.feed);
    const etag = first.headers()["etag"];
    expect(etag).toBeTruthy();
    expect((await request.get(LIVE.feed, { headers: { "If-None-Match": etag! } })).status()).toBe(304);
    for (const address of [LIVE.path, LIVE.feed]) {
      const cacheControl = (await request.get(address)).headers()["cache-control"];
      expect(cacheControl, address).toBe("public, max-age=0, s-maxage=10, stale-while-revalidate=10");
    }
    // Any other story is cached as before.
    expect((await request.get(FIXTURES.public[1].path)).headers()["cache-control"]).toMatch(/s-maxage=60\b/);
  });

  test("is a 404 for every story that is not a public live story", async ({ request }) => {
    for (const address of [`${FIXTURES.public[1].path}/live.xml`, "/events/no-such-story/live.xml", "/world/harbour-regatta-live/live.xml", `${FIXTURES.retracted.path}/live.xml`]) {
      expect((await request.get(address, { maxRedirects: 0 })).status(), address).toBe(404);
    }
  });
});

test("the script polls the feed every 15 s with If-None-Match, and pauses while the tab is hidden", async ({ page }) => {
  await page.clock.install();
  // Paused: the page's clock moves only with runFor, not with the real time a slow page load takes
  // (which once let the first 14 s reach the script's 15 s timer).
  await page.clock.pauseAt(Date.now() + 1_000);
  const polls: { status: number; etag: string | undefined }[] = [];
  // Responses, not finished requests: the script reads no body of a 304, which the browser reports as aborted.
  page.on("response", (r) => {
    if (isFeed(r.request())) polls.push({ status: r.status(), etag: r.request().headers()["if-none-match"] });
  });
  await page.goto(LIVE.path);
  await expect(page.locator("ol[data-live-feed]")).toBeVisible();
  // A poll's answer is read in real time, after which the script sets its next (fake) timer.
  const settle = () => page.waitForTimeout(500);
  await page.clock.runFor(14_000);
  await settle();
  expect(polls).toHaveLength(0);
  await page.clock.runFor(1_000);
  await expect.poll(() => polls.length).toBe(1);
  await settle();
  await page.clock.runFor(15_000);
  await expect.poll(() => polls.length).toBe(2);
  // The second poll asks with the first answer's ETag, and an unchanged feed costs a 304.
  expect(polls[0]).toEqual({ status: 200, etag: undefined });
  expect(polls[1]).toEqual({ status: 304, etag: expect.stringMatching(/^".+"$/) });
  await settle();

  const setHidden = (hidden: boolean) =>
    page.evaluate((hidden) => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
      Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
      document.dispatchEvent(new Event("visibilitychange"));
    }, hidden);
  await setHidden(true);
  await page.clock.runFor(120_000);
  await settle();
  expect(polls, "no poll while hidden").toHaveLength(2);
  // Visible again: it catches up at once, then polls on.
  await setHidden(false);
  await expect.poll(() => polls.length).toBe(3);
  await settle();
  await page.clock.runFor(15_000);
  await expect.poll(() => polls.length).toBe(4);
});

test.describe("on a server whose content changes", () => {
  const PORT = Number(new URL(FIXTURE_ORIGIN).port) + 7;
  const ORIGIN = `http://127.0.0.1:${PORT}`;

  test("a new update reaches the open page within 30 s of /api/revalidate, without a reload; ending the coverage takes the label off and stops the script", async ({ page, request }) => {
    test.setTimeout(180_000);
    const dist = `.next-live-updates-${PORT}`;
    fs.rmSync(dist, { recursive: true, force: true });
    fs.cpSync(".next-fixtures", dist, { recursive: true, filter: (src) => !src.startsWith(path.join(".next-fixtures", "cache")) });
    const content = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-live-updates-"));
    fs.cpSync("e2e/fixtures/content", content, { recursive: true });
    const file = path.join(content, "articles", "harbour-regatta-live.md");
    const server = spawn(process.execPath, ["server/main.mjs", "-p", String(PORT)], {
      env: { ...process.env, NEXT_DIST_DIR: dist, CONTENT_DIR: content, NEXT_TELEMETRY_DISABLED: "1", REVALIDATE_SECRET },
      stdio: "ignore",
    });
    const revalidate = async () =>
      expect((await request.post(`${ORIGIN}/api/revalidate`, { headers: { authorization: `Bearer ${REVALIDATE_SECRET}` } })).status()).toBe(200);
    try {
      await expect.poll(async () => (await request.get(`${ORIGIN}/`).catch(() => null))?.status(), { timeout: 30_000 }).toBe(200);
      const polls: number[] = [];
      page.on("response", (r) => {
        if (isFeed(r.request())) polls.push(Date.now());
      });
      await page.goto(`${ORIGIN}${LIVE.path}`);
      await expect(page.getByRole("region", { name: "Live updates" }).getByRole("article")).toHaveCount(LIVE.updates.length);
      await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

      // The newsroom adds a key update to the story on the server and publishes.
      const time = new Date(Math.floor((Date.now() - 1000) / 1000) * 1000);
      const title = "Crowds gather on the quay";
      fs.appendFileSync(file, `\n## ${time.toISOString()} ${title} [key]\n\nThe prize-giving draws the town to the harbour.\n`);
      await revalidate();
      const published = Date.now();

      const region = page.getByRole("region", { name: "Live updates" });
      await expect(region.getByRole("heading", { level: 3 }).first()).toHaveText(title, { timeout: 30_000 });
      const delay = Date.now() - published;
      test.info().annotations.push({ type: "new update", description: `on the open page ${delay} ms after revalidation` });
      expect(delay).toBeLessThanOrEqual(30_000);
      expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

      // Built like the server's own update: anchor, time, key mark, text and permalink, newest first.
      const anchor = `update-${time.toISOString().slice(0, 19).replace(/[-:]/g, "").toLowerCase()}z`;
      const update = region.getByRole("article").first();
      await expect(region.getByRole("article")).toHaveCount(LIVE.updates.length + 1);
      await expect(update).toHaveAttribute("id", anchor);
      await expect(update).toHaveAccessibleName(title);
      await expect(update.locator("time")).toHaveAttribute("datetime", time.toISOString());
      await expect(update).toContainText("Key event");
      await expect(update.getByText("The prize-giving draws the town to the harbour.")).toBeVisible();
      await expect(update.getByRole("link", { name: `Link to this update (${title})` })).toHaveAttribute("href", `${LIVE.path}#${anchor}`);
      await expect(page.getByRole("status")).toHaveText(`New update: ${title}`);
      await expect(page.getByRole("navigation", { name: "Key events" }).getByRole("link").first()).toHaveAttribute("href", `${LIVE.path}#${anchor}`);
      // What the server renders now says the same, in the same place.
      const fresh = await (await request.get(`${ORIGIN}${LIVE.path}`)).text();
      expect(fresh.indexOf(`id="${anchor}"`)).toBeGreaterThan(-1);
      expect(fresh.indexOf(`id="${anchor}"`)).toBeLessThan(fresh.indexOf(`id="${LIVE.updates[0]!.id}"`));

      // The coverage ends.
      const ended = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("  start: 2025-03-29T12:00:00Z\n", `  start: 2025-03-29T12:00:00Z\n  end: ${ended}\n`));
      await revalidate();
      const endedAt = Date.now();

      const pageResponse = await request.get(`${ORIGIN}${LIVE.path}`);
      expect(pageResponse.headers()["cache-control"]).toMatch(/s-maxage=60\b/);
      const html = await pageResponse.text();
      expect(html).not.toContain('src="/live-updates.js"');
      expect(html).toContain("Coverage ended");
      expect(parseFeed(await (await request.get(`${ORIGIN}${LIVE.feed}`)).text()).categories).toEqual([]);
      const reader = await page.context().newPage();
      for (const front of ["/", "/events", "/topic/regatta", "/author/live-desk"]) {
        await reader.goto(`${ORIGIN}${front}`);
        await expect(reader.getByRole("link", { name: LIVE.title }).first(), front).toBeVisible();
        await expect(reader.getByText("Live", { exact: true }), front).toHaveCount(0);
      }
      await reader.goto(`${ORIGIN}${LIVE.path}`);
      await expect(reader.getByRole("main").locator("article header").first().getByText("Live", { exact: true })).toHaveCount(0);
      expect((await jsonLd(reader))[0]!.coverageEndTime).toBe(ended);

      // The page opened while live learns from its next poll that the coverage ended, and polls no more.
      await expect.poll(() => polls.filter((t) => t > endedAt).length, { timeout: 25_000 }).toBe(1);
      await page.waitForTimeout(17_000);
      expect(polls.filter((t) => t > endedAt), "no poll after the feed said the coverage ended").toHaveLength(1);
    } finally {
      server.kill("SIGTERM");
      fs.rmSync(dist, { recursive: true, force: true });
      fs.rmSync(content, { recursive: true, force: true });
    }
  });
});
