import { NextResponse, type NextRequest } from "next/server";
import { getCorpus, type Corpus } from "@/lib/content";
import { addressIndex, decide, type AddressIndex } from "@/lib/routing";
import { RETRACTED_HEADER } from "@/lib/routing-headers";

/*
 * Runs before every page (Node.js runtime): one permanent redirect from any
 * case or trailing-slash variant, or an old address of a story, to the
 * canonical address; 410 Gone for a retracted story. lib/routing.ts decides.
 */

let indexed: { corpus: Corpus; index: AddressIndex } | undefined;

function index(): AddressIndex {
  const corpus = getCorpus();
  if (indexed?.corpus !== corpus) indexed = { corpus, index: addressIndex(corpus.articles) };
  return indexed.index;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const decision = decide(pathname, search, index(), new Date());
  if (decision.kind === "redirect") {
    return NextResponse.redirect(new URL(decision.location, request.url), 308);
  }
  if (decision.kind === "gone") {
    // The note page (app/gone/[slug]) renders in the site's layout; the status travels with the rewrite.
    const headers = new Headers(request.headers);
    headers.set(RETRACTED_HEADER, decision.article.slug);
    return NextResponse.rewrite(new URL(`/gone/${decision.article.slug}`, request.url), {
      status: 410,
      request: { headers },
    });
  }
  if (pathname.startsWith("/gone/")) {
    // Not an address of its own: the note exists only at the retracted story's addresses.
    const headers = new Headers(request.headers);
    headers.delete(RETRACTED_HEADER);
    return NextResponse.next({ request: { headers } });
  }
  return NextResponse.next();
}

export const config = {
  // Not the framework's files, the images or the API: only addresses readers and crawlers type.
  matcher: ["/((?!_next/|api/|images/).*)"],
};
