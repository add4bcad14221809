import { expect, test } from "@playwright/test";
import { csrfOf, postForm, sessionHeader, sessionValue, useSession } from "./helpers/desk";
import { DRAFT, SCHEDULED } from "./helpers/markers";
import { FIXTURE_ORIGIN, PREVIEW_SECRET, SITE_ORIGIN } from "./helpers/origins";

/*
 * The editors' desk on the fixture server (PREVIEW_SECRET and PREVIEW_LINK_KEY set):
 * sign-in, the session, its expiry, throttling, forged posts, return addresses.
 * Each test that fails sign-ins on purpose comes from an address of its own
 * (X-Forwarded-For), so the throttle counts it alone.
 */

test.use({ baseURL: FIXTURE_ORIGIN });

// The server keys the throttle by the last entry (what its proxy saw): unique to each call, across
// the workers running this file's tests in parallel (each its own process).
let client = 0;
const fromOwnAddress = () => ({ "x-forwarded-for": `198.51.100.${(client % 200) + 1}, 2001:db8::${process.pid.toString(16)}:${(++client).toString(16)}` });

const expectPrivate = (headers: Record<string, string>) => {
  expect(headers["cache-control"]).toMatch(/private/);
  expect(headers["cache-control"]).toMatch(/no-store/);
  expect(headers["x-robots-tag"]).toMatch(/noindex/);
};

