import { Link } from "@/components/link";
import type { ReactNode } from "react";
import { LiveLabel } from "@/components/live-label";
import { PubDate } from "@/components/pub-date";
import { StoryImage } from "@/components/story-image";
import type { Article } from "@/lib/content";

/** A newest-first list of stories: thumbnail, label, headline, standfirst, date. */
export function StoryList({
  stories,
  timeZone,
  renderStandfirst,
  renderTitle,
}: {
  stories: Article[];
  timeZone: string;
  renderTitle?: (story: Article) => ReactNode;
  renderStandfirst?: (story: Article) => ReactNode;
}) {
  return (
    <ol className="divide-y divide-rule">
      {stories.map((story) => (
        <li key={story.slug} className="group relative grid grid-cols-[1fr_6.5rem] gap-4 py-5 sm:grid-cols-[1fr_12rem] sm:gap-6">
          <div className="min-w-0">
            <p className="text-xs font-semibold tracking-wider text-accent-ink uppercase">
              <LiveLabel article={story} className="mr-2" />
              {story.kicker ?? story.section.name}
            </p>
            <h2 className="mt-1 font-serif text-xl leading-snug font-bold sm:text-2xl">
              <Link href={story.path} className="after:absolute after:inset-0 group-hover:underline">
                {renderTitle ? renderTitle(story) : story.title}
              </Link>
            </h2>
            <p className="mt-2 text-muted">{renderStandfirst ? renderStandfirst(story) : story.standfirst}</p>
            <p className="mt-2 text-sm text-muted">
              <PubDate date={story.publishedAt} timeZone={timeZone} />
            </p>
          </div>
          <StoryImage image={story.image} sizes="(min-width: 640px) 192px, 104px" className="aspect-[3/2] w-full object-cover" />
        </li>
      ))}
    </ol>
  );
}
