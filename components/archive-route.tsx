import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs, type Crumb } from "@/components/breadcrumbs";
import { JsonLd } from "@/components/json-ld";
import { Link } from "@/components/link";
import { Pagination } from "@/components/pagination";
import { StoryList } from "@/components/story-list";
import { getSite } from "@/lib/content";
import { ARCHIVE_PATH, pagePath } from "@/lib/paths";
import {
  adjacentPeriods,
  dayPage,
  findPeriod,
  getArchiveIndex,
  periodChildren,
  periodName,
  periodPath,
  type Period,
  type PeriodLevel,
  type PeriodSummary,
} from "@/lib/publishing/archive";
import { parsePageSegment } from "@/lib/publishing/pagination";
import { breadcrumbJsonLd } from "@/lib/seo/jsonld";
import { pageMetadata } from "@/lib/seo/metadata";

/*
 * /archive, /archive/<yyyy>, /archive/<yyyy>/<mm>, /archive/<yyyy>/<mm>/<dd>
 * and /archive/<yyyy>/<mm>/<dd>/page/<n> share one implementation; each route
 * file names its level. The index links every month and a month every page of
 * each day, so a story is at most 4 clicks from the front page
 * (front → footer "Archive" → month → day or its page n → story).
 */

type RouteParams = { year?: string; month?: string; day?: string; n?: string };

const LEVELS: PeriodLevel[] = ["year", "month", "day"];

function resolve(level: PeriodLevel | "index", params: RouteParams) {
  const now = new Date();
  const index = getArchiveIndex();
  if (level === "index") return index.years.length ? { now, index, period: undefined, page: 1 } : undefined;
  const segments = [params.year, params.month, params.day].slice(0, LEVELS.indexOf(level) + 1);
  const page = params.n === undefined ? 1 : parsePageSegment(params.n);
  if (!page || segments.some((s) => s === undefined)) return undefined;
  const period = findPeriod(index, segments as string[], now);
  return period ? { now, index, period, page } : undefined;
}

function trailOf(period: Period | undefined, page: number): Crumb[] {
  const trail: Crumb[] = [{ name: "Home", href: "/" }, { name: "Archive", href: ARCHIVE_PATH }];
  if (period) {
    for (let length = 4; length <= period.key.length; length += 3) {
      const key = period.key.slice(0, length);
      const ancestor = { ...period, key, level: LEVELS[(length - 4) / 3]! };
      trail.push({ name: periodName(ancestor), href: periodPath(ancestor) });
    }
  }
  if (page > 1) trail.push({ name: `Page ${page}`, href: pagePath(trail.at(-1)!.href, page) });
  return trail;
}

export function archiveRoute(level: PeriodLevel | "index") {
  /**
   * The index and the years at build time; months and days render on their
   * first request, like deep list pages (a 40-year archive has 480 months
   * and 14,000 days: minutes of build for pages few open).
   */
  function generateStaticParams(): RouteParams[] {
    if (level !== "year") return [];
    return periodChildren(getArchiveIndex(), "year", undefined, new Date(), 1).map(({ period }) => ({ year: period.key }));
  }

  async function generateMetadata({ params }: { params: Promise<RouteParams> }): Promise<Metadata> {
    const found = resolve(level, await params);
    if (!found) return {};
    const site = getSite();
    const name = found.period ? periodName(found.period) : undefined;
    const title = name ? `Archive: ${name}${found.page > 1 ? ` – page ${found.page}` : ""}` : "Archive";
    return pageMetadata(site, {
      title,
      description: name
        ? `Every story ${site.name} published ${found.period?.level === "day" ? "on" : "in"} ${name}.`
        : `Every story ${site.name} has published, by year, month and day.`,
      path: pagePath(found.period ? periodPath(found.period) : ARCHIVE_PATH, found.page),
    });
  }

  async function Page({ params }: { params: Promise<RouteParams> }) {
    const found = resolve(level, await params);
    if (!found) notFound();
    const { now, index, period } = found;
    const site = getSite();
    const stories = period?.level === "day" ? dayPage(index, period, found.page, now, site.pageSize) : undefined;
    if (period?.level === "day" && !stories) notFound();
    const trail = trailOf(period, found.page);
    const adjacent = period ? adjacentPeriods(index, period, now) : undefined;

    return (
      <div className="mx-auto max-w-4xl px-4 pt-6 sm:pt-8">
        <JsonLd data={breadcrumbJsonLd(site, trail.slice(1).map((c) => ({ name: c.name, path: c.href })))} />
        <Breadcrumbs trail={trail} />
        <header className="mt-4 border-b-2 border-ink pb-5">
          {period ? <p className="text-sm font-semibold tracking-wider text-accent-ink uppercase">Archive</p> : null}
          <h1 className="mt-1 font-serif text-4xl font-bold sm:text-5xl">
            {period ? periodName(period) : "Archive"}
            {found.page > 1 ? <span className="text-muted"> · page {found.page}</span> : null}
          </h1>
          <p className="mt-2 max-w-2xl text-lg text-muted">
            {period
              ? `Every story we published ${period.level === "day" ? "on" : "in"} ${periodName(period)}, newest first.`
              : "Every story we have published, by year, month and day."}
          </p>
        </header>
        {!period ? (
          <YearsWithMonths years={periodChildren(index, "year", undefined, now, site.pageSize)} months={periodChildren(index, "month", undefined, now, site.pageSize)} />
        ) : period.level === "year" ? (
          <Calendar name="Months" items={periodChildren(index, "month", period, now, site.pageSize)} label={(p) => periodName(p, "short")} />
        ) : period.level === "month" ? (
          <Calendar name="Days" items={periodChildren(index, "day", period, now, site.pageSize)} label={(p) => periodName(p, "short")} pages />
        ) : stories ? (
          <>
            <StoryList stories={stories.items} timeZone={site.timeZone} />
            <Pagination {...stories} />
          </>
        ) : null}
        {adjacent ? <PeriodNav {...adjacent} /> : null}
      </div>
    );
  }

  return { generateStaticParams, generateMetadata, Page };
}

