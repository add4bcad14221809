import { Link } from "@/components/link";
import { modifiedAt, type Article, type ContentProblem } from "@/lib/content";
import { timeUntil, type DeskList } from "@/lib/desk/board";
import { reachWarnings } from "@/lib/desk/reach";
import { deskStoryPath } from "@/lib/paths";
import { formatDateTime } from "@/lib/render/format";

/** A story's content problems (content:check) as a list. */
export function ProblemList({ problems }: { problems: ContentProblem[] }) {
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {problems.map((p, i) => (
        <li key={i} className="border-l-4 border-accent pl-2">
          <span className="font-mono text-xs">{p.field}</span>: {p.message} <span className="text-muted">({p.rule})</span>
        </li>
      ))}
    </ul>
  );
}

/** One of the desk's lists: headline, section, byline, last change, and what is wrong with each story. */
export function StoryRows({
  list,
  now,
  timeZone,
  problemsOf,
  schedule = false,
}: {
  list: DeskList;
  now: Date;
  timeZone: string;
  problemsOf: (article: Article) => ContentProblem[];
  schedule?: boolean;
}) {
  if (!list.total) return <p className="text-muted">None.</p>;
  return (
    <>
      <ul className="divide-y divide-rule border-y border-rule">
        {list.stories.map((story) => {
          const problems = problemsOf(story);
          const reach = reachWarnings(story).length;
          return (
            <li key={story.slug} className="py-3">
              <p className="font-serif text-lg leading-snug font-bold">
                <Link href={deskStoryPath(story.slug)} className="hover:underline">
                  {story.title}
                </Link>
              </p>
              <p className="mt-1 text-sm text-muted">
                {story.section.name} · {story.authors.map((a) => a.name).join(", ")} · last change{" "}
                <time dateTime={modifiedAt(story).toISOString()}>{formatDateTime(modifiedAt(story), timeZone)}</time>
              </p>
              {schedule ? (
                <p className="mt-1 text-sm font-semibold">
                  Goes out <time dateTime={story.publishedAt.toISOString()}>{formatDateTime(story.publishedAt, timeZone)}</time>,{" "}
                  {timeUntil(story.publishedAt, now)}
                </p>
              ) : null}
              {problems.length ? <ProblemList problems={problems} /> : null}
              {reach ? (
                <p className="mt-1 text-sm">
                  {reach} reach warning{reach === 1 ? "" : "s"}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {list.total > list.stories.length ? (
        <p className="mt-2 text-sm text-muted">
          Showing {list.stories.length} of {list.total.toLocaleString("en")}.
        </p>
      ) : null}
    </>
  );
}
