import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/*
 * A fleet on one machine, for trying and testing the scale-out (npm run cluster):
 * Redis (the one at REDIS_URL, else a private redis-server), INSTANCES production
 * servers (server/main.mjs) on PORT+1 … PORT+N, and nginx as the load balancer on
 * PORT with the configuration in ops/nginx. An instance that dies is started
 * again, as a process manager would. stop() ends everything it started, and
 * nothing else.
 *
 * Its state (addresses and process ids) is in <stateDir>/state.json while it runs:
 * the fault tests (e2e/cluster.spec.ts) read it to kill an instance or Redis.
 */

export type ClusterOptions = {
  /** The load balancer's port; the instances take the next ones. */
  port: number;
  instances: number;
  /** An existing Redis; without it a private redis-server is started. */
  redisUrl?: string;
  /** The build the instances serve (NEXT_DIST_DIR). */
  distDir: string;
  /** Where the generated configurations, logs and state live. */
  stateDir: string;
  /** Extra environment for the instances (CONTENT_DIR, secrets, …). */
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
};

export type ClusterState = {
  address: string;
  nginx: { pid: number | undefined; config: string };
  redis: { url: string; pid: number | undefined; config: string | undefined };
  instances: { name: string; port: number; address: string; pid: number | undefined }[];
};

export type Cluster = { state: ClusterState; stop(): Promise<void> };

const ROOT = path.resolve(import.meta.dirname, "..");

/** The first of `candidates` that is an executable file, else undefined. */
export function findExecutable(candidates: string[]): string | undefined {
  for (const file of candidates) {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // next
    }
  }
  return undefined;
}

function executable(name: string, env: string, extra: string[]): string {
  const found = findExecutable([process.env[env] ?? "", ...(process.env.PATH ?? "").split(":").map((d) => path.join(d, name)), ...extra].filter(Boolean));
  if (!found) throw new Error(`${name} not found: install Debian's package (apt-get install ${name === "redis-server" ? "redis-server" : "nginx"}) or set ${env}`);
  return found;
}

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Answers once `probe` resolves true, polling until `timeoutMs`. */
async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`cluster: ${what} did not come up within ${timeoutMs / 1000} s`);
}

const healthy = (address: string) => async () => (await fetch(`${address}/api/health`)).ok;

/** Whether a Redis at host:port answers PING. */
export function redisAnswers(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host }, () => socket.write("PING\r\n"));
    socket.setTimeout(1_000, () => socket.destroy());
    socket.once("data", (data) => {
      resolve(data.toString().startsWith("+PONG"));
      socket.destroy();
    });
    socket.once("error", () => resolve(false));
    socket.once("close", () => resolve(false));
  });
}

/**
 * nginx's configuration for `instances` on loopback, the load balancer on `port`;
 * everything it writes stays in `stateDir`. The proxying itself is ops/nginx/proxy.conf.
 */
