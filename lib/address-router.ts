import { getCorpus, type Corpus } from "./content";
import { addressIndex, decide, type AddressIndex } from "./routing";

/*
 * The production server (server.mjs) asks this, before Next.js routes a page
 * request, what to do with its address: pass it, redirect it (308) to the
 * canonical address, or answer 410 Gone for a retracted story. It runs in the
 * server's own process, so it reads the same in-memory corpus the pages read
 * (lib/content.ts), including a corpus reloaded by /api/revalidate.
 *
 * Why not Next.js's proxy (middleware): it runs for every page request,
 * including the prerendered ones it never changes, and on this machine it
 * cost about a third of the article page's throughput (332 → 536 req/s
 * without it, autocannon -c 20, gzip, A B A B). Here the decision is a map
 * lookup on the same path.
 *
 * instrumentation.ts publishes it on globalThis when the server starts;
 * server.mjs calls it (plain JavaScript outside the bundle cannot import it).
 */

/** What server.mjs does with a page request. */
export type RouteDecision = { kind: "next" } | { kind: "redirect"; location: string } | { kind: "gone"; slug: string };

export type AddressRouter = (pathname: string, search: string) => RouteDecision;

/** The globalThis key server.mjs reads (Symbol.for: the same symbol in every module graph). */
export const ADDRESS_ROUTER = Symbol.for("interbellumnews.addressRouter");

let indexed: { corpus: Corpus; index: AddressIndex } | undefined;

function index(): AddressIndex {
  const corpus = getCorpus();
  if (indexed?.corpus !== corpus) indexed = { corpus, index: addressIndex(corpus.articles) };
  return indexed.index;
}

/** The decision for one page request, at `now`. */
export function routeAddress(pathname: string, search: string, now = new Date()): RouteDecision {
  const decision = decide(pathname, search, index(), now);
  return decision.kind === "gone" ? { kind: "gone", slug: decision.article.slug } : decision;
}

/** Makes `routeAddress` available to server.mjs, and loads the corpus now rather than on a reader's request. */
export function publishAddressRouter() {
  try {
    index();
  } catch (err) {
    // The pages will report a corpus that cannot be read; the router tries again on each request.
    console.error(err);
  }
  (globalThis as { [ADDRESS_ROUTER]?: AddressRouter })[ADDRESS_ROUTER] = (pathname, search) => routeAddress(pathname, search);
}
