/*
 * Every address of the site, in one place, so pages, components, sitemaps,
 * feeds, structured data and the address router agree. Canonical form: lower
 * case, no trailing slash. Absolute URLs join a path to the origin from
 * content/site.yaml (`absolute`); nothing else names the origin.
 *
 * A leaf module: it imports nothing of the app, and every layer may use it —
 * content derives each article's address and old addresses from it.
 */

export const HOME_PATH = "/";
export const SEARCH_PATH = "/search";
export const ICON_PATH = "/icon.svg";
/** Not for crawlers: the API (Draft Mode), the editors' desk and shared previews. */
export const ROBOTS_DISALLOW = ["/api/", "/desk", "/preview/"];
export const SITEMAP_PATH = "/sitemap.xml";
export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";

/** The publisher logo (app/logo.png/route.tsx). */
export const LOGO_PATH = "/logo.png";
export const LOGO_SIZE = 512;

export const sectionPath = (section: string) => `/${section}`;
export const topicPath = (topic: string) => `/topic/${topic}`;
export const authorPath = (author: string) => `/author/${author}`;

/**
 * @example
 * articlePath("world", "some-story") // "/world/some-story"
 */
export const articlePath = (section: string, slug: string) => `/${section}/${slug}`;

/** A section, topic or author front (page 1). */
export function listingPath(kind: "section" | "topic" | "author", slug: string): string {
  return kind === "section" ? sectionPath(slug) : kind === "topic" ? topicPath(slug) : authorPath(slug);
}

/**
 * Page `n` of the list at `base`; page 1 is the base itself.
 *
 * @example
 * pagePath("/topic/russia", 1) // "/topic/russia"
 * pagePath("/topic/russia", 4) // "/topic/russia/page/4"
 */
export function pagePath(base: string, n: number): string {
  return n <= 1 ? base : `${base === "/" ? "" : base}/page/${n}`;
}

/** What narrows or orders a search, as it reads in the address (dates as YYYY-MM-DD). */
export type SearchFilters = { sort?: "newest"; section?: string; from?: string; to?: string };

/**
 * Search results for `query`, page `page`, with the filters asked for.
 *
 * @example
 * searchPath("power of siberia")    // "/search?q=power+of+siberia"
 * searchPath("power of siberia", 2) // "/search?q=power+of+siberia&page=2"
 * searchPath("gas", 1, { sort: "newest", section: "energy" }) // "/search?q=gas&sort=newest&section=energy"
 */
export function searchPath(query: string, page = 1, filters: SearchFilters = {}): string {
  const params = new URLSearchParams({ q: query });
  for (const key of ["sort", "section", "from", "to"] as const) if (filters[key]) params.set(key, filters[key]);
  if (page > 1) params.set("page", String(page));
  return `${SEARCH_PATH}?${params}`;
}

/** Leaves editors' preview and returns to the story (app/api/draft/exit). */
export const previewExitPath = (slug: string) => `/api/draft/exit?slug=${encodeURIComponent(slug)}`;

/** The editors' desk (app/desk): its lists, and its sign-in form when signed out. */
export const DESK_PATH = "/desk";
/** Where the desk's forms post (app/desk/<action>/route.ts). */
export const DESK_SIGN_IN_PATH = "/desk/sign-in";
export const DESK_SIGN_OUT_PATH = "/desk/sign-out";
export const DESK_SHARE_PATH = "/desk/share";

/**
 * The desk's sign-in form, returning to `next` (a desk path) afterwards.
 *
 * @example
 * deskSignInPath("/desk/story/a-story") // "/desk?next=%2Fdesk%2Fstory%2Fa-story"
 */
export function deskSignInPath(next?: string, problem?: string): string {
  const query = new URLSearchParams({ ...(next && next !== DESK_PATH ? { next } : {}), ...(problem ? { problem } : {}) }).toString();
  return query ? `${DESK_PATH}?${query}` : DESK_PATH;
}

/**
 * One story on the desk: its surfaces, problems and sharing.
 *
 * @example
 * deskStoryPath("a-story") // "/desk/story/a-story"
 */
export const deskStoryPath = (slug: string) => `${DESK_PATH}/story/${slug}`;
/** The story's page as it will be published, for a signed-in editor. */
export const deskArticlePath = (slug: string) => `${deskStoryPath(slug)}/article`;
/** The story's share card as it will be drawn, for a signed-in editor. */
export const deskCardPath = (slug: string) => `${deskStoryPath(slug)}/card.png`;

