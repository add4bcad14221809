import { draftMode } from "next/headers";
import { getArticle } from "@/lib/content";
import { HOME_PATH } from "@/lib/paths";

/*
 * Editors leave preview: /api/draft/exit?slug=… turns Draft Mode off and
 * returns to that story's canonical path (or the front page). POST is the
 * safe form; GET is kept so a plain link works without JavaScript.
 */

export const dynamic = "force-dynamic";

async function exit(request: Request): Promise<Response> {
  (await draftMode()).disable();
  const slug = new URL(request.url).searchParams.get("slug");
  const target = (slug && getArticle(slug)?.path) || HOME_PATH;
  return new Response(null, {
    status: 303,
    headers: { Location: target, "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" },
  });
}

export const GET = exit;
export const POST = exit;
