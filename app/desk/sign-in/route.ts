import { deskKeys } from "@/lib/desk/keys";
import { clientAddress, isHttps, postIsCrossSite, PRIVATE_HEADERS, readForm, signInForm } from "@/lib/desk/requests";
import { deskReturnAddress } from "@/lib/desk/return-address";
import { renderedPage } from "@/lib/desk/self-render";
import { sessionCookie, signSession } from "@/lib/desk/session";
import { signInFailed, signInThrottle, signInWait } from "@/lib/desk/throttle";
import { configuredSecret, secretMatches } from "@/lib/publishing/secrets";
import { deskSignInPath } from "@/lib/paths";

/*
 * POST /desk/sign-in: the newsroom secret (PREVIEW_SECRET) for a 12-hour
 * session. Right: 303 to the desk address asked for, with the session cookie.
 * Wrong: 401 and the form again; the sixth wrong try within a minute from one
 * client: 429 with Retry-After, right secret or not. From another site: 403.
 */

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const secret = configuredSecret("PREVIEW_SECRET");
  const keys = deskKeys();
  if (!secret || !keys) return renderedPage(deskSignInPath(undefined, "closed"), 403);
  if (postIsCrossSite(request)) return renderedPage(deskSignInPath(undefined, "forged"), 403);

  const form = await readForm(request, signInForm);
  const next = deskReturnAddress(form?.next);
  const client = clientAddress(request.headers);
  const now = Date.now();
  const wait = await signInWait(client, now);
  if (wait > 0) return renderedPage(deskSignInPath(next, "throttled"), 429, { "Retry-After": String(wait) });
  if (!form || !secretMatches(form.secret, secret)) {
    await signInFailed(client, now);
    return renderedPage(deskSignInPath(next, "wrong"), 401);
  }
  signInThrottle().succeed(client);
  return new Response(null, {
    status: 303,
    headers: { ...PRIVATE_HEADERS, Location: next, "Set-Cookie": sessionCookie(signSession(keys.session, new Date(now)), isHttps(request)) },
  });
}
