import { randomBytes } from "node:crypto";
import { getCorpus } from "./content";
import { MAX_TIMER_MS, nextPublication } from "./schedule";

/*
 * Scheduled publishing without a rebuild. Pages regenerate at most every
 * `revalidate` seconds anyway; on top of that, the server arms a timer for the
 * next scheduled publication and, when it comes due, asks itself to revalidate
 * every page (POST /api/revalidate with a per-process token), so the story is
 * on its page, fronts, feeds and sitemaps from its publication time on — and
 * never before, since every surface asks isPublic(article, now).
 */

type SchedulerState = { token: string; timer?: ReturnType<typeof setTimeout> };
const store = globalThis as typeof globalThis & { __ibnScheduler?: SchedulerState };

/** The token the server's own scheduler presents to /api/revalidate. */
export function schedulerToken(): string | undefined {
  return store.__ibnScheduler?.token;
}

// Fire a moment after the due time, so `now` is past publishedAt when pages render.
const MARGIN_MS = 500;
// Re-read the schedule now and then even when nothing is due (content may be reloaded).
const IDLE_CHECK_MS = 5 * 60 * 1000;

function selfOrigin(): string {
  return process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}

async function fire(state: SchedulerState) {
  try {
    const res = await fetch(`${selfOrigin()}/api/revalidate`, {
      method: "POST",
      headers: { "x-scheduler-token": state.token },
    });
    if (!res.ok) console.error(`publication scheduler: revalidation answered ${res.status}`);
  } catch (err) {
    console.error("publication scheduler: revalidation failed", err);
  }
}

/** (Re)arms the timer for the next scheduled publication. */
export function armScheduler(now = new Date()) {
  const state = (store.__ibnScheduler ??= { token: randomBytes(32).toString("hex") });
  if (state.timer) clearTimeout(state.timer);
  let next: Date | undefined;
  try {
    next = nextPublication(getCorpus(), now);
  } catch (err) {
    console.error("publication scheduler: content failed to load", err);
  }
  const due = next ? next.getTime() - now.getTime() + MARGIN_MS : IDLE_CHECK_MS;
  const delay = Math.min(due, IDLE_CHECK_MS, MAX_TIMER_MS);
  state.timer = setTimeout(async () => {
    if (next && Date.now() >= next.getTime()) await fire(state);
    armScheduler();
  }, delay);
  state.timer.unref?.();
}
