#!/bin/sh
# npm run audit: `npm audit --omit=dev` failing on any high or critical advisory in what the
# server runs. Where the registry's advisory endpoint cannot be reached (a sandbox that only
# mirrors packages), it says so and does not pretend to have checked.
out=$(npm audit --omit=dev --audit-level=high 2>&1)
rc=$?
printf '%s\n' "$out"
if [ "$rc" -ne 0 ] && printf '%s' "$out" | grep -q "audit endpoint returned an error"; then
  echo "audit: NOT CHECKED — the registry's advisory endpoint is unreachable from this machine" >&2
  exit 0
fi
exit "$rc"
