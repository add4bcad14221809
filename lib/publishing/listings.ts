import {
  authorArticles,
  getAuthor,
  getCorpus,
  getSection,
  getTopic,
  isPublic,
  sectionArticles,
  topicArticles,
  type Article,
} from "../content";
import { listingPath } from "../paths";
import { paginate, type Page } from "./pagination";
import { prerenderListingPages } from "./prerender";

/*
 * Section, topic and author fronts are the same thing: a named, newest-first,
 * paginated list of public stories. This module resolves one from its URL.
 */

export type ListingKind = "section" | "topic" | "author";

export type Listing = {
  kind: ListingKind;
  slug: string;
  /** Canonical path of page 1, e.g. `/world`, `/topic/russia`. */
  base: string;
  name: string;
  /** What the list is, for the eyebrow above the name ("Topic", "Author"). */
  label: string | undefined;
  description: string | undefined;
  /** For authors: their role. */
  role: string | undefined;
  articles: Article[];
};

export function findListing(kind: ListingKind, slug: string, now: Date): Listing | undefined {
  const base = listingPath(kind, slug);
  if (kind === "section") {
    const section = getSection(slug);
    if (!section) return undefined;
    const articles = sectionArticles(slug, now);
    return { kind, slug, base, name: section.name, label: undefined, description: section.description, role: undefined, articles };
  }
  if (kind === "topic") {
    const topic = getTopic(slug);
    const articles = topic ? topicArticles(slug, now) : [];
    // A topic only exists for readers once a public story carries it.
    if (!topic || !articles.length) return undefined;
    return { kind, slug, base, name: topic.name, label: "Topic", description: topic.description, role: undefined, articles };
  }
  const author = getAuthor(slug);
  if (!author) return undefined;
  const articles = authorArticles(slug, now);
  return { kind, slug, base, name: author.name, label: "Author", description: author.bio, role: author.role, articles };
}

export function findListingPage(
  kind: ListingKind,
  slug: string,
  page: number,
  now: Date,
): { listing: Listing; page: Page<Article> } | undefined {
  const listing = findListing(kind, slug, now);
  if (!listing) return undefined;
  const result = paginate(listing.articles, page, getCorpus().site.pageSize, listing.base);
  return result ? { listing, page: result } : undefined;
}

/**
 * The page numbers (≥ 2) a listing has now, up to `upTo`, for static params;
 * deeper pages render on their first request (see prerenderListingPages).
 */
export function extraPages(kind: ListingKind, slug: string, now: Date, upTo: number = prerenderListingPages()): number[] {
  const listing = findListing(kind, slug, now);
  if (!listing) return [];
  const total = Math.min(upTo, Math.ceil(listing.articles.filter((a) => isPublic(a, now)).length / getCorpus().site.pageSize));
  return Array.from({ length: Math.max(0, total - 1) }, (_, i) => i + 2);
}
