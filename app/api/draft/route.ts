import { draftMode } from "next/headers";
import { getArticle } from "@/lib/content";
import { configuredSecret, secretMatches } from "@/lib/publishing/secrets";

/*
 * Editors enter preview: GET /api/draft?secret=…&slug=…
 * The secret is checked in constant time against PREVIEW_SECRET; only then is
 * Draft Mode enabled, and the editor is sent to the story's canonical path as
 * found in the content — never to a URL taken from the request.
 */

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

function text(status: number, body: string): Response {
  return new Response(`${body}\n`, { status, headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET(request: Request): Promise<Response> {
  const expected = configuredSecret("PREVIEW_SECRET");
  if (!expected) return text(403, "Preview is disabled on this server: PREVIEW_SECRET is not set.");

  const params = new URL(request.url).searchParams;
  if (!secretMatches(params.get("secret"), expected)) return text(401, "Invalid preview secret.");

  const article = getArticle(params.get("slug") ?? "");
  if (!article) return text(404, "No story with that slug.");

  (await draftMode()).enable();
  return new Response(null, { status: 307, headers: { ...noStore, Location: article.path } });
}
