/** Runs once when the server starts: arm the publication scheduler (lib/scheduler.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { armScheduler } = await import("./lib/scheduler");
  armScheduler();
}
