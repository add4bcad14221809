import { createHmac, timingSafeEqual } from "node:crypto";
import { SLUG_PATTERN } from "../content";

/*
 * Preview links: `/preview/<slug>.<expiry>.<signature>`, the signature an
 * HMAC-SHA256 over the story's slug and the expiry (seconds since 1970) with
 * PREVIEW_LINK_KEY. Nothing is stored: the link is valid while its signature
 * checks and its time has not run out, for that one story. A new key makes
 * every earlier signature wrong, so rotating it revokes every link. Hex, not
 * base64: the server sends a path with capitals to its lower-case form.
 */

/** How long a link may live, as the desk offers it. */
export const LINK_LIFETIMES = [
  { hours: 1, label: "1 hour" },
  { hours: 6, label: "6 hours" },
  { hours: 24, label: "1 day" },
  { hours: 72, label: "3 days" },
  { hours: 168, label: "7 days" },
] as const;
export type LinkHours = (typeof LINK_LIFETIMES)[number]["hours"];

const signature = (key: string, slug: string, expires: number) =>
  createHmac("sha256", key).update(`interbellumnews preview link\n${slug}\n${expires}`).digest("hex");

/**
 * The token of a link to `slug` that expires at `expires`.
 *
 * @example
 * signPreviewLink("key", "a-story", new Date("2026-01-01T00:00:00Z")) // "a-story.1767225600.<64 hex digits>"
 */
export function signPreviewLink(key: string, slug: string, expires: Date): string {
  const seconds = Math.floor(expires.getTime() / 1000);
  return `${slug}.${seconds}.${signature(key, slug, seconds)}`;
}

export type LinkCheck = { ok: true; slug: string; expires: Date } | { ok: false; reason: "invalid" | "expired"; expires?: Date };

/**
 * What a link's token grants at `now`: its story, or why not. The signature is
 * checked first, so an altered expiry or slug is "invalid", never "expired".
 *
 * @example
 * verifyPreviewLink("key", signPreviewLink("key", "a-story", later), now) // { ok: true, slug: "a-story", expires: later }
 * verifyPreviewLink("other-key", signPreviewLink("key", "a-story", later), now) // { ok: false, reason: "invalid" }
 */
export function verifyPreviewLink(key: string, token: string, now: Date): LinkCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "invalid" };
  const [slug, seconds, given] = parts as [string, string, string];
  if (!SLUG_PATTERN.test(slug) || !/^\d{1,12}$/.test(seconds)) return { ok: false, reason: "invalid" };
  const expected = Buffer.from(signature(key, slug, Number(seconds)));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: "invalid" };
  const expires = new Date(Number(seconds) * 1000);
  return expires.getTime() > now.getTime() ? { ok: true, slug, expires } : { ok: false, reason: "expired", expires };
}

export type SharedStory<A> =
  | { kind: "story"; article: A; expires: Date }
  | { kind: "public"; article: A }
  | { kind: "expired" | "invalid" | "disabled" | "missing" };

/**
 * What a shared link shows at `now`: its story (only while it is not public),
 * or why not. `find` looks a slug up, `isPublic` is the one visibility rule.
 */
export function resolveSharedLink<A>(
  key: string | undefined,
  token: string,
  now: Date,
  find: (slug: string) => A | undefined,
  isPublic: (article: A, now: Date) => boolean,
): SharedStory<A> {
  if (!key) return { kind: "disabled" };
  const check = verifyPreviewLink(key, token, now);
  if (!check.ok) return { kind: check.reason };
  const article = find(check.slug);
  if (!article) return { kind: "missing" };
  return isPublic(article, now) ? { kind: "public", article } : { kind: "story", article, expires: check.expires };
}

/** The status a shared link answers with, by what it shows. */
export const SHARED_LINK_STATUS = { story: 200, public: 303, expired: 410, invalid: 401, disabled: 403, missing: 404 } as const;
