import { latestPublic, sectionArticles, type Article, type SiteSettings } from "../content";
import { absolute } from "../paths";
import { articleMetadata } from "../seo/metadata";
import { clip, DESCRIPTION_MAX_LENGTH } from "./reach";

/*
 * A story placed where readers will meet it, among the stories public now. It
 * is placed as the newest story (as when it goes out next), so it leads the
 * front page and heads its section; the rest are the current public stories
 * without it.
 */

export const FRONT_TOP_STORIES = 4;
export const SECTION_STORIES = 4;

/** The front page's lead and top stories with `story` leading. */
export function frontPageWith(story: Article, now: Date): { lead: Article; top: Article[] } {
  return { lead: story, top: latestPublic(now, { limit: FRONT_TOP_STORIES, exclude: (a) => a.slug === story.slug }) };
}

/** The first stories of the story's section front, `story` first. */
export function sectionFrontWith(story: Article, now: Date): Article[] {
  return [story, ...sectionArticles(story.section.slug, now, SECTION_STORIES + 1).filter((a) => a.slug !== story.slug).slice(0, SECTION_STORIES - 1)];
}

export type ShareText = { title: string; description: string; url: string };

/** The title, description and address social sites take from the story's Open Graph tags (lib/seo/metadata). */
export function shareText(site: SiteSettings, story: Article): ShareText {
  const og = articleMetadata(site, story).openGraph ?? {};
  return {
    title: String(og.title ?? story.title),
    description: String(og.description ?? story.standfirst),
    url: absolute(site.origin, story.path),
  };
}

export type SearchResult = { title: string; url: string; crumbs: string; description: string };

/**
 * The story as a Google result: the page title (the layout's template adds the
 * site's name), its address as a breadcrumb, the description cut as results cut it.
 *
 * @example
 * googleResult(site, story).crumbs // "interbellumnews.com › world › some-story"
 */
export function googleResult(site: SiteSettings, story: Article): SearchResult {
  const url = absolute(site.origin, story.path);
  const { host, pathname } = new URL(url);
  return {
    title: `${story.title} | ${site.name}`,
    url,
    crumbs: [host, ...pathname.split("/").filter(Boolean)].join(" › "),
    description: clip(story.standfirst, DESCRIPTION_MAX_LENGTH),
  };
}
