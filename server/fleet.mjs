// @ts-check
import { createClient } from "@redis/client";
import { FleetUnavailableError } from "./fleet-contract.mjs";

/*
 * Several instances of the site behind a load balancer, sharing one Redis:
 *
 * - One publish reaches every instance. The instance that receives
 *   POST /api/revalidate increments the content version and publishes it on a
 *   channel; every instance reloads its content when it hears a version it has
 *   not loaded. Pub/sub loses messages while a subscriber is disconnected, so
 *   each instance also compares the stored version with its own when it
 *   (re)connects and on every heartbeat: a missed publish is caught up within
 *   one heartbeat.
 * - Instances say they are alive, and which version they hold, under a key
 *   that expires unless renewed: the announcing instance waits (a few seconds
 *   at most) until every live instance holds the new version before the shared
 *   cache forgets its pages, so no instance renders a page from old content
 *   into the shared cache after the publish.
 * - A claim (SET NX with an expiry) lets one instance, not all, do what is due
 *   once for the fleet: the revalidation at a scheduled story's time.
 *
 * Redis being down never stops an instance from serving: commands fail at once
 * (no offline queue), the client reconnects in the background, and the cache
 * handler serves from the instance's own cache meanwhile (server/cache-handler.mjs).
 */

const CHANNEL = "ibn:content";
const VERSION_KEY = "ibn:content:version";
/** The files a version changed (JSON), so other instances read only those; kept an hour. */
const CHANGES = "ibn:content:files:";
const CHANGES_TTL_MS = 60 * 60 * 1000;
const INSTANCES = "ibn:instances:";
const CLAIMS = "ibn:claims:";
const MEMOS = "ibn:memo:";
const TALLIES = "ibn:tally:";
const HEARTBEAT_MS = 5_000;
// Three missed heartbeats and an instance counts as gone.
const INSTANCE_TTL_MS = 15_000;
const ACK_TIMEOUT_MS = 5_000;

/**
 * Backoff for reconnecting: quick at first, then every 2 seconds, forever.
 * @example
 * reconnectDelay(0) // 100
 * reconnectDelay(9) // 2000
 * @param {number} retries
 */
export function reconnectDelay(retries) {
  return Math.min(100 * 2 ** Math.min(retries, 5), 2_000);
}

/**
 * Whether the fleet's stored content version differs from the one an instance
 * has loaded. An instance that has never asked (`undefined`) reloads when a
 * version exists: a publish may have come between its reading the content and
 * its reaching Redis. A version missing from Redis after instances had one
 * (Redis was flushed) counts as a change too; reloading is never wrong, only work.
 * @example
 * isNewVersion("4", "3")       // true
 * isNewVersion("4", undefined) // true
 * isNewVersion(null, undefined) // false
 * isNewVersion(null, "3")      // true
 * @param {string | null} stored
 * @param {string | null | undefined} loaded
 */
export function isNewVersion(stored, loaded) {
  return loaded === undefined ? stored !== null : stored !== loaded;
}

/**
 * Connects this instance to the fleet. Returns at once; the connection comes up
 * (and comes back) in the background.
 * @param {{
 *   url: string;
 *   instance: string;
 *   onContentChange: (files?: string[]) => void | Promise<void>;
 *   log?: Pick<Console, "log" | "warn" | "error">;
 *   heartbeatMs?: number;
 * }} options
 */
