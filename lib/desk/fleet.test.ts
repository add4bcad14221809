import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fleetSlot } from "../../server/fleet-contract.mjs";
import { startFleet } from "../../server/fleet.mjs";
import { TestRedis } from "../../server/redis-for-tests";
import { endSession, readSession, sessionEnded, signSession } from "./session";
import { MAX_FAILURES, signInFailed, signInWait } from "./throttle";

/*
 * The desk behind a load balancer: what one instance learns about sign-ins
 * holds on the others (server/fleet.mjs on a real redis-server). Each test
 * checks through a second member of the fleet, as another instance would.
 */

describe("the desk in a fleet", () => {
  let redis: TestRedis;
  let here: ReturnType<typeof startFleet>;
  let there: ReturnType<typeof startFleet>;
  const quiet = { log() {}, warn() {}, error() {} };

  beforeAll(async () => {
    redis = await TestRedis.start();
    here = startFleet({ url: redis.url, instance: "here", onContentChange() {}, log: quiet });
    there = startFleet({ url: redis.url, instance: "there", onContentChange() {}, log: quiet });
    for (let waited = 0; here.status().redis !== "ready" || there.status().redis !== "ready"; waited += 20) {
      if (waited > 5_000) throw new Error("the fleet did not reach Redis");
      await new Promise((r) => setTimeout(r, 20));
    }
    fleetSlot.set(here);
  });
  afterAll(async () => {
    await Promise.all([here.stop(), there.stop()]);
    await redis.stop();
  });

  it("a session signed out on one instance is ended on every other, until it would have expired", async () => {
    const key = Buffer.alloc(32, 7);
    const now = new Date();
    const session = readSession(key, signSession(key, now), now)!;
    await endSession(session, now);
    expect(await sessionEnded(session)).toBe(true);
    expect(await there.recalls(`desk:signed-out:${session.id}`)).toBe(true);
    expect(await there.redis.pTTL(`ibn:memo:desk:signed-out:${session.id}`)).toBeGreaterThan(11 * 3600 * 1000);
  });

  it("failed sign-ins count for the whole fleet: the limit is not multiplied by the instances", async () => {
    const client = `203.0.113.${Date.now() % 250}`;
    const now = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++) await signInFailed(client, now);
    expect(await signInWait(client, now)).toBeGreaterThan(0);
    // Another instance, which saw none of these attempts, refuses the next one too.
    const seen = await there.tally(`desk:sign-in-failures:${client}`, 60_000, false);
    expect(seen.count).toBe(MAX_FAILURES);
    expect(seen.resetMs).toBeGreaterThan(50_000);
  });
});