test("signing in with the newsroom secret opens the desk for 12 hours, in a HttpOnly, Lax cookie for /desk only", async ({ page, context }) => {
  await context.setExtraHTTPHeaders(fromOwnAddress());
  const form = await page.goto("/desk");
  expect(form?.status()).toBe(200);
  expectPrivate(form!.headers());
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");

  await page.getByLabel("Newsroom secret").fill(PREVIEW_SECRET);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/desk/sign-in")),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  expect(answer.status()).toBe(303);
  await expect(page).toHaveURL(`${FIXTURE_ORIGIN}/desk`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What is coming");

  const [cookie] = (await context.cookies()).filter((c) => c.name === "desk_session");
  expect(cookie).toMatchObject({ path: "/desk", httpOnly: true, sameSite: "Lax", secure: false });
  const hours = (cookie!.expires * 1000 - Date.now()) / 3600_000;
  expect(hours).toBeGreaterThan(11.9);
  expect(hours).toBeLessThanOrEqual(12);

  const drafts = page.getByRole("region", { name: /^Drafts/ });
  await expect(drafts.getByRole("link", { name: DRAFT.title })).toBeVisible();
  const scheduled = page.getByRole("region", { name: /^Scheduled/ });
  await expect(scheduled.getByRole("link", { name: SCHEDULED.title })).toBeVisible();
  await expect(scheduled).toContainText("Goes out 1 January 2099");
  await expect(scheduled).toContainText(/in \d+ days/);
  await expect(page.getByRole("region", { name: /^Retracted/ })).toContainText("Election Result Misreported");
  await expect(page.getByRole("region", { name: /^Published in the last 48 hours/ })).toBeVisible();
});

test("a wrong secret answers 401 with the form again, and no cookie", async ({ request }) => {
  const response = await postForm(request, "/desk/sign-in", { secret: "not-the-secret", next: "/desk" }, fromOwnAddress());
  expect(response.status()).toBe(401);
  expectPrivate(response.headers());
  expect(response.headers()["set-cookie"]).toBeUndefined();
  const html = await response.text();
  expect(html).toContain("That is not the newsroom secret.");
  expect(html).toContain('name="secret"');
  expect(html).toContain('action="/desk/sign-in"');
});

test("the sixth try within a minute from one client is 429 with Retry-After, even with the right secret", async ({ request }) => {
  const address = fromOwnAddress();
  for (let i = 0; i < 5; i++) expect((await postForm(request, "/desk/sign-in", { secret: `wrong-${i}` }, address)).status()).toBe(401);
  const throttled = await postForm(request, "/desk/sign-in", { secret: PREVIEW_SECRET }, address);
  expect(throttled.status()).toBe(429);
  const wait = Number(throttled.headers()["retry-after"]);
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(60);
  expect(throttled.headers()["set-cookie"]).toBeUndefined();
  expect(await throttled.text()).toContain("Too many wrong attempts");
  // Another client is not held up.
  expect((await postForm(request, "/desk/sign-in", { secret: PREVIEW_SECRET }, fromOwnAddress())).status()).toBe(303);
});

test("a session expires after 12 hours by the time signed into it, whatever the cookie says", async ({ request }) => {
  const lists = async (value: string) => (await (await request.get("/desk", { headers: sessionHeader(value) })).text()).includes("What is coming");
  expect(await lists(sessionValue(new Date(Date.now() - 11 * 3600_000)))).toBe(true);
  expect(await lists(sessionValue(new Date(Date.now() - 12 * 3600_000 - 60_000)))).toBe(false);
  // The expiry is part of what is signed: writing a later one in breaks the signature.
  const [v, expires, id, mac] = sessionValue(new Date(Date.now() - 13 * 3600_000)).split(".");
  expect(await lists([v, Number(expires) + 86_400, id, mac].join("."))).toBe(false);
  // Signed with another secret (PREVIEW_SECRET changed): no session.
  expect(await lists(sessionValue(new Date(), "an-old-secret"))).toBe(false);
});

test("forged posts are refused with 403: no or a wrong CSRF token, another site's Origin or fetch metadata", async ({ request }) => {
  const session = sessionValue();
  const csrf = await csrfOf(request, `/desk/story/${DRAFT.slug}`, session);
  const share = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    postForm(request, "/desk/share", { slug: DRAFT.slug, hours: "1", ...form }, { ...sessionHeader(session), ...headers });

  expect((await share({ csrf })).status()).toBe(303);
  expect((await share({})).status()).toBe(403);
  expect((await share({ csrf: csrf.slice(0, -2) + "AA" })).status()).toBe(403);
  expect((await share({ csrf: await csrfOf(request, "/desk", sessionValue()) })).status()).toBe(403); // another session's token
  expect((await share({ csrf }, { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).status()).toBe(403);
  expect((await share({ csrf }, { origin: "https://evil.example", "sec-fetch-site": "" })).status()).toBe(403);
  expect((await share({ csrf }, { origin: "null" })).status()).toBe(403);
  expect((await postForm(request, "/desk/sign-out", {}, sessionHeader(session))).status()).toBe(403);
  expect((await postForm(request, "/desk/sign-in", { secret: PREVIEW_SECRET }, { origin: "https://evil.example", ...fromOwnAddress() })).status()).toBe(403);
  // None of it signed the editor out.
  expect(await (await request.get("/desk", { headers: sessionHeader(session) })).text()).toContain("What is coming");
});

test("sign-in returns to the desk page asked for, and never off the desk", async ({ request }) => {
  const signIn = (next: string) => postForm(request, "/desk/sign-in", { secret: PREVIEW_SECRET, next }, fromOwnAddress());
  expect((await signIn(`/desk/story/${DRAFT.slug}`)).headers().location).toBe(`/desk/story/${DRAFT.slug}`);
  for (const next of ["//evil.example", "https://evil.example/desk", "/desk/../api/revalidate", "/desk/%2e%2e/x", "/\\evil.example", "%2F%2Fevil.example", "/world"]) {
    const response = await signIn(next);
    expect(response.status(), next).toBe(303);
    expect(response.headers().location, next).toBe("/desk");
  }
});

test("a desk page asks a signed-out editor to sign in and comes back to it", async ({ page, context }) => {
  await context.setExtraHTTPHeaders(fromOwnAddress());
  await page.goto(`/desk/story/${DRAFT.slug}`);
  await expect(page).toHaveURL(`${FIXTURE_ORIGIN}/desk?next=%2Fdesk%2Fstory%2F${DRAFT.slug}`);
  await page.getByLabel("Newsroom secret").fill(PREVIEW_SECRET);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${FIXTURE_ORIGIN}/desk/story/${DRAFT.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DRAFT.title);
});

test("signing out ends the session, for a copy of the cookie too", async ({ page, context, request }) => {
  const value = sessionValue();
  await useSession(context, value);
  await page.goto("/desk");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/desk\?problem=signed-out$/);
  await expect(page.getByRole("status")).toHaveText("You are signed out.");
  expect((await context.cookies()).filter((c) => c.name === "desk_session")).toEqual([]);
  expect(await (await request.get("/desk", { headers: sessionHeader(value) })).text()).not.toContain("What is coming");
});

test("a story's desk page: state, problems, reach, every surface, its share card and its article preview", async ({ page, context }) => {
  await useSession(context);
  const response = await page.goto(`/desk/story/${SCHEDULED.slug}`);
  expectPrivate(response!.headers());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SCHEDULED.title);
  await expect(page.getByText(/Scheduled: goes out 1 January 2099/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Content problems" })).toContainText("None.");
  await expect(page.getByRole("region", { name: "Reach" })).toBeVisible();

  const front = page.getByRole("region", { name: "Front page" });
  await expect(front.getByRole("heading", { level: 2 })).toHaveText(SCHEDULED.title);
  await expect(front.getByRole("article")).toHaveCount(5); // the lead and four current top stories
  await expect(page.getByRole("region", { name: /^Section front/ }).getByRole("heading", { level: 2 }).first()).toHaveText(SCHEDULED.title);
  await expect(page.getByRole("region", { name: "Site search" })).toContainText(SCHEDULED.title);
  const google = page.getByRole("region", { name: "Google result" });
  await expect(google).toContainText(`${SCHEDULED.title} | Inter Bellum News`);
  await expect(google).toContainText("interbellumnews.com › culture › scheduled-marker-story");

  const card = page.getByRole("img", { name: `Share card: ${SCHEDULED.title}` });
  await expect(card).toBeVisible();
  expect(await card.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1200);
  const png = await page.request.get(`/desk/story/${SCHEDULED.slug}/card.png`);
  expect(png.headers()["content-type"]).toBe("image/png");
  expectPrivate(png.headers());
  expect((await page.request.get(`${FIXTURE_ORIGIN}/desk/story/${SCHEDULED.slug}/card.png`, { headers: { cookie: "" } })).status()).toBe(401);

  await page.getByRole("link", { name: "Open the article preview" }).click();
  await expect(page.getByRole("region", { name: "Preview" })).toContainText("Scheduled: goes public on 1 January 2099");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SCHEDULED.title);
  // The desk unlocks only its own pages: the story's public address is still a 404, and no Draft Mode cookie was set.
  expect((await page.goto(SCHEDULED.path))?.status()).toBe(404);
  expect((await context.cookies()).map((c) => c.name)).not.toContain("__prerender_bypass");
});

test("where PREVIEW_SECRET is unset the desk is closed, and says so", async ({ request }) => {
  const page = await request.get(`${SITE_ORIGIN}/desk`);
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain("The desk is closed on this server");
  expect((await postForm(request, `${SITE_ORIGIN}/desk/sign-in`, { secret: "anything" }, { origin: SITE_ORIGIN })).status()).toBe(403);
});

test("robots.txt keeps crawlers off the desk and shared previews, and no other method reaches them", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Disallow: /desk");
  expect(robots).toContain("Disallow: /preview/");
  expect((await request.fetch("/desk/sign-in", { method: "PUT" })).status()).toBe(405);
  expect((await request.get("/desk/sign-in")).status()).toBe(405);
});
