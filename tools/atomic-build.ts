import fs from "node:fs";
import path from "node:path";

/*
 * A build never leaves a half-written deploy behind: it is made in a staging
 * directory beside the target, checked there, and only then swapped in. Until
 * the swap the previous build stays exactly as it was, whatever fails.
 */

export type BuildStep = { name: string; run: (stagingDir: string) => void };

export type BuildResult = { ok: true; target: string } | { ok: false; step: string; error: string };

export type AtomicBuildOptions = {
  /** The build output the server serves, e.g. `.next`. */
  target: string;
  /** Where the new build is made; removed whenever the build fails. Default `<target>-staging`. */
  staging?: string;
  steps: BuildStep[];
};

/** Caches kept across builds: the bundler's (faster builds) and the image optimizer's (a server's work). */
const CARRIED_CACHES = [path.join("cache", "turbopack"), path.join("cache", "images")];

/**
 * Runs `steps` against a fresh staging directory, then swaps it in for
 * `target`: the old build moves aside, the new one takes its name (two
 * renames on one file system, microseconds apart), the old one is removed.
 * A step that throws stops the build; the staging directory is removed and
 * `target` is untouched.
 *
 * @example
 * atomicBuild({ target: ".next", steps: [{ name: "next build", run: (dir) => nextBuild(dir) }] })
 */
export function atomicBuild({ target, staging = `${target}-staging`, steps }: AtomicBuildOptions): BuildResult {
  const previous = `${target}-previous`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  // The bundler's cache speeds the build up; it is copied, so the running server's stays as it is.
  const bundlerCache = path.join(target, CARRIED_CACHES[0]!);
  if (fs.existsSync(bundlerCache)) fs.cpSync(bundlerCache, path.join(staging, CARRIED_CACHES[0]!), { recursive: true });

  for (const step of steps) {
    try {
      step.run(staging);
    } catch (err) {
      fs.rmSync(staging, { recursive: true, force: true });
      return { ok: false, step: step.name, error: err instanceof Error ? err.message : String(err) };
    }
  }

  fs.rmSync(previous, { recursive: true, force: true });
  const hadTarget = fs.existsSync(target);
  if (hadTarget) fs.renameSync(target, previous);
  fs.renameSync(staging, target);
  if (hadTarget) {
    // Optimized images stay valid across builds: keep them rather than re-encode every picture.
    const images = CARRIED_CACHES[1]!;
    if (fs.existsSync(path.join(previous, images)) && !fs.existsSync(path.join(target, images))) {
      fs.mkdirSync(path.dirname(path.join(target, images)), { recursive: true });
      fs.renameSync(path.join(previous, images), path.join(target, images));
    }
    fs.rmSync(previous, { recursive: true, force: true });
  }
  return { ok: true, target };
}
