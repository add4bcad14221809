import type { Article } from "./content";
import { isPublic, isRetracted } from "./visibility";

/*
 * What the server does with a page request before Next.js routes it
 * (server.mjs, through lib/address-router.ts): send case and
 * trailing-slash variants and a story's old addresses (front-matter aliases)
 * to the one canonical address in a single permanent redirect, and answer a
 * retracted story's addresses with 410 Gone. Pure, so it is unit-tested with
 * an injected clock; the address router only supplies the corpus and the time.
 */

export type Decision =
  | { kind: "next" }
  | { kind: "redirect"; location: string }
  | { kind: "gone"; article: Article };

/** Old and current addresses of every story, indexed once per corpus. */
export type AddressIndex = Map<string, Article>;

export function addressIndex(articles: Article[]): AddressIndex {
  const index: AddressIndex = new Map();
  for (const article of articles) index.set(article.path, article);
  // A canonical address always wins over an alias (content checking rejects such clashes anyway).
  for (const article of articles) for (const alias of article.aliases) if (!index.has(alias)) index.set(alias, article);
  return index;
}

/**
 * The canonical form of a path: ASCII letters in lower case (percent escapes
 * are left as they are, so no redirect can loop on them), repeated slashes
 * collapsed and no trailing slash.
 *
 * @example
 * canonicalPath("/World/Some-Story/") // "/world/some-story"
 * canonicalPath("/")                  // "/"
 */
export function canonicalPath(pathname: string): string {
  const lowered = pathname.replace(/%[0-9A-Fa-f]{2}|[A-Z]+/g, (m) => (m.startsWith("%") ? m : m.toLowerCase()));
  const collapsed = lowered.replace(/\/{2,}/g, "/");
  return collapsed.length > 1 ? collapsed.replace(/\/+$/, "") : collapsed;
}

export function decide(pathname: string, search: string, index: AddressIndex, now: Date): Decision {
  const path = canonicalPath(pathname);
  const article = index.get(path);
  if (article && isRetracted(article, now)) return { kind: "gone", article };
  // Only a public story's old address redirects: a draft's or a scheduled story's must not reveal where it will be.
  const target = article && isPublic(article, now) ? article.path : path;
  return target === pathname ? { kind: "next" } : { kind: "redirect", location: target + search };
}
