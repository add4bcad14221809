import { describe, expect, it } from "vitest";
import {
  adjacentPeriods,
  buildArchiveIndex,
  childPeriods,
  dayKey,
  findPeriod,
  periodChildren,
  periodName,
  periodStories,
  publicCount,
  storyDayPath,
} from "./archive";

type Story = { slug: string; status: string; publishedAt: Date };

const story = (slug: string, publishedAt: string, status = "published"): Story => ({ slug, status, publishedAt: new Date(publishedAt) });
const newestFirst = (stories: Story[]) => stories.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug));
const now = new Date("2025-06-01T00:00:00Z");

describe("day keys", () => {
  it("names the calendar day in the newsroom's time zone", () => {
    expect(dayKey(new Date("2025-05-08T23:30:00Z"), "UTC")).toBe("2025-05-08");
    expect(dayKey(new Date("2025-05-08T23:30:00Z"), "Europe/Berlin")).toBe("2025-05-09");
    expect(dayKey(new Date("2025-05-08T03:00:00Z"), "America/New_York")).toBe("2025-05-07");
    expect(periodName({ level: "day", key: "2025-05-08" })).toBe("Thursday, 8 May 2025");
    expect(periodName({ level: "day", key: "2025-05-08" }, "short")).toBe("Thursday 8");
    expect(periodName({ level: "month", key: "2025-05" })).toBe("May 2025");
    expect(periodName({ level: "month", key: "2025-05" }, "short")).toBe("May");
    expect(periodName({ level: "year", key: "2025" })).toBe("2025");
    expect(storyDayPath(new Date("2025-05-08T23:30:00Z"), "Asia/Tokyo")).toBe("/archive/2025/05/09");
  });
});

