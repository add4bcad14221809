/** Stories of the fixture corpus (e2e/fixtures/content) and what each one is for. */
export const FIXTURES = {
  /** Every public story, newest first; `lastmod` is its update or latest correction. */
  public: [
    { path: "/culture/baltic-ferry-timetable-changes", title: "Baltic Ferry Timetable Changes for the Summer", publishedAt: "2025-04-03T08:00:00Z", lastmod: "2025-04-04T09:30:00Z" },
    { path: "/culture/lighthouse-keepers-of-the-baltic", title: "Lighthouse Keepers of the Baltic", publishedAt: "2025-04-02T08:00:00Z", lastmod: "2025-04-02T08:00:00Z" },
    { path: "/world/harbour-fish-market-reopens", title: "Harbour Fish Market Reopens", publishedAt: "2025-04-01T08:00:00Z", lastmod: "2025-04-02T10:30:00Z" },
    { path: "/world/port-authority-approves-new-breakwater", title: "Port Authority Approves New Breakwater", publishedAt: "2025-03-30T08:00:00Z", lastmod: "2025-03-30T08:00:00Z" },
    { path: "/world/ferry-timetable-changes-for-winter", title: "Ferry Timetable Changes for Winter", publishedAt: "2025-03-29T08:00:00Z", lastmod: "2025-03-29T08:00:00Z" },
    { path: "/world/coastal-road-closed-after-storm", title: "Coastal Road Closed After Storm", publishedAt: "2025-03-28T08:00:00Z", lastmod: "2025-03-29T09:00:00Z" },
  ],
  /** Public too, in a section of their own and older than the rest: markup in every field (e2e/hostile-content.spec.ts). */
  hostile: [
    { path: "/hostile/hostile-markup-in-every-field", title: '<script>window.__pwned=1</script> Harbour "Quoted" & <b>Bold</b> </title></script> Headline', publishedAt: "2025-01-10T08:00:00Z" },
    { path: "/hostile/hostile-markdown-body", title: "Hostile Markdown Body With Scripts, Frames and SVG", publishedAt: "2025-01-09T08:00:00Z" },
  ],
  /** Renamed and moved: its old addresses redirect here. Its standfirst carries markup that must stay text. */
  renamed: {
    path: "/culture/baltic-ferry-timetable-changes",
    aliases: ["/culture/ferry-timetable", "/world/summer-ferries"],
    standfirst: "A renamed fixture story whose old addresses redirect; its standfirst ends in markup that must stay text: </script><script>window.__pwned = 1</script>",
  },
  /**
   * A live story with open coverage, in a section, topic and byline of its own (e2e/live.spec.ts).
   * Its updates newest first as the public sees them; one more is scheduled for 2099 and carries
   * LEAKCANARY markers, so the leak crawl covers it.
   */
  live: {
    path: "/events/harbour-regatta-live",
    feed: "/events/harbour-regatta-live/live.xml",
    title: "Harbour Regatta, as It Happened",
    publishedAt: "2025-03-29T12:00:00Z",
    updates: [
      { id: "update-20250329t154500z", title: "Wind drops across the bay", time: "2025-03-29T15:45:00.000Z", key: false },
      { id: "update-20250329t133000z", title: "Storm Petrel takes the lead", time: "2025-03-29T13:30:00.000Z", key: true },
      { id: "update-20250329t120500z", title: "The first boats leave the harbour", time: "2025-03-29T12:05:00.000Z", key: false },
    ],
    future: { id: "update-20990101t000000z", title: "LEAKCANARY-LIVE-FUTURE-TITLE Winner announced" },
  },
  retracted: {
    path: "/world/election-result-misreported",
    alias: "/world/election-result",
    title: "Election Result Misreported",
    note: "This story reported a result that had not been declared. We have withdrawn it.",
  },
  /** Never public: no page, feed, sitemap, card or redirect may reveal them. */
  hidden: [
    { slug: "unpublished-draft-investigation", path: "/world/unpublished-draft-investigation", alias: "/world/draft-investigation", title: "Unpublished Draft Investigation" },
    { slug: "scheduled-for-the-future", path: "/culture/scheduled-for-the-future", alias: "/culture/future-story", title: "Scheduled for the Future" },
  ],
  /**
   * Every correction of a public story, newest first, as /corrections lists them (two a page);
   * `number` is its place in its story's box, 1 the oldest. The retracted story, the draft and
   * the scheduled marker story carry corrections too, which must never show.
   */
  corrections: [
    { story: "/world/harbour-fish-market-reopens", headline: "Harbour Fish Market Reopens", section: "World", number: 2, date: "2025-04-02T10:30:00Z", text: "An earlier version of this story misspelled the harbour master's name. She is Agnes Holm." },
    { story: "/world/harbour-fish-market-reopens", headline: "Harbour Fish Market Reopens", section: "World", number: 1, date: "2025-04-01T15:00:00Z", text: "An earlier version of this story said the market reopened on Monday. It reopened on Tuesday." },
    { story: "/world/coastal-road-closed-after-storm", headline: "Coastal Road Closed After Storm", section: "World", number: 1, date: "2025-03-29T09:00:00Z", text: "An earlier version of this story gave the length of the closed road as 12 km. It is 8 km." },
    {
      story: "/hostile/hostile-markup-in-every-field",
      headline: '<script>window.__pwned=1</script> Harbour "Quoted" & <b>Bold</b> </title></script> Headline',
      section: 'Hostile <img src=x onerror="window.__pwned=1"> & "Co"',
      number: 1,
      date: "2025-01-11T08:00:00Z",
      text: '</li></ol></section><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> A correction with markup, quotes " and an ampersand &amp;',
    },
  ],
  /** The text of the retracted story's correction: never public. */
  retractedCorrection: "A correction to a story later retracted; it must not be listed anywhere.",
} as const;
