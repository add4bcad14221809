/**
 * Runs once when the server starts: publish the address router server/main.mjs asks
 * before every page (lib/publishing/addresses.ts) and the live-address test it asks of
 * every response (lib/publishing/live.ts), build the search index, and arm the
 * publication timer (lib/publishing/publication-timer.ts), and tell the fleet how this
 * instance reloads its content when another instance publishes (lib/publishing/revalidation.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { publishAddressRouter } = await import("./lib/publishing/addresses");
  publishAddressRouter();
  const { publishLiveAddresses } = await import("./lib/publishing/live");
  publishLiveAddresses();
  // Build the search index now, not on a reader's first search (seconds at 10,000 stories).
  const { prepareSearch } = await import("./lib/publishing/search");
  try {
    prepareSearch();
  } catch (err) {
    console.error(err);
  }
  const { armScheduler } = await import("./lib/publishing/publication-timer");
  armScheduler();
  const { publishContentReloader } = await import("./lib/publishing/revalidation");
  publishContentReloader();
}
