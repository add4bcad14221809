import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { CLIENT_ADDRESS_HEADER } from "../../server/client-address.mjs";
import { SLUG_PATTERN } from "../content";
import { deskSignInPath } from "../paths";
import { csrfMatches, csrfToken, isCrossSite } from "./csrf";
import { deskKeys, type DeskKeys } from "./keys";
import { LINK_LIFETIMES } from "./share-links";
import { readSession, sessionEnded, SESSION_COOKIE, type Session } from "./session";

/*
 * Reading a desk request: who sent it (for the throttle), whether it came over
 * HTTPS (for the cookie's Secure flag), its session, and its form fields,
 * parsed with zod. Route handlers pass the Request; pages ask next/headers.
 */

/** What every desk and shared-preview answer carries: for one browser only, never indexed. */
export const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow" } as const;

/**
 * The client's address, as the production server determined it (server/client-address.mjs:
 * the socket's peer, or what our own proxy saw); "unknown" where no such server is in front.
 *
 * @example
 * clientAddress(new Headers({ "x-ibn-client-address": "203.0.113.9" })) // "203.0.113.9"
 */
export function clientAddress(requestHeaders: Headers): string {
  return requestHeaders.get(CLIENT_ADDRESS_HEADER) || "unknown";
}

/** Whether the request reached the site over HTTPS: the first X-Forwarded-Proto, else the URL's scheme. */
export function isHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded ? forwarded === "https" : new URL(request.url).protocol === "https:";
}

/** The session cookie's value in a Cookie header. */
export function sessionCookieValue(cookieHeader: string | null): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return value.join("=");
  }
  return undefined;
}

/** Whether a POST says it was sent from another site (csrf.ts isCrossSite). */
export function postIsCrossSite(request: Request): boolean {
  const h = request.headers;
  return isCrossSite({ origin: h.get("origin"), host: h.get("x-forwarded-host") ?? h.get("host"), secFetchSite: h.get("sec-fetch-site") });
}

/** The session a route handler's request carries, if valid now. */
export async function requestSession(request: Request, keys: DeskKeys, now = new Date()): Promise<Session | undefined> {
  const session = readSession(keys.session, sessionCookieValue(request.headers.get("cookie")), now);
  return session && !(await sessionEnded(session)) ? session : undefined;
}

export type Editor = { session: Session; csrf: string; keys: DeskKeys };

/** The signed-in editor of the page being rendered, if any. */
export async function currentEditor(now = new Date()): Promise<Editor | undefined> {
  const keys = deskKeys();
  if (!keys) return undefined;
  const session = readSession(keys.session, (await cookies()).get(SESSION_COOKIE)?.value, now);
  return session && !(await sessionEnded(session)) ? { session, csrf: csrfToken(keys.csrf, session.id), keys } : undefined;
}

/** The signed-in editor, or a redirect to the sign-in form that returns to `here`. */
export async function requireEditor(here: string): Promise<Editor> {
  const editor = await currentEditor();
  if (!editor) redirect(deskSignInPath(here));
  return editor;
}

/** Whether a form's CSRF token belongs to the session. */
export function csrfValid(editor: { session: Session; keys: DeskKeys }, token: string | undefined): boolean {
  return csrfMatches(editor.keys.csrf, editor.session.id, token);
}

/** The host the page was requested on (for messages), as next/headers sees it. */
export async function requestHost(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-host") ?? h.get("host") ?? "";
}

const MAX_FORM_BYTES = 8 * 1024;

export const signInForm = z.object({ secret: z.string().max(1024), next: z.string().max(600).optional() });
export const signOutForm = z.object({ csrf: z.string().max(128) });
export const shareForm = z.object({
  csrf: z.string().max(128),
  slug: z.string().regex(SLUG_PATTERN).max(200),
  hours: z.coerce.number().refine((h) => LINK_LIFETIMES.some((l) => l.hours === h), "not a lifetime the desk offers"),
});

/**
 * A URL-encoded form body parsed with `schema`; undefined when the body is not
 * such a form, too long, or does not fit.
 */
export async function readForm<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T> | undefined> {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) return undefined;
  const body = await request.text();
  if (body.length > MAX_FORM_BYTES) return undefined;
  const result = schema.safeParse(Object.fromEntries(new URLSearchParams(body)));
  return result.success ? result.data : undefined;
}
