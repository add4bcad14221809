import { describe, expect, it } from "vitest";
import { clientAddress, isProxyAddress } from "./client-address.mjs";

describe("clientAddress", () => {
  it("is the socket's peer for a client talking to the server directly, whatever it says it is", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
    expect(clientAddress("2001:db8::7", ["198.51.100.1"])).toBe("2001:db8::7");
  });

  it("is what our proxy saw (its last X-Forwarded-For entry) for a request through it", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.1, 203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddress("::ffff:10.1.2.3", "203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddress("::1", undefined)).toBe("::1");
    expect(clientAddress(undefined, undefined)).toBe("unknown");
  });
});

describe("isProxyAddress", () => {
  it("knows loopback and private networks from public addresses", () => {
    for (const a of ["127.0.0.1", "::1", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "::ffff:127.0.0.1", "fd00::1"]) expect(isProxyAddress(a), a).toBe(true);
    for (const a of ["203.0.113.9", "172.32.0.1", "8.8.8.8", "2001:db8::1", "", undefined]) expect(isProxyAddress(a), String(a)).toBe(false);
  });
});
