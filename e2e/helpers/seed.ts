/**
 * What the original page (shared/seeds/000_5236dd1b7025717d.txt) shows, as a
 * reader must see it on the seed article page. The one change from the scrape
 * is the mended glitch "pricing kazadisputes" → "pricing disputes".
 */
export const SEED = {
  path: "/world/russia-and-china-agree-to-accelerate-construction-of-power-of-siberia-2",
  headline: "Russia and China Agree to Accelerate Construction of Power of Siberia 2",
  standfirst: "Agreement reached during high-level talks between Putin and Xi aimed at deepening bilateral ties",
  heroAlt: "General Secretary of the Chinese Communist Party Xi Jinping and President of Russia Vladimir Putin",
  caption: "General Secretary of the Chinese Communist Party Xi Jinping and President of Russia Vladimir Putin",
  credit: "Presidential Executive Office of Russia",
  paragraphs: [
    "Russian President Vladimir Putin and Chinese President Xi Jinping agreed on Thursday to expedite the construction of the Power of Siberia 2 gas pipeline, a key energy infrastructure project that underscores growing energy and strategic cooperation between Moscow and Beijing.",
    "Xi is currently in Moscow on a four-day state visit, which includes attending Friday’s Victory Day Parade. On Thursday, the two leaders held bilateral talks focused on enhancing cooperation across multiple sectors.",
    "The Power of Siberia 2 pipeline, initially slated to begin construction last year, has faced delays due to pricing disputes and uncertainty regarding Mongolia’s commitment to the project. The pipeline is planned to run through Mongolian territory en route from Russia to China.",
    "However, in March, the Mongolian government approved land surveys for the proposed route—removing a major obstacle to progress. During their meeting, Putin and Xi agreed to move forward swiftly to begin construction.",
    "The pipeline project is part of Russia’s broader strategy to redirect its gas exports eastward amid Western sanctions, disrupted supply chains, and the European Union’s stated goal of phasing out reliance on Russian energy.",
    "Once operational, the Power of Siberia 2 is expected to transport over 50 billion cubic meters (bcm) of natural gas annually from Russia to China—a volume comparable to the capacity of the now-destroyed Nord Stream pipeline that supplied gas to Germany.",
    "Currently, Russia supplies China with approximately 61 bcm of gas annually via the Power of Siberia 1 pipeline. In December, Russian Deputy Prime Minister Alexander Novak announced that Russia and Kazakhstan had also begun developing an additional pipeline to China.",
    "Russia has recently signed gas transit agreements with Iran and is expected to formalize another deal with Afghanistan during next week’s KazanForum.",
    "Although there have been informal discussions between Russia and the United States regarding the potential resumption of Russian gas flows to Europe, Moscow's increasing focus on Asian markets may limit Washington's ability to exert leverage through energy diplomacy in the future.",
  ],
  teasers: [
    "Xi Jinping Backs Russia Against Western ‘Bullying’ at Moscow WWII Event",
    "Russia and Venezuela sign strategic partnership",
    "Russia to Observe 3-day Ceasefire for Victory Day Despite Kiev's Rejection",
  ],
  footer: { brand: "Inter Bellum News", domain: "interbellumnews.com" },
} as const;
