import { parseFeed } from "@rowanmanning/feed-parser";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { CANONICAL_ORIGIN, alternates, getXml } from "./helpers/crawl";
import { FIXTURES } from "./helpers/fixtures";
import { LEAK_MARKERS } from "./helpers/markers";
import { FIXTURE_ORIGIN } from "./helpers/origins";
import { STORIES } from "./helpers/stories";

/*
 * Following a topic or an author: RSS and Atom at /topic/<slug>/feed.xml and
 * atom.xml, /author/<slug>/feed.xml and atom.xml, holding what the front
 * lists (public stories, newest first), announced on the fronts.
 */

const FORMATS = [
  { file: "feed.xml", type: /^application\/rss\+xml/, format: "RSS" },
  { file: "atom.xml", type: /^application\/atom\+xml/, format: "Atom" },
] as const;

async function feedAt(request: APIRequestContext, path: string, type: RegExp) {
  const { text } = await getXml(request, path, type);
  return { text, feed: parseFeed(text) };
}

for (const { file, type, format } of FORMATS) {
  test.describe(`${format}`, () => {
    test(`/topic/<slug>/${file} lists the topic's stories newest first, titled and linked as the topic`, async ({ request }) => {
      const { feed } = await feedAt(request, `/topic/russia/${file}`, type);
      expect(feed.title).toBe("Russia | Inter Bellum News");
      expect(feed.description).toBe("The latest stories on Russia from Inter Bellum News.");
      expect(feed.url).toBe(`${CANONICAL_ORIGIN}/topic/russia`);
      expect(feed.self).toBe(`${CANONICAL_ORIGIN}/topic/russia/${file}`);
      // Every shipped story carries Russia.
      expect(feed.items.map((i) => i.title)).toEqual(STORIES.map((s) => s.title));
      expect(feed.items.map((i) => i.url)).toEqual(STORIES.map((s) => CANONICAL_ORIGIN + s.path));
      expect(feed.items.map((i) => i.published?.toISOString())).toEqual(STORIES.map((s) => s.publishedAt));

      const energy = await feedAt(request, `/topic/energy/${file}`, type);
      expect(energy.feed.description).toBe("Oil, gas, pipelines and the politics of power supply.");
      expect(energy.feed.items.map((i) => i.url)).toEqual([CANONICAL_ORIGIN + STORIES[1].path]);
      // Each story as the site's feed gives it: summary, full text, categories, hero.
      const [seed] = energy.feed.items;
      expect(seed?.categories.map((c) => c.label)).toEqual(["World", "Russia", "China", "Energy", "Power of Siberia 2"]);
      expect(seed?.content).toContain("<p>Russian President Vladimir Putin");
      expect(seed?.media[0]).toMatchObject({ url: `${CANONICAL_ORIGIN}/images/putin-xi-moscow.jpg`, mimeType: "image/jpeg" });
    });

    test(`/author/<slug>/${file} lists the author's stories, titled and linked as the author`, async ({ request }) => {
      const { feed } = await feedAt(request, `/author/staff/${file}`, type);
      expect(feed.title).toBe("Inter Bellum News staff | Inter Bellum News");
      expect(feed.url).toBe(`${CANONICAL_ORIGIN}/author/staff`);
      expect(feed.self).toBe(`${CANONICAL_ORIGIN}/author/staff/${file}`);
      expect(feed.items.map((i) => i.url)).toEqual(STORIES.map((s) => CANONICAL_ORIGIN + s.path));
    });

    test(`an unknown topic or author has no ${format} feed`, async ({ request }) => {
      for (const path of [`/topic/no-such-topic/${file}`, `/author/nobody/${file}`]) {
        expect((await request.get(path)).status(), path).toBe(404);
      }
    });
  });
}

test("topic and author fronts announce their own feeds beside the site's", async ({ page }) => {
  await page.goto("/topic/russia");
  expect(await alternates(page)).toEqual([
    `application/rss+xml ${CANONICAL_ORIGIN}/feed.xml Inter Bellum News`,
    `application/rss+xml ${CANONICAL_ORIGIN}/topic/russia/feed.xml Russia | Inter Bellum News`,
    `application/atom+xml ${CANONICAL_ORIGIN}/atom.xml Inter Bellum News`,
    `application/atom+xml ${CANONICAL_ORIGIN}/topic/russia/atom.xml Russia | Inter Bellum News`,
  ]);
  await page.goto("/author/staff");
  expect(await alternates(page)).toEqual([
    `application/rss+xml ${CANONICAL_ORIGIN}/feed.xml Inter Bellum News`,
    `application/rss+xml ${CANONICAL_ORIGIN}/author/staff/feed.xml Inter Bellum News staff | Inter Bellum News`,
    `application/atom+xml ${CANONICAL_ORIGIN}/atom.xml Inter Bellum News`,
    `application/atom+xml ${CANONICAL_ORIGIN}/author/staff/atom.xml Inter Bellum News staff | Inter Bellum News`,
  ]);
  // Every announced feed answers.
  for (const href of (await alternates(page)).map((a) => a.split(" ")[1]!)) {
    expect((await page.request.get(new URL(href).pathname)).status(), href).toBe(200);
  }
});

test.describe("with drafts, scheduled and retracted stories in the corpus", () => {
  test.use({ baseURL: FIXTURE_ORIGIN });

  const COAST = ["Port Authority Approves New Breakwater", "Ferry Timetable Changes for Winter", "Coastal Road Closed After Storm"];
  const hidden = [...FIXTURES.hidden, FIXTURES.retracted];

  for (const { file, type } of FORMATS) {
    test(`topic and author ${file} offer only public stories`, async ({ request }) => {
      // The draft and the scheduled marker story carry coast too; the draft is by the harbour correspondent.
      for (const path of [`/topic/coast/${file}`, `/author/harbour-correspondent/${file}`]) {
        const { text, feed } = await feedAt(request, path, type);
        expect(feed.items.map((i) => i.title), path).toEqual(COAST);
        expect(LEAK_MARKERS.some((m) => text.includes(m)), path).toBe(false);
      }
      const staff = await feedAt(request, `/author/staff/${file}`, type);
      expect(staff.feed.items.map((i) => i.title)).toEqual(
        ["Baltic Ferry Timetable Changes for the Summer", "Lighthouse Keepers of the Baltic", "Harbour Fish Market Reopens"],
      );
      for (const story of hidden) {
        expect(staff.text).not.toContain(story.title);
        expect(staff.text).not.toContain(story.path);
      }
    });

    test(`a topic only non-public stories carry has no ${file}`, async ({ request }) => {
      // embargoed-topic: only the draft carries it; elections: a draft, a retracted and a scheduled story.
      for (const path of [`/topic/embargoed-topic/${file}`, `/topic/elections/${file}`]) {
        const response = await request.get(path);
        expect(response.status(), path).toBe(404);
        const body = await response.text();
        expect(LEAK_MARKERS.some((m) => body.includes(m)), path).toBe(false);
        for (const story of hidden) expect(body, path).not.toContain(story.title);
      }
    });
  }
});
