/**
 * Runs once when the server starts: publish the address router server/main.mjs asks
 * before every page (lib/publishing/addresses.ts) and the live-address test it asks of
 * every response (lib/publishing/live.ts), start loading the content in the
 * background (lib/content/store.ts), and arm the publication timer once it is in (lib/publishing/publication-timer.ts), and tell the fleet how this
 * instance reloads its content when another instance publishes (lib/publishing/revalidation.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { publishAddressRouter } = await import("./lib/publishing/addresses");
  publishAddressRouter();
  const { publishLiveAddresses } = await import("./lib/publishing/live");
  publishLiveAddresses();
  // The corpus loads in the background, in slices that never hold the event loop; until it is in
  // service the production server answers pages 503 (server/content-ready.mjs).
  const { contentReady, startContentStore } = await import("./lib/content");
  const { contentReadySlot } = await import("./server/content-ready.mjs");
  contentReadySlot.set(contentReady);
  const { armScheduler } = await import("./lib/publishing/publication-timer");
  void startContentStore().then(() => armScheduler());
  const { publishContentReloader } = await import("./lib/publishing/revalidation");
  publishContentReloader();
}
