/*
 * `npm run build` (after `npm run content:check`, its prebuild step): `next build`
 * into `<distDir>-staging`, the leak check on that output, and only when both
 * pass, the new build swapped in for `<distDir>` (NEXT_DIST_DIR, default
 * `.next`). A failure stops with its message and leaves the previous build
 * untouched, so a running deploy or the next `npm start` never sees half a build.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { atomicBuild } from "../tools/atomic-build";

const target = process.env.NEXT_DIST_DIR || ".next";
const staging = `${target}-staging`;

function run(command: string, args: string[], distDir: string) {
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
}

const result = atomicBuild({
  target,
  staging,
  steps: [
    { name: "next build", run: (dir) => run("node_modules/.bin/next", ["build"], dir) },
    { name: "leak check", run: (dir) => run("node_modules/.bin/tsx", ["scripts/check-build-leaks.ts"], dir) },
  ],
});

// Next.js points next-env.d.ts at the directory it built into; point it at the build's real home.
const envTypes = "next-env.d.ts";
if (fs.existsSync(envTypes)) {
  const text = fs.readFileSync(envTypes, "utf8");
  const fixed = text.split(`./${staging}/`).join(`./${target}/`);
  if (fixed !== text) fs.writeFileSync(envTypes, fixed);
}

if (!result.ok) {
  console.error(`\nbuild failed at "${result.step}": ${result.error}`);
  console.error(`The previous build in ${target} is untouched.`);
  process.exit(1);
}
console.log(`build: ${target} replaced by the new build`);
