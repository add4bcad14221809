import { Link } from "@/components/link";
import { latestCorrection, type Article } from "@/lib/content";
import { Fragment } from "react";
import { LiveLabel } from "@/components/live-label";
import { formatDateTime } from "@/lib/render/format";
import { CORRECTIONS_ID, authorPath, sectionPath } from "@/lib/paths";
import { storyDayPath } from "@/lib/publishing/archive";

export function ArticleHeader({ article, timeZone }: { article: Article; timeZone: string }) {
  const corrected = latestCorrection(article);
  return (
    <header className="mx-auto max-w-3xl px-4">
      <p className="text-sm font-semibold tracking-wider uppercase">
        <LiveLabel article={article} className="mr-2" />
        <Link href={sectionPath(article.section.slug)} className="text-accent-ink hover:underline">
          {article.section.name}
        </Link>
        {article.kicker ? <span className="text-muted"> · {article.kicker}</span> : null}
      </p>
      <h1 className="mt-3 font-serif text-3xl leading-tight font-bold text-balance sm:text-5xl">{article.title}</h1>
      <p className="mt-4 font-serif text-xl leading-snug text-muted sm:text-2xl">{article.standfirst}</p>
      <div className="mt-6 border-t border-rule pt-3 text-sm">
        <p className="font-semibold">
          By{" "}
          {article.authors.map((author, i) => (
            <Fragment key={author.slug}>
              {i > 0 ? (i === article.authors.length - 1 ? " and " : ", ") : null}
              <Link href={authorPath(author.slug)} className="underline decoration-rule hover:text-accent-ink">
                {author.name}
              </Link>
            </Fragment>
          ))}
        </p>
        <p className="mt-1 text-muted">
          Published{" "}
          {/* The day's archive: every story of that day, one click away. */}
          <Link href={storyDayPath(article.publishedAt, timeZone)} className="underline decoration-rule hover:text-accent-ink">
            <time dateTime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt, timeZone)}</time>
          </Link>
          {article.updatedAt ? (
            <>
              {" · "}Updated <time dateTime={article.updatedAt.toISOString()}>{formatDateTime(article.updatedAt, timeZone)}</time>
            </>
          ) : null}
          {/* A live story grows: its reading time would be the intro's. */}
          {article.live ? null : ` · ${article.readingMinutes} min read`}
        </p>
        {corrected ? (
          <p className="mt-1">
            <Link href={`#${CORRECTIONS_ID}`} className="font-semibold text-accent-ink underline">
              Corrected on <time dateTime={corrected.date.toISOString()}>{formatDateTime(corrected.date, timeZone)}</time>
            </Link>
          </p>
        ) : null}
      </div>
    </header>
  );
}