export function nginxConfig(port: number, instancePorts: number[], stateDir: string): string {
  const tmp = (name: string) => `${name}_temp_path ${path.join(stateDir, "tmp", name)};`;
  return `# Written by npm run cluster (tools/cluster.ts); the proxying is ${path.join(ROOT, "ops/nginx/proxy.conf")}.
daemon off;
worker_processes 1;
pid ${path.join(stateDir, "nginx.pid")};
error_log ${path.join(stateDir, "nginx-error.log")} warn;
events { worker_connections 4096; }
http {
    access_log off;
    ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(tmp).join("\n    ")}
    upstream site {
${instancePorts.map((p) => `        server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join("\n")}
        keepalive 32;
    }
    server {
        listen 127.0.0.1:${port};
        include ${path.join(ROOT, "ops/nginx/proxy.conf")};
    }
}
`;
}

/** Starts the fleet and returns once the load balancer answers. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { port, stateDir } = options;
  if (!fs.existsSync(path.join(ROOT, options.distDir, "BUILD_ID"))) {
    throw new Error(`cluster: no build in ${options.distDir}: run npm run build first`);
  }
  fs.mkdirSync(path.join(stateDir, "tmp"), { recursive: true });
  const nginxBin = executable("nginx", "NGINX", ["/usr/sbin/nginx"]);
  const children = new Set<ChildProcess>();
  let stopping = false;

  function run(name: string, command: string, args: string[], env?: Record<string, string | undefined>) {
    // Its own process group: a Ctrl-C in the terminal reaches the cluster, which stops them in order.
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
    children.add(child);
    const relay = (stream: NodeJS.ReadableStream | null) =>
      stream?.on("data", (chunk: Buffer) => {
        for (const line of chunk.toString().split("\n")) if (line.trim()) log(`[${name}] ${line}`);
      });
    relay(child.stdout);
    relay(child.stderr);
    child.once("exit", () => children.delete(child));
    return child;
  }

  const state: ClusterState = {
    address: `http://127.0.0.1:${port}`,
    nginx: { pid: undefined, config: path.join(stateDir, "nginx.conf") },
    redis: { url: options.redisUrl ?? "", pid: undefined, config: undefined },
    instances: Array.from({ length: options.instances }, (_, i) => ({
      name: `instance-${i + 1}`,
      port: port + i + 1,
      address: `http://127.0.0.1:${port + i + 1}`,
      pid: undefined,
    })),
  };
  const save = () => fs.writeFileSync(path.join(stateDir, "state.json"), JSON.stringify(state, null, 2));

  async function stop() {
    if (stopping) return;
    stopping = true;
    const exited = (child: ChildProcess) =>
      child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once("exit", () => r()));
    const all = [...children];
    // Instances drain (server/main.mjs); nginx finishes its connections (SIGQUIT); Redis last.
    const redis = all.find((c) => c.pid === state.redis.pid);
    for (const child of all) if (child !== redis) child.kill(child.pid === state.nginx.pid ? "SIGQUIT" : "SIGTERM");
    await Promise.race([
      Promise.all(all.filter((c) => c !== redis).map(exited)),
      new Promise((r) => setTimeout(r, 30_000)),
    ]);
    redis?.kill("SIGTERM");
    for (const child of children) if (child !== redis) child.kill("SIGKILL");
    if (redis) await Promise.race([exited(redis), new Promise((r) => setTimeout(r, 5_000))]);
    fs.rmSync(path.join(stateDir, "state.json"), { force: true });
  }

  try {
    if (!options.redisUrl) {
      const redisBin = executable("redis-server", "REDIS_SERVER", ["/usr/bin/redis-server"]);
      const redisPort = Number(process.env.REDIS_PORT) || (await freePort());
      const config = path.join(stateDir, "redis.conf");
      fs.writeFileSync(config, `include ${path.join(ROOT, "ops/redis.conf")}\nport ${redisPort}\nbind 127.0.0.1\ndir ${stateDir}\n`);
      const redis = run("redis", redisBin, [config]);
      state.redis = { url: `redis://127.0.0.1:${redisPort}`, pid: redis.pid, config };
      await waitFor("Redis", () => redisAnswers(redisPort), 10_000);
    }

    const startInstance = (i: number) => {
      const instance = state.instances[i]!;
      const child = run(instance.name, process.execPath, ["server/main.mjs", "-p", String(instance.port), "-H", "127.0.0.1"], {
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: options.distDir,
        ...options.env,
        REDIS_URL: state.redis.url,
        INSTANCE_NAME: instance.name,
      });
      instance.pid = child.pid;
      save();
      child.once("exit", (code, signal) => {
        if (stopping) return;
        log(`cluster: ${instance.name} exited (${signal ?? `code ${code}`}); starting it again`);
        setTimeout(() => !stopping && startInstance(i), 500);
      });
    };
    state.instances.forEach((_, i) => startInstance(i));
    await Promise.all(state.instances.map((instance) => waitFor(instance.name, healthy(instance.address))));

    fs.writeFileSync(state.nginx.config, nginxConfig(port, state.instances.map((i) => i.port), stateDir));
    const nginx = run("nginx", nginxBin, ["-p", stateDir, "-e", path.join(stateDir, "nginx-error.log"), "-c", state.nginx.config]);
    state.nginx.pid = nginx.pid;
    nginx.once("exit", (code) => !stopping && log(`cluster: nginx exited (code ${code})`));
    await waitFor("the load balancer", healthy(state.address), 10_000);
    save();
    return { state, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
