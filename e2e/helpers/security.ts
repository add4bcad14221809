import net from "node:net";
import zlib from "node:zlib";
import { expect, type Page } from "@playwright/test";

/** The values every response must carry (server/security-headers.cjs). */
export const REQUIRED_HEADERS = {
  "strict-transport-security": /^max-age=\d{8,}; includeSubDomains$/,
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^strict-origin-when-cross-origin$/,
  "permissions-policy": /(?:^|, )camera=\(\).*geolocation=\(\).*microphone=\(\).*payment=\(\)/,
  "x-frame-options": /^DENY$/,
} as const;

/** Directives of a Content-Security-Policy header, by name. */
export function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

/**
 * Checks a response's security headers: the fixed ones, and a CSP that fits
 * what the response is (a page may run only the site's scripts and, should it
 * have any, its own hashed or nonced inline ones; anything else may run nothing).
 */
export function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  for (const [name, value] of Object.entries(REQUIRED_HEADERS)) {
    expect(headers[name], `${what}: ${name}`).toMatch(value);
  }
  const policy = headers["content-security-policy"];
  expect(policy, `${what}: content-security-policy`).toBeTruthy();
  // One policy, not two stacked (a second would silently narrow the first).
  expect(policy!.includes("\n") || policy!.includes(", default-src"), `${what}: one policy`).toBe(false);
  const csp = directives(policy!);
  expect(csp.get("default-src"), `${what}: default-src`).toEqual(["'none'"]);
  expect(csp.get("frame-ancestors"), `${what}: frame-ancestors`).toEqual(["'none'"]);
  expect(policy, `${what}: no eval`).not.toContain("'unsafe-eval'");
  expect(csp.get("script-src") ?? [], `${what}: no inline scripts by default`).not.toContain("'unsafe-inline'");
  // Sources are the site itself, hashes and nonces: no wildcard, scheme or other host — except
  // data: images (the pictures' blur placeholders), which cannot run anything.
  for (const [name, sources] of csp) {
    const allowed = name === "img-src" ? ["data:"] : [];
    expect(sources.filter((s) => (s === "*" || /^[a-z][a-z0-9+.-]*:/i.test(s)) && !allowed.includes(s)), `${what}: ${name}`).toEqual([]);
  }
  const isHtml = (headers["content-type"] ?? "").startsWith("text/html");
  if (isHtml) {
    expect(csp.get("object-src"), `${what}: object-src`).toEqual(["'none'"]);
    expect(csp.get("base-uri"), `${what}: base-uri`).toEqual(["'self'"]);
    const scripts = csp.get("script-src") ?? [];
    expect(scripts[0], `${what}: script-src`).toBe("'self'");
    for (const source of scripts.slice(1)) expect(source, `${what}: script source`).toMatch(/^'(?:sha256-[A-Za-z0-9+/]+=*|nonce-[A-Za-z0-9+/]+=*)'$/);
    expect(csp.get("style-src")?.[0], `${what}: style-src`).toBe("'self'");
  } else {
    expect(csp.get("script-src"), `${what}: nothing runs`).toBeUndefined();
  }
}

/** Collects CSP violations on a page (events and console reports) from before its first script. */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy|Permissions-Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const store: string[] = [];
    (window as unknown as { __cspViolations?: string[] }).__cspViolations = store;
    document.addEventListener("securitypolicyviolation", (e) => {
      store.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  return async () => [
    ...console,
    ...((await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => [])) as string[]),
  ];
}

export type RawResponse = { status: number; headers: Record<string, string>; body: string; raw: string };

/**
 * Sends one request exactly as written (no URL normalisation, any method or
 * target) and reads the whole answer.
 */
export function rawRequest(origin: string, requestLine: string, extraHeaders: string[] = [], timeoutMs = 30_000): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`timeout: ${requestLine.slice(0, 120)}`));
    }, timeoutMs);
    socket.on("data", (d) => chunks.push(d));
    socket.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.on("close", () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString("latin1");
      const [head = "", ...rest] = raw.split("\r\n\r\n");
      const [statusLine = "", ...lines] = head.split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const i = line.indexOf(":");
        if (i > 0) {
          const name = line.slice(0, i).trim().toLowerCase();
          headers[name] = headers[name] ? `${headers[name]}, ${line.slice(i + 1).trim()}` : line.slice(i + 1).trim();
        }
      }
      let body = rest.join("\r\n\r\n");
      if (/chunked/i.test(headers["transfer-encoding"] ?? "")) body = dechunk(body);
      let bytes = Buffer.from(body, "latin1");
      try {
        if (/gzip/i.test(headers["content-encoding"] ?? "")) bytes = zlib.gunzipSync(bytes);
        else if (/br/i.test(headers["content-encoding"] ?? "")) bytes = zlib.brotliDecompressSync(bytes);
      } catch {
        // Left as it came: the checks then see bytes, and fail loudly.
      }
      resolve({ status: Number(statusLine.split(" ")[1] ?? 0), headers, body: bytes.toString("utf8"), raw });
    });
    socket.write(`${requestLine}\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n${extraHeaders.map((h) => `${h}\r\n`).join("")}\r\n`);
  });
}

function dechunk(body: string): string {
  let out = "";
  let rest = body;
  for (;;) {
    const lineEnd = rest.indexOf("\r\n");
    if (lineEnd === -1) return out + rest;
    const size = parseInt(rest.slice(0, lineEnd), 16);
    if (!size) return out;
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}