const count = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "story" : "stories"}`;

/** The index: each year, then its months (oldest first, like a calendar) as links. */
function YearsWithMonths({ years, months }: { years: PeriodSummary[]; months: PeriodSummary[] }) {
  return (
    <div className="divide-y divide-rule">
      {years.map((year) => (
        <section key={year.period.key} className="py-5" aria-labelledby={`archive-${year.period.key}`}>
          <h2 id={`archive-${year.period.key}`} className="font-serif text-2xl font-bold">
            <Link href={year.path} className="hover:underline">
              {periodName(year.period)}
            </Link>
            <span className="ml-2 text-base font-normal text-muted">{count(year.count)}</span>
          </h2>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
            {months
              .filter((m) => m.period.key.startsWith(year.period.key))
              .reverse()
              .map((month) => (
                <li key={month.period.key}>
                  <Link href={month.path} className="underline hover:text-accent-ink" aria-label={`${periodName(month.period)}: ${count(month.count)}`}>
                    {periodName(month.period, "short")}
                  </Link>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/**
 * A year's months or a month's days, oldest first, with their counts; a day
 * longer than one page links its later pages too, so each is one click away.
 */
function Calendar({ name, items, label, pages = false }: { name: string; items: PeriodSummary[]; label: (p: Period) => string; pages?: boolean }) {
  return (
    <ol aria-label={name} className="grid gap-x-6 sm:grid-cols-2">
      {items.toReversed().map((item) => (
        <li key={item.period.key} className="flex flex-wrap items-baseline gap-x-3 border-b border-rule py-3">
          <Link href={item.path} className="font-serif text-xl font-bold hover:underline">
            {label(item.period)}
          </Link>
          <span className="text-sm text-muted">{count(item.count)}</span>
          {pages && item.pages > 1 ? (
            <span className="text-sm">
              <span className="text-muted">Pages </span>
              {Array.from({ length: item.pages - 1 }, (_, i) => i + 2).map((n) => (
                <Link key={n} href={pagePath(item.path, n)} className="ml-1 underline hover:text-accent-ink" aria-label={`${label(item.period)}, page ${n}`}>
                  {n}
                </Link>
              ))}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** To the nearest earlier and later year, month or day with stories. */
function PeriodNav({ older, newer }: { older: Period | undefined; newer: Period | undefined }) {
  if (!older && !newer) return null;
  return (
    <nav aria-label="Archive dates" className="no-print mt-10 flex items-center justify-between gap-4 border-t border-rule pt-4 text-sm">
      {older ? (
        <Link href={periodPath(older)} className="font-semibold text-accent-ink underline">
          ← {periodName(older)}
        </Link>
      ) : (
        <span />
      )}
      {newer ? (
        <Link href={periodPath(newer)} className="text-right font-semibold text-accent-ink underline">
          {periodName(newer)} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
