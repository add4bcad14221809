import type { ReactNode } from "react";
import "./article-view.css";
import { ArticleBody } from "@/components/article-body";
import { ArticleCorrections } from "@/components/article-corrections";
import { ArticleHeader } from "@/components/article-header";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { HeroFigure } from "@/components/hero-figure";
import { JsonLd } from "@/components/json-ld";
import { Link } from "@/components/link";
import { KeyEvents, LiveUpdates } from "@/components/live-updates";
import { RelatedStories } from "@/components/related-stories";
import { StoryCard } from "@/components/story-card";
import { articleBody, getCorpus, isLive, isPublic, moreStories, visibleUpdates, type Article } from "@/lib/content";
import { relatedStories } from "@/lib/publishing/related";
import { articleBreadcrumb, liveBlogPostingJsonLd, newsArticleJsonLd } from "@/lib/seo/jsonld";
import { sectionPath, topicPath } from "@/lib/paths";

/*
 * A story's page: the article page renders it for readers (and in Draft Mode),
 * the desk and shared preview links render the same, so a preview looks
 * exactly as the story will.
 */

const MORE_STORIES = 3;
// A third of the max-w-6xl (1152 px) row from lg, half from sm (16 px padding, 32 px gaps).
const MORE_STORY_SIZES =
  "(min-width: 1152px) 352px, (min-width: 1024px) calc(33vw - 32px), (min-width: 640px) calc(50vw - 32px), calc(100vw - 32px)";

/**
 * The story's page below the site header. `preview`: every live update shows,
 * scheduled ones too, and `banner` (what kind of preview this is) heads it.
 */
export function ArticleView({ article, now, preview, banner }: { article: Article; now: Date; preview: boolean; banner?: ReactNode }) {
  const corpus = getCorpus();
  const timeZone = corpus.site.timeZone;
  const body = articleBody(article);
  const related = relatedStories(article, { ...corpus, total: corpus.articles.length }, now);
  const more = moreStories(article, now, MORE_STORIES);
  // A live story: its updates public now (in preview the scheduled ones too), and whether the
  // coverage runs, for the Live label and the script that brings new updates into an open page.
  const updates = article.live ? (preview ? article.live.updates : visibleUpdates(article, now)) : [];
  const live = isLive(article, now) && isPublic(article, now);

  return (
    <>
      {banner}
      <JsonLd data={article.live ? liveBlogPostingJsonLd(corpus.site, article, now) : newsArticleJsonLd(corpus.site, article)} />
      <JsonLd data={articleBreadcrumb(corpus.site, article)} />
      <div className="mx-auto max-w-3xl px-4 pt-5">
        <Breadcrumbs
          trail={[
            { name: "Home", href: "/" },
            { name: article.section.name, href: sectionPath(article.section.slug) },
            { name: article.title, href: article.path },
          ]}
        />
      </div>
      <article className="pt-5 sm:pt-8">
        <ArticleHeader article={article} timeZone={timeZone} />
        <div className="mt-8">
          <HeroFigure image={article.image} />
        </div>
        {article.live ? <KeyEvents article={article} updates={updates} timeZone={timeZone} /> : null}
        {body ? (
          <div className="mt-8">
            <ArticleBody markdown={body} origin={corpus.site.origin} />
          </div>
        ) : null}
        {article.live ? (
          <LiveUpdates article={article} updates={updates} timeZone={timeZone} origin={corpus.site.origin} live={live} now={now} />
        ) : null}
        <ArticleCorrections corrections={article.corrections} timeZone={timeZone} />
        {article.tags.length ? (
          <footer className="no-print mx-auto mt-8 max-w-3xl px-4">
            <h2 className="text-xs font-semibold tracking-wider text-muted uppercase">Topics</h2>
            <ul className="mt-2 flex flex-wrap gap-2 text-sm">
              {article.tags.map((tag) => (
                <li key={tag.slug}>
                  <Link
                    href={topicPath(tag.slug)}
                    className="inline-block rounded-full border border-rule px-3 py-1 hover:border-accent-ink hover:text-accent-ink"
                  >
                    {tag.name}
                  </Link>
                </li>
              ))}
            </ul>
          </footer>
        ) : null}
      </article>

      <aside aria-label={`More from ${corpus.site.name}`} className="no-print mt-14 space-y-14">
        {more.length ? (
          <section aria-labelledby="more-stories" className="mx-auto max-w-6xl px-4">
            <h2 id="more-stories" className="border-t-2 border-ink pt-3 font-serif text-2xl font-bold">
              More stories
            </h2>
            <div className="mt-5 grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
              {more.map((story) => (
                <StoryCard key={story.slug} article={story} sizes={MORE_STORY_SIZES} />
              ))}
            </div>
          </section>
        ) : null}
        <RelatedStories stories={related} timeZone={timeZone} />
      </aside>
    </>
  );
}
