import { Link } from "@/components/link";
import type { Article } from "@/lib/content";
import { LiveLabel } from "@/components/live-label";
import { PubDate } from "@/components/pub-date";

export function RelatedStories({ stories, timeZone }: { stories: Article[]; timeZone: string }) {
  return (
    <section aria-labelledby="related-stories" className="mx-auto max-w-3xl px-4">
      <h2 id="related-stories" className="border-t-2 border-ink pt-3 font-serif text-2xl font-bold">
        Related Stories
      </h2>
      {stories.length === 0 ? (
        <p className="mt-3 text-muted">No stories found.</p>
      ) : (
        <ul className="mt-3 divide-y divide-rule">
          {stories.map((story) => (
            <li key={story.slug} className="py-3">
              <Link href={story.path} className="font-serif text-lg font-bold hover:underline">
                {story.title}
              </Link>
              <p className="mt-1 text-sm text-muted">
                <LiveLabel article={story} className="mr-2" />
                {story.section.name} ·{" "}
                <PubDate date={story.publishedAt} timeZone={timeZone} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
