import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, redisAnswers as answers } from "../tools/cluster";

/*
 * A private redis-server for the server layer's unit tests (Debian's package;
 * .ci/run installs it): a free loopback port, no persistence, stopped and
 * started again on the same port to test reconnecting.
 */

export class TestRedis {
  private child?: ChildProcess;
  private constructor(readonly port: number, private readonly dir: string) {}

  static async start(): Promise<TestRedis> {
    const redis = new TestRedis(await freePort(), fs.mkdtempSync(path.join(os.tmpdir(), "ibn-redis-")));
    await redis.resume();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts (again) on the same port. */
  async resume(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) return;
    const bin = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find((f) => fs.existsSync(f)) ?? "redis-server";
    this.child = spawn(bin, ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.dir], { stdio: "ignore" });
    const failed = new Promise<never>((_, reject) =>
      this.child!.once("error", () => reject(new Error("redis-server not found: install Debian's redis-server (apt-get install redis-server)"))),
    );
    const deadline = Date.now() + 10_000;
    while (!(await Promise.race([answers(this.port), failed]))) {
      if (Date.now() > deadline) throw new Error("redis-server did not answer within 10 s");
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Stops the server, as a crash would for its clients. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => (child.once("exit", () => resolve()), child.kill("SIGKILL")));
  }
}
