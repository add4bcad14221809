import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@redis/client";
import type { ClusterState } from "../../tools/cluster";

/*
 * The fleet as `npm run cluster` starts it (scripts/cluster.ts: Redis, production
 * servers, nginx), over the fixture build and a copy of the fixture corpus the
 * tests may change; and the tools the fault tests use on it: a load through the
 * load balancer, Redis commands, killing and restarting parts.
 */

export type Fleet = {
  process: ChildProcess;
  content: string;
  stateDir: string;
  output: string[];
  state(): ClusterState;
};

export async function startFleet(port: number, env: Record<string, string>): Promise<Fleet> {
  const content = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-fleet-content-"));
  fs.cpSync("e2e/fixtures/content", content, { recursive: true });
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-fleet-state-"));
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/cluster.ts"], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      INSTANCES: "2",
      NEXT_DIST_DIR: ".next-fixtures",
      CONTENT_DIR: content,
      CLUSTER_STATE_DIR: stateDir,
      REDIS_URL: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(...chunk.toString().split("\n").filter(Boolean));
      if (chunk.toString().includes("cluster ready:")) resolve();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`npm run cluster exited (${code}):\n${output.slice(-30).join("\n")}`)));
    setTimeout(() => reject(new Error(`npm run cluster was not ready in 90 s:\n${output.slice(-30).join("\n")}`)), 90_000);
  });
  await ready;
  return {
    process: child,
    content,
    stateDir,
    output,
    state: () => JSON.parse(fs.readFileSync(path.join(stateDir, "state.json"), "utf8")) as ClusterState,
  };
}

/** Stops the fleet as Ctrl-C would, and waits for the script to exit. */
export async function stopFleet(fleet: Fleet): Promise<number | null> {
  if (fleet.process.exitCode !== null) return fleet.process.exitCode;
  const exited = new Promise<number | null>((resolve) => fleet.process.once("exit", (code) => resolve(code)));
  fleet.process.kill("SIGTERM");
  return exited;
}

export function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const redisClient = (url: string) => createClient({ url, socket: { reconnectStrategy: false } });

/** Runs `fn` with a connection to the fleet's Redis. */
export async function withRedis<T>(url: string, fn: (client: ReturnType<typeof redisClient>) => Promise<T>): Promise<T> {
  const client = redisClient(url);
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    if (client.isOpen) await client.close().catch(() => {});
  }
}

/** Every string stored in Redis under `prefix` (values and hash fields), for leak checks. */
export async function redisText(url: string, prefix = ""): Promise<string> {
  return withRedis(url, async (client) => {
    const parts: string[] = [];
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      for (const key of keys) {
        const type = await client.type(key);
        if (type === "string") parts.push(`${key} ${(await client.get(key)) ?? ""}`);
        else if (type === "hash") parts.push(`${key} ${JSON.stringify(await client.hGetAll(key))}`);
        else parts.push(key);
      }
    }
    return parts.join("\n");
  });
}

/** Starts a Redis from the fleet's own configuration file (after a test stopped it). */
export function startRedis(config: string): ChildProcess {
  const child = spawn("redis-server", [config], { stdio: "ignore", detached: true });
  child.unref();
  return child;
}

export type LoadResult = { requests: number; statuses: Record<number, number>; failures: string[] };

/**
 * Readers through the load balancer: `connections` loops fetching `paths` in turn
 * for `seconds`, each response read in full. A failure is an error (refused,
 * reset, a cut-off body) or a status of 500 or more.
 */
export async function load(origin: string, paths: string[], seconds: number, connections = 8): Promise<LoadResult> {
  const result: LoadResult = { requests: 0, statuses: {}, failures: [] };
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      for (let i = worker; Date.now() < end; i++) {
        const p = paths[i % paths.length]!;
        try {
          const response = await fetch(origin + p, { redirect: "manual", signal: AbortSignal.timeout(15_000) });
          await response.arrayBuffer();
          result.requests++;
          result.statuses[response.status] = (result.statuses[response.status] ?? 0) + 1;
          if (response.status >= 500) result.failures.push(`${p}: ${response.status}`);
        } catch (err) {
          result.requests++;
          result.failures.push(`${p}: ${err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause ?? "")}` : err}`);
        }
      }
    }),
  );
  return result;
}

/** Changes a story file of the fleet's corpus. */
export function editStory(content: string, slug: string, change: (source: string) => string): void {
  const file = path.join(content, "articles", `${slug}.md`);
  fs.writeFileSync(file, change(fs.readFileSync(file, "utf8")));
}
