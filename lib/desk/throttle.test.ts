import { describe, expect, it } from "vitest";
import { SignInThrottle } from "./throttle";

const t0 = 1_000_000;

describe("SignInThrottle", () => {
  it("lets a client fail 5 times a minute, then makes it wait until the oldest failure is a minute old", () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 5; i++) {
      expect(throttle.wait("a", t0 + i * 1000)).toBe(0);
      throttle.fail("a", t0 + i * 1000);
    }
    expect(throttle.wait("a", t0 + 5000)).toBe(55);
    expect(throttle.wait("b", t0 + 5000)).toBe(0); // keyed by client
    expect(throttle.wait("a", t0 + 60_000)).toBe(0); // the first failure has left the window
  });

  it("forgets a client's failures when it signs in", () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 4; i++) throttle.fail("a", t0);
    throttle.succeed("a");
    throttle.fail("a", t0);
    expect(throttle.wait("a", t0)).toBe(0);
  });

  it("makes everyone wait when all clients together fail too often", () => {
    const throttle = new SignInThrottle(5, 60_000, 20);
    for (let i = 0; i < 20; i++) throttle.fail(`client-${i}`, t0);
    expect(throttle.wait("someone-new", t0 + 1000)).toBe(59);
  });
});
