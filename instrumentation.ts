/**
 * Runs once when the server starts: publish the address router server.mjs asks
 * before every page (lib/address-router.ts), and arm the publication scheduler
 * (lib/scheduler.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { publishAddressRouter } = await import("./lib/address-router");
  publishAddressRouter();
  const { armScheduler } = await import("./lib/scheduler");
  armScheduler();
}
