import { Link } from "@/components/link";
import { LiveLabel } from "@/components/live-label";
import { PubDate } from "@/components/pub-date";
import { StoryImage } from "@/components/story-image";
import type { Article } from "@/lib/content";

// Rendered widths in the max-w-6xl (1152 px) container with 16 px padding: the lead takes 3/5
// of the row beside its text from lg, a top story a quarter of it (2 columns from sm).
const LEAD_SIZES = "(min-width: 1152px) 658px, (min-width: 1024px) calc(60vw - 34px), calc(100vw - 32px)";
export const TOP_STORY_SIZES =
  "(min-width: 1152px) 256px, (min-width: 1024px) calc(25vw - 32px), (min-width: 640px) calc(50vw - 32px), calc(100vw - 32px)";

/** The front page's lead story: the big picture beside headline, standfirst and date (also on the desk). */
export function FrontLead({ story, timeZone }: { story: Article; timeZone: string }) {
  return (
    <article className="group relative grid gap-6 pb-4 lg:grid-cols-[3fr_2fr] lg:items-center">
      <StoryImage
        image={story.image}
        sizes={LEAD_SIZES}
        lead
        className="aspect-[3/2] w-full object-cover"
      />
      <div>
        <p className="text-sm font-semibold tracking-wider text-accent-ink uppercase">
          <LiveLabel article={story} className="mr-2" />
          {story.kicker ?? story.section.name}
        </p>
        <h2 className="mt-2 font-serif text-3xl leading-tight font-bold text-balance sm:text-4xl">
          <Link href={story.path} className="after:absolute after:inset-0 group-hover:underline">
            {story.title}
          </Link>
        </h2>
        <p className="mt-3 font-serif text-lg text-muted">{story.standfirst}</p>
        <p className="mt-3 text-sm text-muted">
          <PubDate date={story.publishedAt} timeZone={timeZone} />
        </p>
      </div>
    </article>
  );
}
