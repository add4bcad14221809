import { deskKeys } from "@/lib/desk/keys";
import { csrfValid, isHttps, postIsCrossSite, PRIVATE_HEADERS, readForm, requestSession, signOutForm } from "@/lib/desk/requests";
import { renderedPage } from "@/lib/desk/self-render";
import { clearedSessionCookie, endSession } from "@/lib/desk/session";
import { deskSignInPath } from "@/lib/paths";

/* POST /desk/sign-out (with the session's CSRF token): ends the session, 303 to the sign-in form. */

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const keys = deskKeys();
  if (!keys) return renderedPage(deskSignInPath(undefined, "closed"), 403);
  if (postIsCrossSite(request)) return renderedPage(deskSignInPath(undefined, "forged"), 403);
  const session = await requestSession(request, keys);
  const form = await readForm(request, signOutForm);
  if (session && !csrfValid({ session, keys }, form?.csrf)) return renderedPage(deskSignInPath(undefined, "forged"), 403);
  if (session) await endSession(session, new Date());
  return new Response(null, {
    status: 303,
    headers: { ...PRIVATE_HEADERS, Location: deskSignInPath(undefined, "signed-out"), "Set-Cookie": clearedSessionCookie(isHttps(request)) },
  });
}