/**
 * A shared preview link (app/preview/[token]): one story, until the link expires.
 *
 * @example
 * previewLinkPath("a-story.1767225600.9f…") // "/preview/a-story.1767225600.9f…"
 */
export const previewLinkPath = (token: string) => `/preview/${token}`;
/** The page a shared link's answer is rendered from (app/preview/[token]/view). */
export const previewLinkViewPath = (token: string) => `${previewLinkPath(token)}/view`;

/** Share cards (app/**\/og.png/route.tsx). */
export const siteCardPath = () => "/og.png";
export const sectionCardPath = (section: string) => `/${section}/og.png`;
export const articleCardPath = (articlePath: string) => `${articlePath}/og.png`;

export const feedPath = (kind: "rss" | "atom", section?: string) =>
  `${section ? `/${section}` : ""}/${kind === "rss" ? "feed" : "atom"}.xml`;

/**
 * The RSS or Atom feed of the list whose page 1 is `base`.
 *
 * @example
 * listFeedPath("rss", "/topic/russia")  // "/topic/russia/feed.xml"
 * listFeedPath("atom", "/author/staff") // "/author/staff/atom.xml"
 */
export const listFeedPath = (kind: "rss" | "atom", base: string) => `${base === "/" ? "" : base}/${kind === "rss" ? "feed" : "atom"}.xml`;

/** The date archive (app/archive): every year with its months. */
export const ARCHIVE_PATH = "/archive";

/**
 * A year, month or day of the date archive, from its zero-padded segments.
 *
 * @example
 * archivePath("2025", "05", "08") // "/archive/2025/05/08"
 * archivePath()                   // "/archive"
 */
export const archivePath = (...segments: string[]) => [ARCHIVE_PATH, ...segments].join("/");

/** Every correction of the public stories, newest first (paged like the fronts: pagePath). */
export const CORRECTIONS_PATH = "/corrections";

/** The id of the corrections box on a story page, and of its n-th correction (1 = the oldest). */
export const CORRECTIONS_ID = "corrections";
export const correctionId = (n: number) => `correction-${n}`;

/**
 * A story's n-th correction (1 = the oldest), on the story's page.
 *
 * @example
 * correctionPath("/world/some-story", 2) // "/world/some-story#correction-2"
 */
export const correctionPath = (articlePath: string, n: number) => `${articlePath}#${correctionId(n)}`;

/**
 * A live story's Atom feed of its updates (app/[section]/[slug]/live.xml).
 *
 * @example
 * liveFeedPath("/world/some-story") // "/world/some-story/live.xml"
 */
export const liveFeedPath = (articlePath: string) => `${articlePath}/live.xml`;

/**
 * The anchor (`id`) of a live story's update, from its time to the second in
 * UTC: stable while an editor rewrites the update's headline.
 *
 * @example
 * updateAnchor(new Date("2025-05-09T14:05:00Z")) // "update-20250509t140500z"
 */
export function updateAnchor(time: Date): string {
  return `update-${time.toISOString().slice(0, 19).replace(/[-:]/g, "").toLowerCase()}z`;
}

/**
 * The permalink of an update on its story's page.
 *
 * @example
 * updatePath("/world/some-story", "update-20250509t140500z") // "/world/some-story#update-20250509t140500z"
 */
export const updatePath = (articlePath: string, anchor: string) => `${articlePath}#${anchor}`;

/** The parts /sitemap.xml indexes once the site passes 50,000 addresses. */
export const sitemapPartPath = (n: number) => `/sitemap/${n}.xml`;

/**
 * Front-matter aliases as paths: an old slug stays in the story's section,
 * an old `section/slug` is taken whole.
 *
 * @example
 * aliasPaths(["old-slug", "diplomacy/older-slug"], "world") // ["/world/old-slug", "/diplomacy/older-slug"]
 */
export function aliasPaths(aliases: string[], section: string): string[] {
  return [...new Set(aliases.map((a) => (a.includes("/") ? `/${a}` : articlePath(section, a))))];
}

/**
 * The slug an alias frees: the last segment of `old-slug` or `section/old-slug`.
 *
 * @example
 * aliasSlug("diplomacy/older-slug") // "older-slug"
 */
export function aliasSlug(alias: string): string {
  return alias.slice(alias.lastIndexOf("/") + 1);
}

/**
 * Joins a site path to the canonical origin.
 *
 * @example
 * absolute("https://interbellumnews.com", "/world") // "https://interbellumnews.com/world"
 * absolute("https://interbellumnews.com", "/")      // "https://interbellumnews.com/"
 */
export function absolute(origin: string, path: string): string {
  return new URL(path, origin + "/").toString();
}
