import type { APIRequestContext, BrowserContext } from "@playwright/test";
import { deriveDeskKeys } from "../../lib/desk/keys";
import { signSession, SESSION_COOKIE } from "../../lib/desk/session";
import { signPreviewLink } from "../../lib/desk/share-links";
import { FIXTURE_ORIGIN, PREVIEW_LINK_KEY, PREVIEW_SECRET } from "./origins";

/*
 * The desk from a test: session cookies signed the way the server signs them
 * (the same key derivation from PREVIEW_SECRET), so a test can make one that
 * expired 13 hours ago, and preview links signed with any key and expiry.
 */

/** A session cookie value as the fixture server would issue it at `issued` (default: now). */
export function sessionValue(issued = new Date(), secret = PREVIEW_SECRET): string {
  return signSession(deriveDeskKeys(secret).session, issued);
}

/** Puts a session cookie in a browser context, as the desk sets it (Path=/desk, HttpOnly, Lax). */
export async function useSession(context: BrowserContext, value = sessionValue()): Promise<void> {
  const { hostname } = new URL(FIXTURE_ORIGIN);
  await context.addCookies([{ name: SESSION_COOKIE, value, domain: hostname, path: "/desk", httpOnly: true, sameSite: "Lax" }]);
}

/** The Cookie header of a session, for API requests. */
export const sessionHeader = (value = sessionValue()) => ({ cookie: `${SESSION_COOKIE}=${value}` });

/** A preview link's path for `slug`, signed with `key` (default: the fixture server's), expiring at `expires`. */
export function previewLink(slug: string, expires: Date, key = PREVIEW_LINK_KEY): string {
  return `/preview/${signPreviewLink(key, slug, expires)}`;
}

/** An hour from now. */
export const inAnHour = () => new Date(Date.now() + 3600_000);

/** A form post as a browser on the site itself sends it. */
export function postForm(request: APIRequestContext, path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return request.post(path, {
    form,
    maxRedirects: 0,
    headers: { origin: FIXTURE_ORIGIN, "sec-fetch-site": "same-origin", ...headers },
  });
}

/** The CSRF token of the desk page at `path` for a session (read from its forms). */
export async function csrfOf(request: APIRequestContext, path: string, session = sessionValue()): Promise<string> {
  const html = await (await request.get(path, { headers: sessionHeader(session) })).text();
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error(`no CSRF token on ${path}`);
  return token;
}
