#!/bin/sh
# npm run standalone: completes the build's standalone output (.next/standalone, `output: "standalone"`)
# into a directory that runs on its own with `node server/main.mjs` — what the Dockerfile ships.
# next build writes the traced server and node_modules; the public files, the hashed static assets and
# the production server (server/, with the leaf module it shares with the app) are added here.
set -eu
dist="${NEXT_DIST_DIR:-.next}"
out="$dist/standalone"
[ -f "$out/server.js" ] || { echo "standalone: no $out/server.js — run npm run build first" >&2; exit 1; }
# npm run build makes the build in "$dist-staging" and renames it (scripts/build.ts); the standalone
# output recorded that name as its distDir: give it the final one.
staging="$dist-staging"
if [ -d "$out/$staging" ]; then
  rm -rf "$out/$dist"
  mv "$out/$staging" "$out/$dist"
  for f in "$out/server.js" "$out/$dist/required-server-files.json"; do
    STAGING="$staging" DIST="$dist" perl -pi -e 's#"(\./)?\Q$ENV{STAGING}\E(?=["/])#"$1$ENV{DIST}#g' "$f"
  done
fi
if grep -q "$staging" "$out/server.js" "$out/$dist/required-server-files.json"; then
  echo "standalone: $staging is still named in the standalone configuration" >&2; exit 1
fi
rm -rf "$out/public" "$out/$dist/static"
cp -r public "$out/public"
cp -r "$dist/static" "$out/$dist/static"
rm -rf "$out/server"
mkdir -p "$out/server" "$out/lib"
cp server/*.mjs server/*.cjs "$out/server/"
cp lib/process-singleton.mjs "$out/lib/"   # the one app module the server loads as it is
# Every package server/ imports must load from the output: the tracer does not follow server/main.mjs,
# so a package only it uses (the fleet's Redis client) must be named in next.config.ts.
packages=$(grep -hvE '^\s*(\*|//|/\*)' server/*.mjs | sed -nE 's/.*(from|import\() *"([^".][^"]*)".*/\2/p' | grep -v '^node:' | sort -u)
# Loaded from a directory outside the repository that sees only the output's node_modules (a symbolic
# link, kept as such), so nothing resolves from the repository's own node_modules.
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
ln -s "$(cd "$out" && pwd)/node_modules" "$probe/node_modules"
(cd "$probe" && node --preserve-symlinks --input-type=module -e '
  for (const name of process.argv.slice(1)) {
    try { await import(name); } catch (err) { console.error(`standalone: ${name} does not load from the output: ${err.message}`); process.exitCode = 1; }
  }' $packages) || { echo "standalone: name what is missing in next.config.ts outputFileTracingIncludes" >&2; exit 1; }
echo "standalone: $out is ready: cd $out && node server/main.mjs -p 3000"
