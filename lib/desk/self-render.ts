import { randomBytes } from "node:crypto";
import { headers } from "next/headers";
import { processSingleton } from "../process-singleton.mjs";
import { secretMatches } from "../publishing/secrets";
import { selfOrigin } from "../publishing/self-origin";
import { PRIVATE_HEADERS } from "./requests";

/*
 * A page can answer only 200 or 404 (notFound()); a wrong secret must answer
 * 401, a throttled client 429, an expired link 410. So the route handler that
 * decides the status asks this server for the page that explains it (a plain
 * GET, without the client's cookies) and sends that page with its own status,
 * the way server/main.mjs fetches its own error pages. The page is rendered
 * by the same components as every other, without the framework's runtime.
 */

/** The header, and this process's token in it, that mark a request as this server asking itself. */
const INTERNAL_HEADER = "x-ibn-internal-render";
const internalToken = () => processSingleton("internalRenderToken", () => randomBytes(32).toString("hex"));

/**
 * Whether the page being rendered was asked for by renderedPage, not by a
 * reader: a page only a route handler may send (a shared link's view) answers
 * 404 to anyone else, so its address is never a second way in.
 */
export async function isInternalRender(): Promise<boolean> {
  return secretMatches((await headers()).get(INTERNAL_HEADER), internalToken());
}

/** The page at `path` of this server, sent with `status` and the private headers. */
export async function renderedPage(path: string, status: number, extra: Record<string, string> = {}): Promise<Response> {
  const headers = { ...PRIVATE_HEADERS, ...extra };
  try {
    const page = await fetch(`${selfOrigin()}${path}`, { cache: "no-store", redirect: "manual", headers: { [INTERNAL_HEADER]: internalToken() } });
    if (page.ok && (page.headers.get("content-type") ?? "").startsWith("text/html")) {
      return new Response(await page.text(), { status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
    }
    console.error(`desk: ${path} answered ${page.status} when rendered for a ${status}`);
  } catch (err) {
    console.error(`desk: could not render ${path} for a ${status}`, err);
  }
  return new Response(`Error ${status}.\n`, { status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}