describe("the archive index", () => {
  it.each(["UTC", "Europe/Berlin", "America/Santiago", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Kathmandu", "America/Havana"])(
    "puts every story on its own local day, across DST changes, in %s",
    (timeZone) => {
      // Two years of stories at uneven intervals: 1 to 17 hours apart, some minutes either side of midnight.
      const stories: Story[] = [];
      let t = Date.UTC(2024, 0, 2);
      for (let i = 0; t < Date.UTC(2025, 11, 30); i++) {
        stories.push({ slug: `s${i}`, status: "published", publishedAt: new Date(t) });
        t += ((i * 7919) % 17) * 3_600_000 + ((i * 104729) % 3_600_000) + 60_000;
      }
      const index = buildArchiveIndex(newestFirst(stories), timeZone);
      for (const day of index.days) {
        for (const s of index.articles.slice(day.start, day.end)) expect(dayKey(s.publishedAt, timeZone), s.slug).toBe(day.key);
      }
      expect(new Set(index.days.map((d) => d.key)).size).toBe(index.days.length);
      expect(index.days.reduce((n, d) => n + d.published, 0)).toBe(stories.length);
      expect(index.years.map((y) => y.key)).toEqual(["2025", "2024"]);
      expect(index.months).toHaveLength(24);
    },
  );

  const index = buildArchiveIndex(
    newestFirst([
      story("scheduled", "2025-07-04T09:00:00Z"),
      story("draft-alone", "2025-05-20T09:00:00Z", "draft"),
      story("may-8-a", "2025-05-08T12:00:00Z"),
      story("may-8-b", "2025-05-08T08:00:00Z"),
      story("may-8-draft", "2025-05-08T07:00:00Z", "draft"),
      story("may-8-retracted", "2025-05-08T06:00:00Z", "retracted"),
      story("may-2", "2025-05-02T10:00:00Z"),
      story("april", "2025-04-30T23:59:59Z"),
      story("last-year", "2024-12-31T23:00:00Z"),
    ]),
    "UTC",
  );
  const period = (key: string) => index.period(key)!;

  it("counts only public stories: no drafts, retractions or stories not yet due", () => {
    expect(publicCount(index, period("2025-05-08"), now)).toBe(2);
    expect(publicCount(index, period("2025-05"), now)).toBe(3);
    expect(publicCount(index, period("2025"), now)).toBe(4);
    expect(publicCount(index, period("2025-07"), now)).toBe(0);
    expect(publicCount(index, period("2025-07"), new Date("2025-07-04T09:00:00Z"))).toBe(1);
    expect(periodStories(index, period("2025-05-08"), now).map((s) => s.slug)).toEqual(["may-8-a", "may-8-b"]);
  });

  it("finds a period from canonical URL segments only while it has public stories", () => {
    expect(findPeriod(index, ["2025", "05", "08"], now)?.key).toBe("2025-05-08");
    expect(findPeriod(index, ["2025", "05"], now)?.key).toBe("2025-05");
    expect(findPeriod(index, ["2024"], now)?.key).toBe("2024");
    for (const bad of [["2025", "5"], ["2025", "05", "8"], ["25"], ["2025", "13"], ["2025", "02", "30"], ["2025", "05", "08", "01"], ["2025", "00"], ["x"]]) {
      expect(findPeriod(index, bad, now), bad.join("/")).toBeUndefined();
    }
    // A day with a draft only, a month with a scheduled story only: nothing public to show yet.
    expect(findPeriod(index, ["2025", "05", "20"], now)).toBeUndefined();
    expect(findPeriod(index, ["2025", "07"], now)).toBeUndefined();
    expect(findPeriod(index, ["2025", "07", "04"], new Date("2025-07-05T00:00:00Z"))?.key).toBe("2025-07-04");
  });

  it("steps to the nearest older and newer periods that have public stories", () => {
    const may8 = adjacentPeriods(index, period("2025-05-08"), now);
    expect([may8.older?.key, may8.newer?.key]).toEqual(["2025-05-02", undefined]);
    const may = adjacentPeriods(index, period("2025-05"), now);
    expect([may.older?.key, may.newer?.key]).toEqual(["2025-04", undefined]);
    const april = adjacentPeriods(index, period("2025-04"), now);
    expect([april.older?.key, april.newer?.key]).toEqual(["2024-12", "2025-05"]);
    expect(adjacentPeriods(index, period("2025-05-08"), new Date("2025-08-01T00:00:00Z")).newer?.key).toBe("2025-07-04");
  });

  it("lists a period's children with public stories, with counts and the pages of each", () => {
    expect(childPeriods(index, "day", period("2025-05")).map((d) => d.key)).toEqual(["2025-05-20", "2025-05-08", "2025-05-02"]);
    const days = periodChildren(index, "day", period("2025-05"), now, 1);
    expect(days.map((d) => [d.path, d.count, d.pages])).toEqual([
      ["/archive/2025/05/08", 2, 2],
      ["/archive/2025/05/02", 1, 1],
    ]);
    expect(periodChildren(index, "year", undefined, now, 12).map((y) => [y.path, y.count])).toEqual([
      ["/archive/2025", 4],
      ["/archive/2024", 1],
    ]);
  });

  it("reads only a day's own stories and the scheduled ones at the head of the list", () => {
    const stories: Story[] = [story("scheduled", "2026-01-01T00:00:00Z")];
    for (let i = 0; i < 20_000; i++) stories.push(story(`s${i}`, new Date(Date.UTC(2025, 4, 31) - i * 1_440_000).toISOString()));
    const big = buildArchiveIndex(newestFirst(stories), "UTC");
    let reads = 0;
    big.articles = new Proxy(big.articles, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const day = findPeriod(big, ["2025", "03", "01"], now)!;
    reads = 0;
    expect(periodStories(big, day, now)).toHaveLength(60);
    publicCount(big, day, now);
    expect(reads).toBeLessThan(60 + 2 * Math.log2(stories.length) + 4);
  });
});

describe("the archive index at the size of an archive", () => {
  // 46 years, 100,000 stories: what `npm run content:generate -- --count 100000` makes.
  const stories: Story[] = [];
  const newest = Date.UTC(2025, 11, 31, 18);
  for (let i = 0; i < 100_000; i++) stories.push(story(`s${i}`, new Date(newest - i * 14_515_200 - ((i * 7919) % 3_600_000)).toISOString()));
  newestFirst(stories);

  it("is built from its months: no story's day is looked up until a page of its month is asked for", () => {
    let reads = 0;
    const articles = new Proxy(stories, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const index = buildArchiveIndex(articles, "Europe/Berlin");
    // One read per story for the counts, and per month a binary search.
    expect(reads).toBeLessThan(stories.length + index.months.length * (2 + Math.log2(stories.length)) + 10);
    expect(index.months.length).toBeGreaterThan(540);
    reads = 0;
    const march = index.period("2001-03")!;
    const days = index.daysOf(march);
    expect(days.reduce((n, d) => n + d.end - d.start, 0)).toBe(march.end - march.start);
    expect(reads).toBeLessThan(days.length * (2 + Math.log2(march.end - march.start + 1)) + 2);
  });

  it("steps from a month's first day to the last day of the month before", () => {
    const index = buildArchiveIndex(stories, "Europe/Berlin");
    const march = index.daysOf(index.period("2001-03")!);
    const february = index.daysOf(index.period("2001-02")!);
    const { older, newer } = adjacentPeriods(index, march.at(-1)!, new Date(newest + 1));
    expect(older?.key).toBe(february[0]!.key);
    expect(newer?.key).toBe(march.at(-2)!.key);
    expect(index.days.length).toBe(new Set(stories.map((s) => dayKey(s.publishedAt, "Europe/Berlin"))).size);
  });
});
