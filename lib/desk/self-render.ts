import { PRIVATE_HEADERS } from "./requests";

/*
 * A page can answer only 200 or 404 (notFound()); a wrong secret must answer
 * 401, a throttled client 429, an expired link 410. So the route handler that
 * decides the status asks this server for the page that explains it (a plain
 * GET, without the client's cookies) and sends that page with its own status,
 * the way server/main.mjs fetches its own error pages. The page is rendered
 * by the same components as every other, without the framework's runtime.
 */

/** This server, as the publication timer reaches it (lib/publishing/publication-timer.ts). */
function selfOrigin(): string {
  return process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}

/** The page at `path` of this server, sent with `status` and the private headers. */
export async function renderedPage(path: string, status: number, extra: Record<string, string> = {}): Promise<Response> {
  const headers = { ...PRIVATE_HEADERS, ...extra };
  try {
    const page = await fetch(`${selfOrigin()}${path}`, { cache: "no-store", redirect: "manual" });
    if (page.ok && (page.headers.get("content-type") ?? "").startsWith("text/html")) {
      return new Response(await page.text(), { status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
    }
    console.error(`desk: ${path} answered ${page.status} when rendered for a ${status}`);
  } catch (err) {
    console.error(`desk: could not render ${path} for a ${status}`, err);
  }
  return new Response(`Error ${status}.\n`, { status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}
