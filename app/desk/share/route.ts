import { getArticle, isPublic } from "@/lib/content";
import { deskKeys, linkKey } from "@/lib/desk/keys";
import { csrfValid, postIsCrossSite, PRIVATE_HEADERS, readForm, requestSession, shareForm } from "@/lib/desk/requests";
import { renderedPage } from "@/lib/desk/self-render";
import { signPreviewLink } from "@/lib/desk/share-links";
import { deskSignInPath, deskStoryPath } from "@/lib/paths";

/*
 * POST /desk/share (signed in, with the session's CSRF token): a preview link
 * for a story that is not public, valid for the hours chosen. 303 back to the
 * story's desk page, which shows the link.
 */

export const dynamic = "force-dynamic";

const back = (location: string) => new Response(null, { status: 303, headers: { ...PRIVATE_HEADERS, Location: location } });

export async function POST(request: Request): Promise<Response> {
  const keys = deskKeys();
  if (!keys) return renderedPage(deskSignInPath(undefined, "closed"), 403);
  if (postIsCrossSite(request)) return renderedPage(deskSignInPath(undefined, "forged"), 403);
  const session = await requestSession(request, keys);
  if (!session) return renderedPage(deskSignInPath(), 401);
  const form = await readForm(request, shareForm);
  if (!form || !csrfValid({ session, keys }, form.csrf)) return renderedPage(deskSignInPath(undefined, "forged"), 403);

  const article = getArticle(form.slug);
  if (!article) return new Response("No story with that slug.\n", { status: 404, headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
  const now = new Date();
  const key = linkKey();
  // The story's page says why there is no link: sharing is off, or the story is public.
  if (!key || isPublic(article, now)) return back(deskStoryPath(article.slug));
  const token = signPreviewLink(key, article.slug, new Date(now.getTime() + form.hours * 3600_000));
  return back(`${deskStoryPath(article.slug)}?${new URLSearchParams({ link: token })}`);
}
