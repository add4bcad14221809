import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { editStory, isAlive, load, redisText, startFleet, startRedis, stopFleet, withRedis, type Fleet } from "./helpers/fleet";
import { csrfOf, sessionHeader, sessionValue } from "./helpers/desk";
import { DRAFT, LEAK_MARKERS } from "./helpers/markers";
import { FIXTURE_ORIGIN, PREVIEW_SECRET, REVALIDATE_SECRET } from "./helpers/origins";

/*
 * The scale-out with the real parts: `npm run cluster` starts Redis, two
 * production servers and nginx over the fixture build; the tests publish
 * through it and break it — Redis stopped, flushed, down at an instance's
 * start; an instance killed or stopped — while readers load pages through the
 * load balancer. One fleet for the file, the tests in order.
 */

test.describe.configure({ mode: "serial" });

const PORT = Number(new URL(FIXTURE_ORIGIN).port) + 20;
const LB = `http://127.0.0.1:${PORT}`;
const STORY = "/world/harbour-fish-market-reopens";
const READERS = ["/", STORY, "/world", "/topic/fishing", "/culture/lighthouse-keepers-of-the-baltic", "/feed.xml", "/search?q=harbour"];
const BUILD_ID = fs.readFileSync(path.join(".next-fixtures", "BUILD_ID"), "utf8").trim();
const KEY_PREFIX = `ibn:build:${BUILD_ID}:`;

let fleet: Fleet;
/** A Redis the tests started again after stopping the fleet's (theirs to stop). */
let ownRedis: number | undefined;

const instance = (i: number) => fleet.state().instances[i]!;
const health = async (request: APIRequestContext, origin: string) => (await request.get(`${origin}/api/health`)).json();
const headline = async (request: APIRequestContext, origin: string, p = STORY) => {
  const html = await (await request.get(origin + p)).text();
  return /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
};
const revalidate = (request: APIRequestContext, origin: string) =>
  request.post(`${origin}/api/revalidate`, { headers: { authorization: `Bearer ${REVALIDATE_SECRET}` }, timeout: 30_000 });
const redisUrl = () => fleet.state().redis.url;
/** Whether the shared cache holds this build's page for `p` (Next.js keys it by route and path). */
const inRedis = (p: string) =>
  withRedis(redisUrl(), async (c) => {
    for await (const keys of c.scanIterator({ MATCH: `${KEY_PREFIX}*/$${p}`, COUNT: 1000 })) if (keys.some((k) => k.endsWith(`/$${p}`))) return true;
    return false;
  });
const contentVersion = () => withRedis(redisUrl(), (client) => client.get("ibn:content:version"));
async function stopRedis() {
  await withRedis(redisUrl(), (client) => client.sendCommand(["SHUTDOWN", "NOSAVE"]).catch(() => null));
  await expect.poll(async () => (await withRedis(redisUrl(), async () => true).catch(() => false)), { timeout: 10_000 }).toBe(false);
}
async function restartRedis() {
  ownRedis = startRedis(fleet.state().redis.config!).pid;
  await expect.poll(async () => withRedis(redisUrl(), async (c) => c.ping()).catch(() => null), { timeout: 10_000 }).toBe("PONG");
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  fleet = await startFleet(PORT, { REVALIDATE_SECRET, PREVIEW_SECRET });
});

test.afterAll(async () => {
  if (fleet) await stopFleet(fleet);
  if (ownRedis && isAlive(ownRedis)) process.kill(ownRedis, "SIGTERM");
});

