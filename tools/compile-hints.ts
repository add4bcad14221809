import fs from "node:fs";
import path from "node:path";

/*
 * V8 compiles a script's functions lazily: the first call of each one parses
 * and compiles it on the main thread. The framework's runtime (React DOM, the
 * app router) is a few module factories holding hundreds of functions, all of
 * them first called in the one task that starts the app, so that lazy
 * compiling lands in the page's longest task (docs/performance.md has the
 * trace figures; docs/decisions/0003-deferred-scripts-and-compile-hints.md why).
 *
 * Chrome's explicit compile hint (https://v8.dev/blog/explicit-compile-hints,
 * Chrome 136+): a file that starts with the magic comment below has all of its
 * functions compiled eagerly while it streams in, on a background thread.
 * Other browsers read a comment. Only the framework's own files get it — every
 * page runs them at start; the legacy polyfills (`nomodule`, never run by a
 * browser that reads the hint) are left as they are.
 *
 * The hint is added once, at build time, before the files are served: a
 * chunk's name stays its content's name for the life of the build, so the
 * `immutable` caching of `/_next/static` stays right.
 */

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** `source` with the compile hint as its first line (unchanged when it has one). */
export function withCompileHint(source: string): string {
  return source.startsWith(COMPILE_HINT) ? source : COMPILE_HINT + source;
}

type BuildManifest = { polyfillFiles?: string[] };

/**
 * Adds the compile hint to every JavaScript chunk of the build in `distDir`
 * (`static/chunks/**.js`) except the polyfill files the build manifest names.
 * Returns the files it changed, relative to `distDir`. Throws when the build
 * has no manifest or no chunks: a build this step does not understand must not
 * ship silently without it.
 *
 * @example addCompileHints(".next-staging") // ["static/chunks/0j1we3cwg31qe.js", …]
 */
export function addCompileHints(distDir: string): string[] {
  const manifestFile = path.join(distDir, "build-manifest.json");
  if (!fs.existsSync(manifestFile)) throw new Error(`compile hints: ${manifestFile} not found`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as BuildManifest;
  const polyfills = new Set(manifest.polyfillFiles ?? []);
  const chunksDir = path.join(distDir, "static", "chunks");
  const files = fs.existsSync(chunksDir)
    ? (fs.readdirSync(chunksDir, { recursive: true, encoding: "utf8" }) as string[])
        .filter((f) => f.endsWith(".js"))
        .map((f) => path.posix.join("static", "chunks", f.split(path.sep).join("/")))
        .filter((f) => !polyfills.has(f))
        .sort()
    : [];
  if (files.length === 0) throw new Error(`compile hints: no JavaScript chunks in ${chunksDir}`);
  const changed: string[] = [];
  for (const file of files) {
    const full = path.join(distDir, file);
    const source = fs.readFileSync(full, "utf8");
    const hinted = withCompileHint(source);
    if (hinted !== source) {
      fs.writeFileSync(full, hinted);
      changed.push(file);
    }
  }
  return changed;
}
