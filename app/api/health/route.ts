import { contentLoaded } from "@/lib/publishing/revalidation";
import { fleetSlot, type FleetStatus } from "@/server/fleet-contract.mjs";

/*
 * GET /api/health for load balancers and process managers: 200 once the
 * server answers and its content is loaded, 503 while it is shutting down
 * (server/main.mjs answers that itself). It names the instance and says which
 * page cache it uses: in a fleet, Redis's state — still 200 when Redis is down,
 * since the instance serves from its own cache. Never cached.
 */

export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

function status(): FleetStatus {
  return (
    fleetSlot.get()?.status() ?? {
      // server/main.mjs names the instance (INSTANCE_NAME, else host:port).
      instance: process.env.INSTANCE_NAME ?? "",
      redis: "not configured",
      cache: "file-system",
      contentVersion: null,
    }
  );
}

export function GET(): Response {
  if (!contentLoaded()) return Response.json({ status: "error", ...status() }, { status: 503, headers });
  return Response.json({ status: "ok", ...status() }, { headers });
}

export const HEAD = GET;
