import { Link } from "@/components/link";
import { LiveLabel } from "@/components/live-label";
import { StoryImage } from "@/components/story-image";
import type { Article } from "@/lib/content";

/** A teaser: image and headline, the whole card one link. */
export function StoryCard({
  article,
  sizes,
  headingLevel = 3,
}: {
  article: Article;
  /** The picture's rendered width in the caller's grid (the `<img sizes>`). */
  sizes: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="group relative">
      <StoryImage
        image={article.image}
        sizes={sizes}
        className="aspect-[3/2] w-full object-cover"
      />
      <p className="mt-3 text-xs font-semibold tracking-wider text-accent-ink uppercase">
        <LiveLabel article={article} className="mr-2" />
        {article.kicker ?? article.section.name}
      </p>
      <Heading className="mt-1 font-serif text-lg leading-snug font-bold">
        <Link href={article.path} className="after:absolute after:inset-0 group-hover:underline">
          {article.title}
        </Link>
      </Heading>
    </article>
  );
}
