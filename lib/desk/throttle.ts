import { fleetSlot } from "../../server/fleet-contract.mjs";
import { processSingleton } from "../process-singleton.mjs";

/*
 * Failed sign-ins are counted per client address over a sliding minute: at
 * MAX_FAILURES the client waits (429 with Retry-After) until the oldest
 * failure is a minute old, whatever it sends meanwhile. A ceiling for all
 * clients together keeps guessing slow even from many addresses. Counts live
 * in the server's memory (one process; each instance of a scaled-out site
 * counts its own).
 */

export const MAX_FAILURES = 5;
export const WINDOW_MS = 60_000;
/** Failures a minute from every client together before everyone waits. */
export const MAX_FAILURES_ALL = 100;
/** Clients remembered at once; the oldest are forgotten first. */
const MAX_CLIENTS = 10_000;

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();
  private all: number[] = [];

  constructor(
    private readonly limit = MAX_FAILURES,
    private readonly windowMs = WINDOW_MS,
    private readonly limitAll = MAX_FAILURES_ALL,
  ) {}

  /**
   * Seconds `client` must wait before trying again, or 0.
   *
   * @example
   * const t = new SignInThrottle(); for (let i = 0; i < 5; i++) t.fail("a", now);
   * t.wait("a", now) // 60
   */
  wait(client: string, now: number): number {
    const recent = this.recent(this.failures.get(client) ?? [], now);
    this.all = this.recent(this.all, now);
    const waits = [recent.length >= this.limit ? recent[recent.length - this.limit]! : undefined, this.all.length >= this.limitAll ? this.all[this.all.length - this.limitAll]! : undefined]
      .filter((t): t is number => t !== undefined)
      .map((oldest) => Math.ceil((oldest + this.windowMs - now) / 1000));
    return Math.max(0, ...waits);
  }

  /** Records a failed sign-in of `client` at `now`. */
  fail(client: string, now: number): void {
    const recent = this.recent(this.failures.get(client) ?? [], now);
    recent.push(now);
    this.failures.delete(client); // re-inserted last: the map's order is oldest activity first
    this.failures.set(client, recent);
    this.all.push(now);
    if (this.failures.size > MAX_CLIENTS) this.failures.delete(this.failures.keys().next().value!);
  }

  /** A successful sign-in clears the client's failures. */
  succeed(client: string): void {
    this.failures.delete(client);
  }

  private recent(times: number[], now: number): number[] {
    return times.filter((t) => now - t < this.windowMs);
  }
}

/** The server's one throttle. */
export function signInThrottle(): SignInThrottle {
  return processSingleton("deskSignInThrottle", () => new SignInThrottle());
}

/*
 * In a fleet the counts are the fleet's (a fixed window per client in Redis),
 * so a load balancer does not multiply the guesses by the number of instances.
 * While Redis cannot be reached, or without a fleet, this instance counts.
 */

const FAILURES = (client: string) => `desk:sign-in-failures:${client}`;
const FAILURES_ALL = "desk:sign-in-failures:*all*";

/** Seconds `client` must wait before trying again, or 0: the fleet's count, else this instance's. */
export async function signInWait(client: string, now: number): Promise<number> {
  const fleet = fleetSlot.get();
  if (fleet) {
    try {
      const [mine, all] = await Promise.all([fleet.tally(FAILURES(client), WINDOW_MS, false), fleet.tally(FAILURES_ALL, WINDOW_MS, false)]);
      const waits = [mine.count >= MAX_FAILURES ? mine.resetMs : 0, all.count >= MAX_FAILURES_ALL ? all.resetMs : 0];
      return Math.ceil(Math.max(...waits) / 1000);
    } catch {
      // Redis unavailable: this instance's own count.
    }
  }
  return signInThrottle().wait(client, now);
}

/** Records a failed sign-in of `client`, with the fleet and with this instance. */
export async function signInFailed(client: string, now: number): Promise<void> {
  signInThrottle().fail(client, now);
  const fleet = fleetSlot.get();
  if (!fleet) return;
  await Promise.all([fleet.tally(FAILURES(client), WINDOW_MS, true), fleet.tally(FAILURES_ALL, WINDOW_MS, true)]).catch(() => {});
}
