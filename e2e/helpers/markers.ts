/** Marker strings the fixture corpus' draft and scheduled stories carry in every field. */
export const LEAK_MARKERS = ["LEAKCANARY"] as const;

export const DRAFT = {
  slug: "draft-marker-story",
  path: "/world/draft-marker-story",
  title: "LEAKCANARY-DRAFT-TITLE Harbour Merger Talks",
  /** It is a live story too: its updates carry markers, its feed must be a 404. */
  liveFeed: "/world/draft-marker-story/live.xml",
};
export const SCHEDULED = {
  slug: "scheduled-marker-story",
  path: "/culture/scheduled-marker-story",
  title: "LEAKCANARY-SCHEDULED-TITLE Lighthouse Sale Announced",
  liveFeed: "/culture/scheduled-marker-story/live.xml",
};
/** Both also carry a correction whose text starts with its marker. */
export const CORRECTION_MARKERS = ["LEAKCANARY-DRAFT-CORRECTION", "LEAKCANARY-SCHEDULED-CORRECTION"] as const;
