/**
 * Runs once when the server starts: publish the address router server.mjs asks
 * before every page (lib/address-router.ts), build the search index, and arm
 * the publication scheduler (lib/scheduler.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { publishAddressRouter } = await import("./lib/address-router");
  publishAddressRouter();
  // Build the search index now, not on a reader's first search (10,000 stories: about 7 s).
  const [{ getCorpus }, { getSearchIndex }] = await Promise.all([import("./lib/content"), import("./lib/search")]);
  try {
    getSearchIndex(getCorpus(), new Date());
  } catch (err) {
    console.error(err);
  }
  const { armScheduler } = await import("./lib/scheduler");
  armScheduler();
}
