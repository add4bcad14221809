/** The shipped content's public stories, newest first, as crawlers must see them. */
export const STORIES = [
  {
    path: "/diplomacy/xi-jinping-backs-russia-against-western-bullying-at-moscow-wwii-event",
    title: "Xi Jinping Backs Russia Against Western ‘Bullying’ at Moscow WWII Event",
    section: "Diplomacy",
    publishedAt: "2025-05-09T15:00:00.000Z",
  },
  {
    path: "/world/russia-and-china-agree-to-accelerate-construction-of-power-of-siberia-2",
    title: "Russia and China Agree to Accelerate Construction of Power of Siberia 2",
    section: "World",
    publishedAt: "2025-05-08T12:00:00.000Z",
  },
  {
    path: "/diplomacy/russia-and-venezuela-sign-strategic-partnership",
    title: "Russia and Venezuela sign strategic partnership",
    section: "Diplomacy",
    publishedAt: "2025-05-07T18:00:00.000Z",
  },
  {
    path: "/security/russia-to-observe-3-day-ceasefire-for-victory-day-despite-kievs-rejection",
    title: "Russia to Observe 3-day Ceasefire for Victory Day Despite Kiev's Rejection",
    section: "Security",
    publishedAt: "2025-05-07T09:00:00.000Z",
  },
] as const;

export const SECTIONS = ["/world", "/diplomacy", "/security"] as const;
