import { getCorpus, isPublic, isRetracted, type Article } from "../content";
import { addressRouterSlot, type AddressDecision } from "../../server/address-contract.mjs";

/*
 * What the production server does with a page request before Next.js routes
 * it: send case and trailing-slash variants and a story's old addresses
 * (front-matter aliases) to the one canonical address in a single permanent
 * redirect, and answer a retracted story's addresses with 410 Gone. `decide`
 * is pure and unit-tested with an injected clock; `publishAddressRouter`
 * hands the server a router over the live corpus, so a reload by
 * /api/revalidate applies at once. Why the server and not Next.js's proxy:
 * docs/decisions/0001-address-routing-in-the-server.md.
 */

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

/**
 * @example
 * decide("/World/Some-Story/", "?x=1", index, now) // { kind: "redirect", location: "/world/some-story?x=1" }
 */
export function decide(pathname: string, search: string, index: AddressIndex, now: Date): AddressDecision {
  const path = canonicalPath(pathname);
  const article = index.get(path);
  if (article && isRetracted(article, now)) return { kind: "gone", slug: article.slug };
  // Only a public story's old address redirects: a draft's or a scheduled story's must not reveal where it will be.
  const target = article && isPublic(article, now) ? article.path : path;
  return target === pathname ? { kind: "next" } : { kind: "redirect", location: target + search };
}

/** The corpus in service keeps every story's addresses, changed in place by a publish. */
function liveIndex(): AddressIndex {
  return getCorpus().byPath;
}

/**
 * Makes the router available to the server. It asks for the corpus on each
 * request; the server asks for none before the corpus is in service (it
 * answers 503 until then: server/content-ready.mjs).
 */
export function publishAddressRouter() {
  addressRouterSlot.set((pathname, search) => decide(pathname, search, liveIndex(), new Date()));
}
