import type { ReactNode } from "react";
import { FrontLead, TOP_STORY_SIZES } from "@/components/front-lead";
import { StoryCard } from "@/components/story-card";
import { StoryList } from "@/components/story-list";
import type { Article, SiteSettings } from "@/lib/content";
import { DESCRIPTION_MAX_LENGTH, type ReachWarning } from "@/lib/desk/reach";
import { frontPageWith, googleResult, sectionFrontWith, shareText } from "@/lib/desk/surfaces";
import { deskCardPath } from "@/lib/paths";

/** A framed specimen of a surface, with what it is. */
function Specimen({ id, title, note, children }: { id: string; title: string; note: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h3 id={id} className="text-sm font-semibold tracking-wider text-muted uppercase">
        {title}
      </h3>
      <p className="text-sm text-muted">{note}</p>
      <div className="mt-3 overflow-hidden rounded border border-rule p-4">{children}</div>
    </section>
  );
}

/** What hurts the story's reach, or that nothing does. */
export function ReachList({ warnings }: { warnings: ReachWarning[] }) {
  if (!warnings.length) return <p>Nothing found that would hurt this story’s reach.</p>;
  return (
    <ul className="space-y-1">
      {warnings.map((w) => (
        <li key={w.field + w.message} className="border-l-4 border-accent pl-2">
          <span className="font-mono text-xs">{w.field}</span>: {w.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * The story on every surface readers meet it: front page, section front,
 * search, share card, a Google result. The site's own components, with the
 * story placed as the newest among the stories public now.
 */
export function StorySurfaces({ story, site, now }: { story: Article; site: SiteSettings; now: Date }) {
  const front = frontPageWith(story, now);
  const share = shareText(site, story);
  const google = googleResult(site, story);
  return (
    <>
      <Specimen id="surface-front" title="Front page" note="As the lead story, above the current top stories.">
        <FrontLead story={front.lead} timeZone={site.timeZone} />
        {front.top.length ? (
          <div className="mt-6 grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
            {front.top.map((s) => (
              <StoryCard key={s.slug} article={s} sizes={TOP_STORY_SIZES} />
            ))}
          </div>
        ) : null}
      </Specimen>
      <Specimen id="surface-section" title={`Section front: ${story.section.name}`} note="At the top of its section, above its newest public stories.">
        <StoryList stories={sectionFrontWith(story, now)} timeZone={site.timeZone} />
      </Specimen>
      <Specimen id="surface-search" title="Site search" note="As a result on the site’s search page.">
        <StoryList stories={[story]} timeZone={site.timeZone} />
      </Specimen>
      <Specimen id="surface-card" title="Share card" note="The image, title and description social sites and messengers take from the page.">
        {/* eslint-disable-next-line @next/next/no-img-element -- a generated PNG, shown as it is */}
        <img src={deskCardPath(story.slug)} width={1200} height={630} alt={`Share card: ${story.title}`} className="h-auto w-full max-w-xl border border-rule" />
        <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="font-semibold">Title</dt>
          <dd>{share.title}</dd>
          <dt className="font-semibold">Description</dt>
          <dd>{share.description || <em>none</em>}</dd>
          <dt className="font-semibold">Address</dt>
          <dd className="break-all">{share.url}</dd>
        </dl>
      </Specimen>
      <Specimen id="surface-google" title="Google result" note={`Title, address and description, cut at ${DESCRIPTION_MAX_LENGTH} characters as results cut it.`}>
        <div className="max-w-xl font-sans">
          <p className="text-sm break-all">{google.crumbs}</p>
          <p className="mt-1 text-xl leading-snug text-accent-ink">{google.title}</p>
          <p className="mt-1 text-sm text-muted">{google.description}</p>
        </div>
      </Specimen>
    </>
  );
}