export function startFleet({ url, instance, onContentChange, log = console, heartbeatMs = HEARTBEAT_MS }) {
  const client = createClient({
    url,
    // Fail at once while disconnected: a page must not wait for Redis.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: reconnectDelay },
  });
  const subscriber = client.duplicate();
  /** @type {"connecting" | "ready" | "down"} */
  let state = "connecting";
  /** @type {string | null | undefined} the content version loaded here; undefined until first asked */
  let loaded;
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let heartbeat;

  client.on("ready", () => {
    if (state !== "ready") log.log(`fleet: ${instance} connected to Redis; the page cache is shared`);
    state = "ready";
    void beat();
  });
  client.on("error", (/** @type {Error} */ err) => {
    if (state !== "down") log.warn(`fleet: Redis unavailable (${err.message || err.name}); ${instance} serves from its own cache`);
    state = "down";
  });
  client.on("end", () => (state = "down"));
  subscriber.on("error", () => {});

  /**
   * The files that took the content from the version loaded here to `version`,
   * when it is the next one and its list is still kept; else undefined (every
   * file is compared with the index).
   * @param {string | null} version
   * @returns {Promise<string[] | undefined>}
   */
  async function changesTo(version) {
    if (version === null || loaded === undefined || loaded === null || Number(version) !== Number(loaded) + 1) return undefined;
    try {
      const kept = await client.get(CHANGES + version);
      const files = kept ? JSON.parse(kept) : null;
      return Array.isArray(files) ? files : undefined;
    } catch {
      return undefined;
    }
  }

  /** @type {Promise<void>} versions are taken one after another */
  let taking = Promise.resolve();

  /**
   * Takes a stored version: brings the content up to it if it is not the one
   * loaded here, and only then holds it (a publish waits for that).
   * @param {string | null} version
   */
  function take(version) {
    taking = taking.then(async () => {
      if (isNewVersion(version, loaded)) {
        try {
          await onContentChange(await changesTo(version));
          log.log(`fleet: ${instance} updated its content (version ${version ?? "none"})`);
        } catch (err) {
          // An invalid corpus: the previous one stays in service (lib/content), said once.
          log.error(`fleet: ${instance} could not update its content (version ${version})`, err);
        }
      }
      loaded = version;
    });
    return taking;
  }

  /** Renews this instance's entry, and catches up with a publish it missed. */
  async function beat() {
    if (!client.isReady) return;
    try {
      await take(await client.get(VERSION_KEY));
      await client.set(INSTANCES + instance, loaded ?? "", { expiration: { type: "PX", value: INSTANCE_TTL_MS } });
    } catch {
      // The next beat tries again; the error event has said Redis is unavailable.
    }
  }

  client.connect().catch(() => {});
  subscriber
    .connect()
    .then(() =>
      subscriber.subscribe(CHANNEL, (message) => {
        void take(message).then(beat);
      }),
    )
    .catch(() => {});
  heartbeat = setInterval(beat, heartbeatMs);
  heartbeat.unref();

  /**
   * Runs a Redis command for a caller that must know when Redis is unavailable.
   * @template T
   * @param {() => Promise<T>} run
   * @returns {Promise<T>}
   */
  async function command(run) {
    if (!client.isReady) throw new FleetUnavailableError("Redis is unavailable");
    try {
      return await run();
    } catch (err) {
      throw new FleetUnavailableError(`Redis failed: ${err instanceof Error ? err.message : err}`);
    }
  }

  /** The versions the live instances hold. */
  async function members() {
    /** @type {string[]} */
    const keys = [];
    for await (const batch of client.scanIterator({ MATCH: `${INSTANCES}*`, COUNT: 100 })) keys.push(...batch);
    return keys.length ? client.mGet(keys) : [];
  }

  /** @type {import("./fleet-contract.mjs").Fleet & { redis: typeof client; stop(): Promise<void> }} */
  const fleet = {
    redis: client,
    status: () => ({
      instance,
      redis: state,
      cache: client.isReady ? "redis" : "file-system",
      contentVersion: loaded ?? null,
    }),
    async announceContentChange(files) {
      if (!client.isReady) throw new FleetUnavailableError("Redis is unavailable");
      try {
        await taking;
        const version = String(await client.incr(VERSION_KEY));
        await client.set(CHANGES + version, JSON.stringify(files ?? null), { expiration: { type: "PX", value: CHANGES_TTL_MS } });
        // This instance has reloaded already (the caller did): it holds the new version.
        loaded = version;
        await client.set(INSTANCES + instance, version, { expiration: { type: "PX", value: INSTANCE_TTL_MS } });
        await client.publish(CHANNEL, version);
        const deadline = Date.now() + ACK_TIMEOUT_MS;
        for (;;) {
          const held = await members();
          const reached = held.filter((v) => v === version).length;
          if (reached >= held.length || Date.now() >= deadline) return { version, instances: held.length, reached };
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } catch (err) {
        throw new FleetUnavailableError(`Redis failed during the publish: ${err instanceof Error ? err.message : err}`);
      }
    },
    async claim(name, ttlMs) {
      return (await command(() => client.set(CLAIMS + name, instance, { condition: "NX", expiration: { type: "PX", value: ttlMs } }))) === "OK";
    },
    async remember(name, ttlMs) {
      await command(() => client.set(MEMOS + name, "1", { expiration: { type: "PX", value: Math.max(1, Math.ceil(ttlMs)) } }));
    },
    async recalls(name) {
      return (await command(() => client.exists(MEMOS + name))) === 1;
    },
    async tally(name, windowMs, add) {
      const key = TALLIES + name;
      if (!add) {
        const [count, ttl] = await command(() => Promise.all([client.get(key), client.pTTL(key)]));
        return { count: Number(count ?? 0), resetMs: Math.max(0, Number(ttl)) };
      }
      const [count, , ttl] = await command(() =>
        client.multi().incr(key).pExpire(key, windowMs, "NX").pTTL(key).exec(),
      );
      return { count: Number(count), resetMs: Math.max(0, Number(ttl)) };
    },
    async stop() {
      clearInterval(heartbeat);
      await Promise.allSettled([client.isOpen && client.del(INSTANCES + instance)]);
      await Promise.allSettled([client.close(), subscriber.close()]);
    },
  };
  return fleet;
}
