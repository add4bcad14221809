import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isFleetUnavailable } from "./fleet-contract.mjs";
import { isNewVersion, reconnectDelay, startFleet } from "./fleet.mjs";
import { TestRedis } from "./redis-for-tests";

/*
 * The fleet's coordination (server/fleet.mjs) against a real redis-server:
 * members of one fleet in one process, each with its own connections.
 */

const quiet = { log: () => {}, warn: () => {}, error: () => {} };

describe("isNewVersion", () => {
  it("reloads on any stored version an instance has not loaded, and on a version lost in a flush", () => {
    expect(isNewVersion("4", "3")).toBe(true);
    expect(isNewVersion("4", "4")).toBe(false);
    expect(isNewVersion("4", undefined)).toBe(true);
    expect(isNewVersion(null, undefined)).toBe(false);
    expect(isNewVersion(null, "3")).toBe(true);
  });
});

describe("reconnectDelay", () => {
  it("backs off from 100 ms to every 2 s", () => {
    expect([0, 1, 2, 5, 50].map(reconnectDelay)).toEqual([100, 200, 400, 2000, 2000]);
  });
});

describe("startFleet (with Redis)", () => {
  let redis: TestRedis;
  let members: ReturnType<typeof startFleet>[] = [];
  const join = (instance: string, onContentChange = () => {}, heartbeatMs = 100) => {
    const member = startFleet({ url: redis.url, instance, onContentChange, log: quiet, heartbeatMs });
    members.push(member);
    return member;
  };
  const ready = (member: ReturnType<typeof startFleet>) => expect.poll(() => member.status().redis, { timeout: 5_000 }).toBe("ready");

  beforeAll(async () => {
    redis = await TestRedis.start();
  });
  afterEach(async () => {
    await Promise.all(members.map((m) => m.stop()));
    members = [];
    await redis.resume().catch(() => {});
  });
  afterAll(async () => {
    await redis.stop();
  });

  it("one announce reaches every member, which reloads once, before it returns", async () => {
    let reloadsB = 0;
    const a = join("a");
    const b = join("b", () => reloadsB++);
    await ready(a);
    await ready(b);
    await expect.poll(() => b.status().contentVersion !== undefined).toBe(true);
    const before = reloadsB;
    const reach = await a.announceContentChange();
    expect(reach).toMatchObject({ instances: 2, reached: 2 });
    expect(reloadsB).toBe(before + 1);
    expect(b.status()).toMatchObject({ instance: "b", redis: "ready", cache: "redis", contentVersion: reach.version });
    expect(a.status().contentVersion).toBe(reach.version);
  });

  it("passes on the files a publish changed; a member that is behind by more than one version compares every file", async () => {
    const heard: (string[] | undefined)[] = [];
    let stalled: Promise<void> | undefined;
    const a = join("a");
    const b = join("b", (files?: string[]) => {
      heard.push(files);
      return stalled;
    });
    await ready(a);
    await ready(b);
    await expect.poll(() => b.status().contentVersion !== undefined).toBe(true);
    heard.length = 0;
    await a.announceContentChange(["articles/2025/05/x.md"]);
    expect(heard).toEqual([["articles/2025/05/x.md"]]);

    // While b works on a change, the publish waits for it before counting b as reached.
    let finish!: () => void;
    stalled = new Promise((resolve) => (finish = resolve));
    const pending = a.announceContentChange(["articles/y.md"]);
    await expect.poll(() => heard.length).toBe(2);
    setTimeout(() => finish(), 300);
    expect((await pending).reached).toBe(2);
    stalled = undefined;

    // A version whose message b never heard and whose files nobody kept: b compares every file.
    await b.redis.incr("ibn:content:version");
    await a.announceContentChange(["articles/z.md"]);
    await expect.poll(() => heard.slice(2).includes(undefined), { timeout: 3_000 }).toBe(true);
  });

  it("a member that missed the message catches up from the stored version", async () => {
    let reloads = 0;
    const b = join("b", () => reloads++);
    await ready(b);
    await expect.poll(() => b.status().contentVersion).not.toBeUndefined();
    const seen = reloads;
    // A publish whose message b never heard: only the version moved.
    await b.redis.incr("ibn:content:version");
    await expect.poll(() => reloads, { timeout: 3_000 }).toBe(seen + 1);
  });

  it("lets one member claim a moment, and no other", async () => {
    const a = join("a");
    const b = join("b");
    await ready(a);
    await ready(b);
    const name = `publication:${Date.now()}`;
    expect(await a.claim(name, 10_000)).toBe(true);
    expect(await b.claim(name, 10_000)).toBe(false);
    expect(await a.claim(name, 10_000)).toBe(false);
  });

  it("says so when Redis is down: file-system cache, an announce and a claim refused, then ready again when it returns", async () => {
    const a = join("a");
    await ready(a);
    await redis.stop();
    await expect.poll(() => a.status().redis, { timeout: 5_000 }).toBe("down");
    expect(a.status().cache).toBe("file-system");
    const refused = await a.announceContentChange().catch((err: unknown) => err);
    expect(isFleetUnavailable(refused)).toBe(true);
    expect(isFleetUnavailable(await a.claim("x", 1000).catch((err: unknown) => err))).toBe(true);
    await redis.resume();
    await ready(a);
    expect(a.status().cache).toBe("redis");
    expect((await a.announceContentChange()).reached).toBe(1);
  });
});
