/*
 * npm run cluster: the fleet on one machine (tools/cluster.ts) — Redis, INSTANCES
 * production servers and nginx in front — serving the last build.
 *   PORT (default 3000)  the load balancer; instances on PORT+1 … PORT+INSTANCES
 *   INSTANCES (default 2), REDIS_URL (default: a private redis-server),
 *   NEXT_DIST_DIR and CONTENT_DIR as for npm start.
 * Ctrl-C or SIGTERM stops everything it started.
 */
import path from "node:path";
import { startCluster } from "../tools/cluster";

const port = Number(process.env.PORT ?? 3000);
const instances = Number(process.env.INSTANCES ?? 2);
if (!Number.isInteger(port) || port < 1 || port > 65_000 || !Number.isInteger(instances) || instances < 1 || instances > 16) {
  console.error("cluster: PORT must be a port number and INSTANCES a whole number from 1 to 16");
  process.exit(2);
}

async function main() {
  const cluster = await startCluster({
    port,
    instances,
    redisUrl: process.env.REDIS_URL || undefined,
    distDir: process.env.NEXT_DIST_DIR || ".next",
    stateDir: path.resolve(process.env.CLUSTER_STATE_DIR || path.join("tmp", "cluster", String(port))),
  });
  const { state } = cluster;
  console.log(
    `cluster ready: ${state.address}  (${state.instances.map((i) => `${i.name} ${i.address}`).join(", ")}; Redis ${state.redis.url}${state.redis.pid ? "" : " (given)"})`,
  );
  let signals = 0;
  const stop = async (signal: string) => {
    if (signals++) return;
    console.log(`cluster: ${signal}: stopping`);
    await cluster.stop();
    console.log("cluster: stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
