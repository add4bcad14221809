/*
 * Stops the clock of a Node.js process at FIXED_NOW (an ISO date), for screenshots of pages that
 * print the server's time (npm run screenshots: the desk, preview links). Not for production:
 *   FIXED_NOW=2026-12-04T18:00:00Z NODE_OPTIONS=--import=/abs/path/scripts/fixed-clock.mjs node server/main.mjs
 * `new Date()`, `Date()` and `Date.now()` give that instant; timers and performance.now() run as usual.
 */
const fixed = Date.parse(process.env.FIXED_NOW ?? "");
if (Number.isNaN(fixed)) throw new Error("fixed-clock.mjs: set FIXED_NOW to an ISO date, e.g. 2026-12-04T18:00:00Z");

const RealDate = Date;
const now = () => fixed;
globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [fixed], newTarget),
  apply: () => new RealDate(fixed).toString(),
  get: (target, property, receiver) => (property === "now" ? now : Reflect.get(target, property, receiver)),
});
