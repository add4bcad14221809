import { MIN_HERO_WIDTH, type Article } from "../content";

/*
 * What hurts a news story's reach, as the desk warns about it: Google Discover
 * and Top Stories want a hero at least 1200 px wide; a picture without alt
 * text or credit cannot be shown everywhere; Google's headline property of a
 * NewsArticle is cut at 110 characters; and a search result shows a
 * description (the standfirst) of about 160 characters at most. The limits are
 * defined here, once.
 */

export const HEADLINE_MAX_LENGTH = 110;
export const DESCRIPTION_MAX_LENGTH = 160;

export type ReachWarning = { field: string; message: string };

/**
 * @example
 * reachWarnings({ ...article, title: "x".repeat(120) }) // [{ field: "title", message: "headline is 120 characters; …" }]
 */
export function reachWarnings(article: Pick<Article, "title" | "standfirst" | "image">): ReachWarning[] {
  const warnings: ReachWarning[] = [];
  const { image } = article;
  if (image.width < MIN_HERO_WIDTH) {
    warnings.push({ field: "image.src", message: `hero is ${image.width} px wide; search and social feeds want at least ${MIN_HERO_WIDTH} px` });
  }
  if (!image.alt.trim()) warnings.push({ field: "image.alt", message: "the hero has no alt text" });
  if (!image.credit.trim()) warnings.push({ field: "image.credit", message: "the hero has no credit" });
  const headline = [...article.title].length;
  if (headline > HEADLINE_MAX_LENGTH) {
    warnings.push({ field: "title", message: `headline is ${headline} characters; search engines cut it at ${HEADLINE_MAX_LENGTH}` });
  }
  const description = [...article.standfirst.trim()].length;
  if (!description) warnings.push({ field: "standfirst", message: "no description: search and social sites will make up their own" });
  else if (description > DESCRIPTION_MAX_LENGTH) {
    warnings.push({ field: "standfirst", message: `description is ${description} characters; results show about ${DESCRIPTION_MAX_LENGTH}` });
  }
  return warnings;
}

/**
 * Text cut to `max` characters at a word, with an ellipsis, as a result shows it.
 *
 * @example
 * clip("one two three", 8) // "one two…"
 */
export function clip(text: string, max: number): string {
  const chars = [...text.trim()];
  if (chars.length <= max) return chars.join("");
  const cut = chars.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
