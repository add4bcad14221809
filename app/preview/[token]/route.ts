import { getArticle, isPublic } from "@/lib/content";
import { linkKey } from "@/lib/desk/keys";
import { PRIVATE_HEADERS } from "@/lib/desk/requests";
import { renderedPage } from "@/lib/desk/self-render";
import { resolveSharedLink, SHARED_LINK_STATUS } from "@/lib/desk/share-links";
import { previewLinkViewPath } from "@/lib/paths";

/*
 * GET /preview/<token>: a shared preview link. Its one story in preview (200),
 * or a page saying why not: expired 410, altered or signed with another key
 * 401, sharing switched off 403, no such story 404; a story public by now
 * sends the reader to its address (303). The page itself is rendered by
 * ./view, which checks the token again; no Draft Mode, no cookie, nothing
 * cached.
 */

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const shared = resolveSharedLink(linkKey(), token, new Date(), getArticle, isPublic);
  if (shared.kind === "public") return new Response(null, { status: 303, headers: { ...PRIVATE_HEADERS, Location: shared.article.path } });
  return renderedPage(previewLinkViewPath(token), SHARED_LINK_STATUS[shared.kind]);
}