test("each instance names itself and uses the shared cache; a page is the same, with the same policy, from either", async ({ request }) => {
  for (const [i, name] of ["instance-1", "instance-2"].entries()) {
    expect(await health(request, instance(i).address)).toMatchObject({ status: "ok", instance: name, redis: "ready", cache: "redis" });
  }
  // Rendered by one instance on its first request, then a hit for the other: the cache is shared.
  const first = await request.get(instance(0).address + STORY);
  const second = await request.get(instance(1).address + STORY);
  expect(first.status()).toBe(200);
  expect(second.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(await second.text()).toBe(await first.text());
  expect(second.headers()["content-security-policy"]).toBe(first.headers()["content-security-policy"]);
  expect(first.headers()["content-security-policy"]).toMatch(/script-src 'self';/);
  expect(await first.text()).not.toMatch(/<script[^>]+src="\/_next\//);
  // Keyed by build: a new deploy never reads this build's pages.
  expect(await inRedis(STORY)).toBe(true);
});

test("one publish through the load balancer reaches every instance: content, pages and search", async ({ request }) => {
  editStory(fleet.content, "harbour-fish-market-reopens", (s) => s.replace("title: Harbour Fish Market Reopens", "title: Harbour Fish Market Reopens to Zebrafinch Crowds"));
  const response = await revalidate(request, LB);
  expect(response.status()).toBe(200);
  expect((await response.json()).fleet).toMatchObject({ instances: 2, reached: 2 });
  for (const i of [0, 1]) {
    expect(await headline(request, instance(i).address)).toBe("Harbour Fish Market Reopens to Zebrafinch Crowds");
    expect(await (await request.get(`${instance(i).address}/search?q=zebrafinch`)).text()).toContain(STORY);
  }
});

test("the desk behind the load balancer: failed sign-ins count for the fleet, and signing out ends the session on every instance", async ({ request }) => {
  const post = (origin: string, p: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    request.post(origin + p, { form, maxRedirects: 0, headers: { origin, "sec-fetch-site": "same-origin", ...headers } });
  // One reader behind the balancer (it appends the address it saw), trying both instances in turn.
  const reader = { "x-forwarded-for": "198.51.100.77" };
  for (let i = 0; i < 5; i++) expect((await post(instance(i % 2).address, "/desk/sign-in", { secret: `wrong-${i}` }, reader)).status()).toBe(401);
  for (const i of [0, 1]) expect((await post(instance(i).address, "/desk/sign-in", { secret: PREVIEW_SECRET }, reader)).status()).toBe(429);

  const session = sessionValue();
  const signedIn = async (i: number) => (await (await request.get(`${instance(i).address}/desk`, { headers: sessionHeader(session) })).text()).includes("Sign out");
  expect(await signedIn(1)).toBe(true);
  const csrf = await csrfOf(request, `${instance(0).address}/desk`, session);
  expect((await post(instance(0).address, "/desk/sign-out", { csrf }, sessionHeader(session))).status()).toBe(303);
  // A copy of the cookie no longer works on the other instance either.
  expect(await signedIn(1)).toBe(false);
});

test("a scheduled story goes public on every instance within 10 s of its time, revalidated by one instance", async ({ request }) => {
  test.setTimeout(90_000);
  const due = new Date(Math.ceil((Date.now() + 15_000) / 1000) * 1000);
  const source = fs.readFileSync(path.join(fleet.content, "articles", "harbour-fish-market-reopens.md"), "utf8");
  fs.writeFileSync(
    path.join(fleet.content, "articles", "fleet-scheduled-story.md"),
    source
      .replace(/^title: .*$/m, "title: Fleet Scheduled Story Goes Out")
      .replace(/^publishedAt: .*$/m, `publishedAt: ${due.toISOString().replace(".000", "")}`)
      .replace(/^corrections:[\s\S]*?(?=^---)/m, ""),
  );
  expect((await revalidate(request, LB)).status()).toBe(200);
  const address = "/world/fleet-scheduled-story";
  for (const i of [0, 1]) expect((await request.get(instance(i).address + address)).status()).toBe(404);
  const before = Number(await contentVersion());

  await new Promise((r) => setTimeout(r, Math.max(0, due.getTime() - Date.now())));
  // Its page and the front page of every instance, within 10 s of its time.
  for (const i of [0, 1]) {
    for (const p of [address, "/"]) {
      await expect
        .poll(async () => {
          const response = await request.get(instance(i).address + p);
          return response.status() === 200 && (p === address || (await response.text()).includes(address));
        }, { timeout: 10_000, intervals: [250] })
        .toBe(true);
      expect(Date.now() - due.getTime(), `${instance(i).name} ${p}`).toBeLessThan(10_000);
    }
  }
  // One revalidation for the fleet: the content version moves once (and stays), one instance holds the claim.
  await expect.poll(async () => Number(await contentVersion()), { timeout: 10_000 }).toBe(before + 1);
  await new Promise((r) => setTimeout(r, 2_000));
  expect(Number(await contentVersion())).toBe(before + 1);
  expect(await withRedis(redisUrl(), (c) => c.get(`ibn:claims:publication:${due.toISOString()}`))).toMatch(/^instance-[12]$/);
});

test("Redis flushed while serving: pages regenerate, and a page seen in preview never enters the shared cache", async ({ request, playwright }) => {
  // The editor has their own cookies (Draft Mode's cookie would make every page of the host a preview).
  const editor = await playwright.request.newContext();
  const previewOn = async (i: number) => {
    const response = await editor.get(`${instance(i).address}/api/draft?secret=${PREVIEW_SECRET}&slug=${DRAFT.slug}`);
    expect(await response.text()).toContain(DRAFT.title);
  };
  try {
    await previewOn(0);
    await withRedis(redisUrl(), (c) => c.flushAll());
    for (const p of READERS) expect((await request.get(LB + p)).status(), p).toBe(200);
    expect(await inRedis(STORY)).toBe(true);
    // Preview again after the flush, on both instances, then look at everything Redis holds.
    await previewOn(0);
    await previewOn(1);
    for (const p of READERS) expect((await editor.get(LB + p)).status(), p).toBe(200);
    const stored = await redisText(redisUrl());
    expect(stored).toContain(STORY);
    for (const marker of LEAK_MARKERS) expect(stored).not.toContain(marker);
    expect(stored).not.toContain(DRAFT.slug);
  } finally {
    await editor.dispose();
  }
});

test("Redis stopped during a 30 s load: no failed request; 503 for a publish; Redis used again when it returns", async ({ request }) => {
  test.setTimeout(120_000);
  const pids = fleet.state().instances.map((i) => i.pid);
  const readers = load(LB, READERS, 30);
  await new Promise((r) => setTimeout(r, 5_000));
  await stopRedis();

  for (const i of [0, 1]) {
    const response = await request.get(`${instance(i).address}/api/health`);
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", redis: "down", cache: "file-system" });
  }
  // A publish cannot reach the fleet: said so with 503, and the instance that got it still reloads.
  editStory(fleet.content, "harbour-fish-market-reopens", (s) => s.replace(/^title: .*$/m, "title: Harbour Okapi Market"));
  const refused = await revalidate(request, instance(0).address);
  expect(refused.status()).toBe(503);
  expect((await refused.json()).error).toMatch(/Redis is unavailable.*Retry/);
  // At once, or — when a render of the old content was under way — once it is expired again (5 s).
  await expect.poll(() => headline(request, instance(0).address), { timeout: 8_000 }).toBe("Harbour Okapi Market");

  await new Promise((r) => setTimeout(r, 5_000));
  await restartRedis();
  const result = await readers;
  expect(result.failures, JSON.stringify(result.statuses)).toEqual([]);
  expect(result.requests).toBeGreaterThan(100);

  for (const i of [0, 1]) {
    await expect.poll(async () => (await health(request, instance(i).address)).cache, { timeout: 10_000 }).toBe("redis");
  }
  expect(fleet.state().instances.map((i) => i.pid)).toEqual(pids);
  // The pipeline's retry now reaches every instance.
  const retried = await revalidate(request, LB);
  expect(retried.status()).toBe(200);
  expect((await retried.json()).fleet).toMatchObject({ instances: 2, reached: 2 });
  expect(await headline(request, instance(1).address)).toBe("Harbour Okapi Market");
});

test("one instance killed with SIGKILL during a 30 s load: no failed request; it is started again", async ({ request }) => {
  test.setTimeout(120_000);
  const victim = instance(0).pid!;
  const readers = load(LB, READERS, 30);
  await new Promise((r) => setTimeout(r, 5_000));
  process.kill(victim, "SIGKILL");
  const result = await readers;
  expect(result.failures, JSON.stringify(result.statuses)).toEqual([]);
  expect(result.requests).toBeGreaterThan(100);
  await expect.poll(() => instance(0).pid, { timeout: 10_000 }).not.toBe(victim);
  await expect.poll(async () => (await request.get(`${instance(0).address}/api/health`).catch(() => null))?.status(), { timeout: 60_000 }).toBe(200);
});

test("one instance stopped with SIGTERM during a load drains: no failed request", async ({ request }) => {
  test.setTimeout(120_000);
  const stopped = instance(1).pid!;
  const readers = load(LB, READERS, 15);
  await new Promise((r) => setTimeout(r, 3_000));
  process.kill(stopped, "SIGTERM");
  const result = await readers;
  expect(result.failures, JSON.stringify(result.statuses)).toEqual([]);
  await expect.poll(async () => (await request.get(`${instance(1).address}/api/health`).catch(() => null))?.status(), { timeout: 60_000 }).toBe(200);
});

test("Redis down at an instance's start: it serves from its own cache and says so, then uses Redis when it comes, without a restart", async ({ request }) => {
  test.setTimeout(120_000);
  await stopRedis();
  const old = instance(0).pid!;
  process.kill(old, "SIGKILL");
  await expect.poll(() => instance(0).pid, { timeout: 10_000 }).not.toBe(old);
  await expect.poll(async () => (await request.get(`${instance(0).address}/api/health`).catch(() => null))?.status(), { timeout: 60_000 }).toBe(200);
  const started = instance(0).pid;
  expect(await health(request, instance(0).address)).toMatchObject({ status: "ok", cache: "file-system", redis: expect.stringMatching(/^(down|connecting)$/) });
  for (const p of READERS) expect((await request.get(instance(0).address + p)).status(), p).toBe(200);

  await restartRedis();
  await expect.poll(async () => (await health(request, instance(0).address)).redis, { timeout: 15_000 }).toBe("ready");
  expect(await health(request, instance(0).address)).toMatchObject({ cache: "redis" });
  expect(instance(0).pid).toBe(started);
  // It stores in Redis again.
  await request.get(`${instance(0).address}/topic/fishing`);
  await expect.poll(() => inRedis("/topic/fishing")).toBe(true);
});

test("stopping npm run cluster stops everything it started, and nothing else", async () => {
  const state = fleet.state();
  const started = [...state.instances.map((i) => i.pid), state.nginx.pid];
  expect(started.every(isAlive)).toBe(true);
  expect(await stopFleet(fleet)).toBe(0);
  expect(started.filter(isAlive)).toEqual([]);
  expect(await fetch(`${LB}/api/health`).then(() => "answered", () => "closed")).toBe("closed");
  // The Redis this test started is not the cluster's.
  expect(isAlive(ownRedis)).toBe(true);
});
