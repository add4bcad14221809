import fs from "node:fs";

/** Debian's Chromium (or $CHROMIUM_PATH) when present; undefined means Playwright's own browser. */
export function systemChromium(): string | undefined {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p): p is string => !!p && fs.existsSync(p));
}

/** Flags this machine needs: no sandbox as root, and no background calls to a closed network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
