/** Marker strings the fixture corpus' draft and scheduled stories carry in every field. */
export const LEAK_MARKERS = ["LEAKCANARY"] as const;

export const DRAFT = { slug: "draft-marker-story", path: "/world/draft-marker-story", title: "LEAKCANARY-DRAFT-TITLE Harbour Merger Talks" };
export const SCHEDULED = {
  slug: "scheduled-marker-story",
  path: "/culture/scheduled-marker-story",
  title: "LEAKCANARY-SCHEDULED-TITLE Lighthouse Sale Announced",
};
/** Both also carry a correction whose text starts with its marker. */
export const CORRECTION_MARKERS = ["LEAKCANARY-DRAFT-CORRECTION", "LEAKCANARY-SCHEDULED-CORRECTION"] as const;
