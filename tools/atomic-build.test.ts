import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { atomicBuild } from "./atomic-build";

/** Every file under `dir` with a hash of its content, to compare a tree before and after. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = crypto.createHash("sha256").update(fs.readFileSync(full)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

function write(file: string, text: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

let root: string;
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function previousBuild() {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-build-"));
  const target = path.join(root, ".next");
  write(path.join(target, "BUILD_ID"), "old-build");
  write(path.join(target, "server", "app", "index.html"), "<html>old</html>");
  write(path.join(target, "cache", "images", "abc", "1.webp"), "optimized");
  write(path.join(target, "cache", "turbopack", "db"), "bundler cache");
  return target;
}

describe("atomicBuild", () => {
  it("leaves the previous build byte for byte as it was when a step fails half way", () => {
    const target = previousBuild();
    const before = snapshot(target);
    const result = atomicBuild({
      target,
      steps: [
        {
          name: "next build",
          run: (dir) => {
            write(path.join(dir, "BUILD_ID"), "new-build");
            write(path.join(dir, "server", "app", "index.html"), "<html>half</html>");
          },
        },
        {
          name: "leak check",
          run: () => {
            throw new Error("a draft leaked into server/app/index.html");
          },
        },
      ],
    });
    expect(result).toEqual({ ok: false, step: "leak check", error: "a draft leaked into server/app/index.html" });
    expect(snapshot(target)).toEqual(before);
    expect(fs.existsSync(`${target}-staging`)).toBe(false);
  });

  it("builds into staging with the bundler cache, then swaps it in and keeps the image cache", () => {
    const target = previousBuild();
    const seen: string[] = [];
    const result = atomicBuild({
      target,
      steps: [
        {
          name: "next build",
          run: (dir) => {
            seen.push(path.basename(dir), fs.readFileSync(path.join(dir, "cache", "turbopack", "db"), "utf8"));
            write(path.join(dir, "BUILD_ID"), "new-build");
          },
        },
      ],
    });
    expect(result.ok).toBe(true);
    expect(seen).toEqual([".next-staging", "bundler cache"]);
    expect(fs.readFileSync(path.join(target, "BUILD_ID"), "utf8")).toBe("new-build");
    expect(fs.existsSync(path.join(target, "server", "app", "index.html"))).toBe(false);
    expect(fs.readFileSync(path.join(target, "cache", "images", "abc", "1.webp"), "utf8")).toBe("optimized");
    expect(fs.readdirSync(root).sort()).toEqual([".next"]);
  });

  it("makes a first build where there was none", () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-build-"));
    const target = path.join(root, ".next-fixtures");
    const result = atomicBuild({ target, steps: [{ name: "build", run: (dir) => write(path.join(dir, "BUILD_ID"), "first") }] });
    expect(result.ok).toBe(true);
    expect(fs.readFileSync(path.join(target, "BUILD_ID"), "utf8")).toBe("first");
  });

  it("clears a staging directory a crashed build left behind", () => {
    const target = previousBuild();
    write(path.join(`${target}-staging`, "stale"), "x");
    atomicBuild({ target, steps: [{ name: "build", run: (dir) => expect(fs.existsSync(path.join(dir, "stale"))).toBe(false) }] });
  });
});
