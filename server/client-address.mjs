// @ts-check
/*
 * Who sent a request, as far as this server can know: the socket's peer, or —
 * when the peer is a proxy on this host or the private network (the load
 * balancer) — the address that proxy appended last to X-Forwarded-For. A client
 * talking to the server directly cannot choose its address by sending the
 * header. The server puts the answer in CLIENT_ADDRESS_HEADER, which it removes
 * from every request that comes in (the desk's sign-in throttle reads it).
 */

/** The request header that carries the client's address to the app. */
export const CLIENT_ADDRESS_HEADER = "x-ibn-client-address";

/**
 * Whether an address is loopback or private (a proxy of ours, not a reader).
 * @example
 * isProxyAddress("127.0.0.1")        // true
 * isProxyAddress("::ffff:10.0.0.5")  // true
 * isProxyAddress("203.0.113.9")      // false
 * @param {string | undefined} address
 */
export function isProxyAddress(address) {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (v4 === "::1") return true;
  const parts = v4.split(".").map(Number);
  if (parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255)) {
    const [a, b] = /** @type {[number, number]} */ (parts);
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  return /^f[cd]/i.test(v4);
}

/**
 * The client's address for a request from `peer` carrying `forwardedFor`.
 * @example
 * clientAddress("203.0.113.9", "198.51.100.1")          // "203.0.113.9": a direct client cannot choose
 * clientAddress("127.0.0.1", "198.51.100.1, 203.0.113.9") // "203.0.113.9": what the proxy saw
 * @param {string | undefined} peer
 * @param {string | string[] | undefined} forwardedFor
 */
export function clientAddress(peer, forwardedFor) {
  if (isProxyAddress(peer)) {
    const hops = String(forwardedFor ?? "").split(",").map((h) => h.trim()).filter(Boolean);
    const last = hops.at(-1);
    if (last) return last;
  }
  return peer ?? "unknown";
}
