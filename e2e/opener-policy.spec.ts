import { expect, test, type Page } from "@playwright/test";
import { inAnHour, previewLink, useSession } from "./helpers/desk";
import { DRAFT } from "./helpers/markers";
import { FIXTURE_ORIGIN, PREVIEW_SECRET } from "./helpers/origins";
import { SEED } from "./helpers/seed";

/*
 * Cross-Origin-Opener-Policy, as a browser applies it (docs/decisions/0009-opener-policy-on-editors-pages-only.md):
 * a window of another origin that opens one of an editor's pages (the desk, a shared preview, a page in
 * Draft Mode) loses its handle on it; a reader's page, the same for everyone, stays an ordinary
 * window.
 */

type Opened = { openerSeesItClosed: boolean; itSeesAnOpener: boolean; coop: string | undefined };

/** Opens `url` with window.open from a blank page (another origin, no policy) and asks both windows. */
async function openFromElsewhere(page: Page, url: string): Promise<Opened> {
  const popupOpened = page.context().waitForEvent("page");
  const response = page.context().waitForEvent("response", (r) => r.url() === url);
  await page.evaluate((target) => {
    (window as unknown as { opened: Window | null }).opened = window.open(target);
  }, url);
  const popup = await popupOpened;
  const coop = (await response).headers()["cross-origin-opener-policy"];
  await popup.waitForLoadState("load");
  await expect(popup).toHaveURL(url);
  const itSeesAnOpener = await popup.evaluate(() => window.opener !== null);
  const openerSeesItClosed = await page.evaluate(() => (window as unknown as { opened: Window | null }).opened?.closed ?? true);
  await popup.close();
  return { openerSeesItClosed, itSeesAnOpener, coop };
}

test.describe("a reader's page", () => {
  for (const [name, path] of [
    ["front page", "/"],
    ["article", SEED.path],
    ["section front", "/world"],
    ["search", "/search?q=russia"],
  ] as const) {
    test(`${name} sends no opener policy, so a phone need not start a new process for it`, async ({ page, baseURL }) => {
      const opened = await openFromElsewhere(page, `${baseURL}${path}`);
      expect(opened.coop).toBeUndefined();
      expect(opened.itSeesAnOpener).toBe(true);
      expect(opened.openerSeesItClosed).toBe(false);
    });
  }
});

test.describe("an editor's page: the window that opened it loses its handle", () => {
  test("the desk, signed out (its sign-in form) and signed in", async ({ page }) => {
    const editorsPage = { coop: "same-origin", itSeesAnOpener: false, openerSeesItClosed: true };
    expect(await openFromElsewhere(page, `${FIXTURE_ORIGIN}/desk`), "signed out").toEqual(editorsPage);
    await useSession(page.context());
    expect(await openFromElsewhere(page, `${FIXTURE_ORIGIN}/desk/story/${DRAFT.slug}`), "signed in").toEqual(editorsPage);
  });

  test("a shared preview link's page", async ({ page }) => {
    const opened = await openFromElsewhere(page, `${FIXTURE_ORIGIN}${previewLink(DRAFT.slug, inAnHour())}`);
    expect(opened).toEqual({ coop: "same-origin", itSeesAnOpener: false, openerSeesItClosed: true });
  });

  test("a reader's page seen in Draft Mode, and the same page again after leaving it", async ({ page }) => {
    const preview = await page.context().newPage();
    await preview.goto(`${FIXTURE_ORIGIN}/api/draft?secret=${PREVIEW_SECRET}&slug=${DRAFT.slug}`);
    await expect(preview.getByRole("region", { name: "Preview" })).toBeVisible();
    for (const path of [DRAFT.path, "/"]) {
      expect(await openFromElsewhere(page, `${FIXTURE_ORIGIN}${path}`), path).toEqual({ coop: "same-origin", itSeesAnOpener: false, openerSeesItClosed: true });
    }
    await preview.getByRole("link", { name: "Exit preview" }).click();
    await expect(preview.getByRole("region", { name: "Preview" })).toHaveCount(0);
    expect(await openFromElsewhere(page, `${FIXTURE_ORIGIN}/`)).toEqual({ coop: undefined, itSeesAnOpener: true, openerSeesItClosed: false });
  });
});
