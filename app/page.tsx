import Image from "next/image";
import Link from "next/link";
import { StoryCard } from "@/components/story-card";
import { getSite, latestPublic } from "@/lib/content";
import { formatDate } from "@/lib/format";

export const revalidate = 60;

const FRONT_PAGE_STORIES = 13;

export default function FrontPage() {
  const site = getSite();
  const [lead, ...latest] = latestPublic(new Date(), { limit: FRONT_PAGE_STORIES });

  return (
    <div className="mx-auto max-w-6xl px-4 pt-6 sm:pt-10">
      <h1 className="sr-only">{site.name}: latest news</h1>
      {lead ? (
        <article className="group relative grid gap-6 border-b border-rule pb-10 lg:grid-cols-[3fr_2fr] lg:items-center">
          <Image
            src={lead.image.src}
            width={lead.image.width}
            height={lead.image.height}
            alt={lead.image.alt}
            sizes="(min-width: 1152px) 660px, (min-width: 1024px) 58vw, 100vw"
            preload
            fetchPriority="high"
            className="aspect-[3/2] w-full object-cover"
          />
          <div>
            <p className="text-sm font-semibold tracking-wider text-accent-ink uppercase">
              {lead.kicker ?? lead.section.name}
            </p>
            <h2 className="mt-2 font-serif text-3xl leading-tight font-bold text-balance sm:text-4xl">
              <Link href={lead.path} className="after:absolute after:inset-0 group-hover:underline">
                {lead.title}
              </Link>
            </h2>
            <p className="mt-3 font-serif text-lg text-muted">{lead.standfirst}</p>
            <p className="mt-3 text-sm text-muted">
              <time dateTime={lead.publishedAt.toISOString()}>{formatDate(lead.publishedAt, site.timeZone)}</time>
            </p>
          </div>
        </article>
      ) : (
        <p className="py-16 text-center text-muted">No stories have been published yet.</p>
      )}

      {latest.length ? (
        <section aria-labelledby="latest" className="mt-10">
          <h2 id="latest" className="border-t-2 border-ink pt-3 font-serif text-2xl font-bold">
            Latest
          </h2>
          <div className="mt-5 grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
            {latest.map((story) => (
              <StoryCard key={story.slug} article={story} />
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
