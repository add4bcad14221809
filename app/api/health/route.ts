import { contentReady } from "@/lib/content";
import { configuredSecret, secretMatches } from "@/lib/publishing/secrets";
import { eventLoopSlot, type EventLoopDelay } from "@/server/event-loop.mjs";
import { fleetSlot, type FleetStatus } from "@/server/fleet-contract.mjs";

/*
 * GET /api/health for load balancers and process managers: 200 once the
 * server answers and its content is loaded, 503 while it is shutting down
 * (server/main.mjs answers that itself). It names the instance and says which
 * page cache it uses: in a fleet, Redis's state — still 200 when Redis is down,
 * since the instance serves from its own cache. It reports the event loop's
 * longest delay since the last reset (server/event-loop.mjs); a request
 * carrying the revalidation secret (`Authorization: Bearer …`) resets it after
 * reading, so a benchmark can measure one publish. Never cached.
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

/** The event-loop delay, reset after reading for a holder of the revalidation secret only. */
function eventLoop(request: Request): { eventLoop?: EventLoopDelay } {
  const monitor = eventLoopSlot.get();
  if (!monitor) return {};
  const delay = monitor.read();
  const expected = configuredSecret("REVALIDATE_SECRET");
  const header = request.headers.get("authorization") ?? "";
  if (expected && header.startsWith("Bearer ") && secretMatches(header.slice("Bearer ".length), expected)) monitor.reset();
  return { eventLoop: delay };
}

export function GET(request: Request): Response {
  if (!contentReady()) return Response.json({ status: "error", ...status(), ...eventLoop(request) }, { status: 503, headers });
  return Response.json({ status: "ok", ...status(), ...eventLoop(request) }, { headers });
}

export const HEAD = GET;
