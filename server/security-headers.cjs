// @ts-check

/*
 * Security headers every response carries, whatever it is. next.config.ts sends
 * them through `headers()`, and server/main.mjs adds any that a response lacks (its
 * own error answers, the framework's plain-text fallbacks). The
 * Content-Security-Policy is per response and lives in server/csp.mjs.
 *
 * Plain CommonJS: server/main.mjs loads it as it is, and
 * next.config.ts can require it on every Node.js version the site supports.
 */

/**
 * Browser features the site does not use, all switched off for the page and
 * anything it could embed. Only names Chromium knows: an unknown one is an
 * error in the console.
 */
const DENIED_FEATURES = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "camera",
  "display-capture",
  "encrypted-media",
  "fullscreen",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

/** @type {{ key: string; value: string }[]} */
const SECURITY_HEADERS = [
  // Two years, every subdomain: the site is HTTPS only. (Browsers ignore it over plain HTTP.)
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: DENIED_FEATURES.map((f) => `${f}=()`).join(", ") },
  // For browsers without CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
];

/**
 * Only for the pages of one person: the desk, shared previews and every page seen in Draft Mode
 * (next.config.ts). No other window keeps a handle on them: one that opened them cannot count their
 * frames, watch them navigate or send them elsewhere. Readers' pages go without it: they are the same
 * for everyone, hold nothing to leak, open no window, and the new browser process the policy costs at
 * every navigation was most of their main-thread time in Lighthouse (docs/decisions/0009-opener-policy-on-editors-pages-only.md).
 */
const PRIVATE_PAGE_HEADERS = [{ key: "Cross-Origin-Opener-Policy", value: "same-origin" }];

/**
 * Content-Security-Policy for everything that is not an HTML page: images,
 * feeds, JSON, static files, the image optimizer's answers. Nothing may run,
 * load or frame it; an SVG opened on its own keeps its inline styles.
 */
const RESOURCE_POLICY =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

module.exports = { DENIED_FEATURES, SECURITY_HEADERS, PRIVATE_PAGE_HEADERS, RESOURCE_POLICY };
