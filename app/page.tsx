import type { Metadata } from "next";
import { JsonLd } from "@/components/json-ld";
import { Link } from "@/components/link";
import { FrontLead, TOP_STORY_SIZES } from "@/components/front-lead";
import { LiveLabel } from "@/components/live-label";
import { PubDate } from "@/components/pub-date";
import { StoryCard } from "@/components/story-card";
import { getCorpus, getSite, latestPublic, sectionArticles } from "@/lib/content";
import { organizationJsonLd, websiteJsonLd } from "@/lib/seo/jsonld";
import { pageMetadata } from "@/lib/seo/metadata";
import { HOME_PATH, sectionPath } from "@/lib/paths";

export const revalidate = 60;

const TOP_STORIES = 4;
const RAIL_STORIES = 4;
export function generateMetadata(): Metadata {
  const site = getSite();
  return pageMetadata(site, { description: site.description, path: HOME_PATH });
}

export default function FrontPage() {
  const { site, sections } = getCorpus();
  const now = new Date();
  const [lead, ...top] = latestPublic(now, { limit: 1 + TOP_STORIES });
  const rails = sections
    .map((section) => ({ section, stories: sectionArticles(section.slug, now, RAIL_STORIES) }))
    .filter((rail) => rail.stories.length);

  return (
    <div className="mx-auto max-w-6xl px-4 pt-6 sm:pt-10">
      <JsonLd data={organizationJsonLd(site)} />
      <JsonLd data={websiteJsonLd(site)} />
      <h1 className="sr-only">{site.name}: latest news</h1>
      {lead ? (
        <FrontLead story={lead} timeZone={site.timeZone} />
      ) : (
        <p className="py-16 text-center text-muted">No stories have been published yet.</p>
      )}

      {top.length ? (
        <section aria-labelledby="top-stories" className="mt-10">
          <h2 id="top-stories" className="border-t-2 border-ink pt-3 font-serif text-2xl font-bold">
            Top stories
          </h2>
          <div className="mt-5 grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
            {top.map((story) => (
              <StoryCard key={story.slug} article={story} sizes={TOP_STORY_SIZES} />
            ))}
          </div>
        </section>
      ) : null}

      {rails.map(({ section, stories }) => (
        <section key={section.slug} aria-labelledby={`rail-${section.slug}`} className="mt-12">
          <div className="flex items-baseline justify-between border-t-2 border-ink pt-3">
            <h2 id={`rail-${section.slug}`} className="font-serif text-2xl font-bold">
              <Link href={sectionPath(section.slug)} className="hover:underline">
                {section.name}
              </Link>
            </h2>
            <Link href={sectionPath(section.slug)} className="text-sm font-semibold text-accent-ink underline">
              More in {section.name}
              <span className="sr-only"> section</span>
            </Link>
          </div>
          <ul className="mt-4 grid gap-x-8 gap-y-4 sm:grid-cols-2 lg:grid-cols-4">
            {stories.map((story) => (
              <li key={story.slug} className="border-t border-rule pt-3 first:border-t-0 sm:border-t-0 sm:pt-0">
                <LiveLabel article={story} className="mr-2" />
                <Link href={story.path} className="font-serif text-lg leading-snug font-bold hover:underline">
                  {story.title}
                </Link>
                <p className="mt-1 text-sm text-muted">
                  <PubDate date={story.publishedAt} timeZone={site.timeZone} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
