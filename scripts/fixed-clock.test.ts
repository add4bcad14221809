import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/* scripts/fixed-clock.mjs, preloaded into a real Node.js process the way a server gets it. */

const preload = path.resolve(__dirname, "fixed-clock.mjs");

function run(code: string, fixedNow?: string) {
  const env = { ...process.env, FIXED_NOW: fixedNow ?? "" };
  return spawnSync(process.execPath, [`--import=${preload}`, "-e", code], { env, encoding: "utf8" });
}

describe("fixed-clock.mjs", () => {
  it("stops Date at FIXED_NOW, and leaves dates given explicitly alone", () => {
    const result = run(
      `const a = new Date(), b = Date.now(); setTimeout(() => console.log(JSON.stringify([a.toISOString(), b, Date.now(), Date(), new Date(0).toISOString(), new Date() instanceof Date, Date.parse("2000-01-01T00:00:00Z")])), 20);`,
      "2026-12-04T18:00:00Z",
    );
    expect(result.stderr).toBe("");
    const fixed = Date.parse("2026-12-04T18:00:00Z");
    expect(JSON.parse(result.stdout)).toEqual([
      "2026-12-04T18:00:00.000Z",
      fixed,
      fixed,
      new Date(fixed).toString(),
      "1970-01-01T00:00:00.000Z",
      true,
      Date.parse("2000-01-01T00:00:00Z"),
    ]);
  });

  it("refuses to start without a date", () => {
    const result = run("console.log('started')");
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("set FIXED_NOW");
  });
});
