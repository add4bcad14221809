import { getCorpus } from "@/lib/content";

/*
 * GET /api/health for load balancers and process managers: 200 once the
 * server answers and its content is loaded, 503 while it is shutting down
 * (server/main.mjs answers that itself). Says nothing about the content or the
 * build, and is never cached.
 */

export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

export function GET(): Response {
  try {
    // Loaded once per process; after that this is a property read.
    getCorpus();
  } catch {
    return Response.json({ status: "error" }, { status: 503, headers });
  }
  return Response.json({ status: "ok" }, { headers });
}

export const HEAD = GET;
