/*
 * Site addresses, in one place so pages, sitemaps, feeds and structured data
 * agree. Canonical form: lower case, no trailing slash.
 */

export const sectionPath = (section: string) => `/${section}`;
export const topicPath = (topic: string) => `/topic/${topic}`;
export const authorPath = (author: string) => `/author/${author}`;
export const searchPath = (query: string) => `/search?q=${encodeURIComponent(query)}`;

/** Share cards (app/**\/og.png/route.tsx). */
export const siteCardPath = () => "/og.png";
export const sectionCardPath = (section: string) => `/${section}/og.png`;
export const articleCardPath = (articlePath: string) => `${articlePath}/og.png`;

/** The publisher logo (app/logo.png/route.tsx). */
export const LOGO_PATH = "/logo.png";
export const LOGO_SIZE = 512;

export const feedPath = (kind: "rss" | "atom", section?: string) =>
  `${section ? `/${section}` : ""}/${kind === "rss" ? "feed" : "atom"}.xml`;

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
