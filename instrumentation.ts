/**
 * Runs once when the server starts: start loading the content in the background
 * (lib/content/store.ts), then publish the address router server/main.mjs asks before
 * every page (lib/publishing/addresses.ts) and the live-address test it asks of every
 * response (lib/publishing/live.ts), arm the publication timer once the content is in
 * (lib/publishing/publication-timer.ts), and tell the fleet how this instance reloads its
 * content when another instance publishes (lib/publishing/revalidation.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // First: the corpus loads in the background, in slices that never hold the event loop; until it is in
  // service the production server answers pages 503 (server/content-ready.mjs). Anything that asks for
  // the corpus before this line would load it there and then, in one piece, before the server listens.
  const { contentReady, startContentStore } = await import("./lib/content");
  const { contentReadySlot } = await import("./server/content-ready.mjs");
  contentReadySlot.set(contentReady);
  const { armScheduler, refreshPagesAfterRestart } = await import("./lib/publishing/publication-timer");
  // Pages cached before a restart are refreshed when the files changed while the server was down.
  const loading = startContentStore({ onChangedWhileDown: () => void refreshPagesAfterRestart() });
  const { publishAddressRouter } = await import("./lib/publishing/addresses");
  publishAddressRouter();
  const { publishLiveAddresses } = await import("./lib/publishing/live");
  publishLiveAddresses();
  void loading.then(() => armScheduler());
  const { publishContentReloader } = await import("./lib/publishing/revalidation");
  publishContentReloader();
}
