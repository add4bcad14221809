import { revalidatePath } from "next/cache";
import { contentReloaderSlot, fleetSlot, type FleetReach } from "../../server/fleet-contract.mjs";
import { updateContent, type ContentUpdate } from "../content";
import { armScheduler } from "./publication-timer";

/*
 * Refreshing a running deployment after content changed or a scheduled story
 * came due: the files that changed are read into the corpus in service (what a
 * publish costs is what it changed: lib/content/store.ts), then everything
 * under the root — every page and every route handler (feeds, sitemaps,
 * cards) — is marked stale, so the next request to each renders fresh. A
 * change that breaks a content rule throws before anything is invalidated,
 * and the previous corpus stays in service.
 *
 * In a fleet (REDIS_URL, server/fleet.mjs) the instance that receives the
 * publish tells every other one, waits until they have reloaded, and only then
 * lets the shared cache forget its pages, once.
 */

/**
 * Brings this instance's content up to date: the named files (relative to the
 * content directory), or every file that differs from the index; then re-arms
 * the publication timer. Throws a ContentError when the content breaks a rule.
 */
export async function reloadContent(files?: string[]): Promise<ContentUpdate> {
  const update = await updateContent(files);
  armScheduler();
  return update;
}

/** Lets the fleet update this instance when another one announces a publish. */
export function publishContentReloader(): void {
  contentReloaderSlot.set(async (files) => void (await reloadContent(files)));
}

export type Revalidation = {
  articles: number;
  /** Slugs of the stories the publish changed (added, edited, renamed, removed). */
  changed: string[];
  paths: string[];
  fleet?: FleetReach;
};

/**
 * Applies a publish and revalidates every page. `files`: what the publish
 * changed, relative to the content directory (an empty list: nothing on
 * disk, the clock moved — the publication timer); undefined: every file is
 * compared with the index. In a fleet, the other instances update first (the
 * same files); when Redis cannot be reached this instance has still updated
 * its own content and pages, and FleetUnavailableError says the rest of the
 * fleet was not told.
 */
export async function revalidateEverything(files?: string[]): Promise<Revalidation> {
  const update = await reloadContent(files);
  const changed = [...new Set([...update.before, ...update.after].map((a) => a.slug))];
  const fleet = fleetSlot.get();
  let reach: FleetReach | undefined;
  try {
    reach = fleet ? await fleet.announceContentChange(files) : undefined;
  } finally {
    revalidatePath("/", "layout");
  }
  return {
    articles: update.articles,
    changed: update.whole ? ["(all: the whole content was read again)"] : changed,
    paths: ["/ (layout: every page)"],
    ...(reach ? { fleet: reach } : {}),
  };
}
