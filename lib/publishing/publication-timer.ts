import { randomBytes } from "node:crypto";
import { getCorpus, type Corpus } from "../content";
import { processSingleton } from "../process-singleton.mjs";
import { fleetSlot } from "../../server/fleet-contract.mjs";
import { nextLiveChange } from "./live";
import { selfOrigin } from "./self-origin";

/*
 * Scheduled publishing without a rebuild. Pages regenerate at most every
 * `revalidate` seconds anyway; on top of that, the server arms a timer for the
 * next scheduled publication and, when it comes due, asks itself to revalidate
 * every page (POST /api/revalidate with a per-process token), so the story is
 * on its page, fronts, feeds and sitemaps from its publication time on — and
 * never before, since every surface asks isPublic(article, now).
 *
 * In a fleet every instance arms the same timer, and the first to claim the
 * moment in Redis revalidates for all (lib/publishing/revalidation.ts tells the
 * others); without Redis each instance revalidates its own pages.
 */

/**
 * The next moment after `now` at which a published story becomes public, or
 * undefined when nothing is scheduled.
 *
 * @example
 * nextPublication(corpus, new Date("2025-05-08T00:00:00Z")) // Date of the earliest later publishedAt
 */
export function nextPublication(corpus: Pick<Corpus, "articles">, now: Date): Date | undefined {
  let next: number | undefined;
  // Newest first: the stories still to come head the list, so the scan stops at the first one out.
  for (const a of corpus.articles) {
    const t = a.publishedAt.getTime();
    if (t <= now.getTime()) break;
    if (a.status === "published") next = t;
  }
  return next === undefined ? undefined : new Date(next);
}

/** setTimeout cannot wait longer than 2^31-1 ms (about 24.8 days); longer waits are re-armed. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

// Fire a moment after the due time, so `now` is past publishedAt when pages render.
const MARGIN_MS = 500;
// Re-read the schedule now and then even when nothing is due (content may be reloaded).
const IDLE_CHECK_MS = 5 * 60 * 1000;

type TimerState = { token: string; timer?: ReturnType<typeof setTimeout> };
const timerState = () => processSingleton<TimerState>("publicationTimer", () => ({ token: randomBytes(32).toString("hex") }));

/** The token the server's own timer presents to /api/revalidate. */
export function schedulerToken(): string {
  return timerState().token;
}


/** How long a claim on a publication moment holds: longer than any revalidation takes. */
const CLAIM_MS = 60_000;

/**
 * Whether this instance revalidates for the moment `due`: always when alone or
 * when Redis cannot be reached (its own pages at least), else only if its
 * claim on the moment in Redis is the first.
 */
async function mayFire(due: Date): Promise<boolean> {
  const fleet = fleetSlot.get();
  if (!fleet) return true;
  try {
    return await fleet.claim(`publication:${due.toISOString()}`, CLAIM_MS);
  } catch {
    return true;
  }
}

async function fire(state: TimerState, due: Date) {
  if (!(await mayFire(due))) return;
  await refreshPages(state, "publication scheduler");
}

/**
 * Marks every page stale through the instance's own /api/revalidate, as a
 * publish naming no file does: for when the content in service changed
 * without a publish (files edited while the server was down).
 */
export function refreshPagesAfterRestart(): Promise<void> {
  return refreshPages(timerState(), "content changed while the server was down");
}

async function refreshPages(state: TimerState, who: string) {
  try {
    const res = await fetch(`${selfOrigin()}/api/revalidate`, {
      method: "POST",
      headers: { "x-scheduler-token": state.token, "content-type": "application/json" },
      // No file named: nothing is read again (the clock moved, or the content in service is already current).
      body: JSON.stringify({ files: [] }),
    });
    if (res.status === 503) console.warn(`${who}: Redis unavailable; this instance refreshed its own pages`);
    else if (!res.ok) console.error(`${who}: revalidation answered ${res.status}`);
  } catch (err) {
    console.error(`${who}: revalidation failed`, err);
  }
}

/** (Re)arms the timer for the next scheduled publication. */
export function armScheduler(now = new Date()) {
  const state = timerState();
  if (state.timer) clearTimeout(state.timer);
  let next: Date | undefined;
  try {
    const corpus = getCorpus();
    // A live story changes by itself too: coverage starts or ends, a scheduled update comes due.
    next = [nextPublication(corpus, now), nextLiveChange(corpus, now)].reduce<Date | undefined>(
      (soonest, t) => (t && (!soonest || t < soonest) ? t : soonest),
      undefined,
    );
  } catch (err) {
    console.error("publication scheduler: content failed to load", err);
  }
  const due = next ? next.getTime() - now.getTime() + MARGIN_MS : IDLE_CHECK_MS;
  const delay = Math.min(due, IDLE_CHECK_MS, MAX_TIMER_MS);
  state.timer = setTimeout(async () => {
    if (next && Date.now() >= next.getTime()) await fire(state, next);
    armScheduler();
  }, delay);
  state.timer.unref?.();
}
