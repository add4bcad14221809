import { describe, expect, it } from "vitest";
import { loadCorpus } from "../content";
import { articleBreadcrumb, breadcrumbJsonLd, newsArticleJsonLd, serializeJsonLd, websiteJsonLd } from "./jsonld";
import { makeCorpus, validFrontMatter } from "../../tools/test-corpus";

const corpus = loadCorpus(
  makeCorpus({
    story: validFrontMatter({
      title: "Talks </script><script>alert(1)</script> & more",
      tags: ["energy", "power-of-siberia-2"],
      publishedAt: "2025-05-08T12:00:00Z",
      updatedAt: "2025-05-09T08:30:00Z",
    }),
  }),
);
const site = corpus.site;
const story = corpus.bySlug.get("story")!;

describe("newsArticleJsonLd", () => {
  const data = newsArticleJsonLd(site, story) as Record<string, any>;

  it("has Google's required and recommended article properties from the story", () => {
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: story.title,
      description: "A valid standfirst",
      datePublished: "2025-05-08T12:00:00.000Z",
      dateModified: "2025-05-09T08:30:00.000Z",
      mainEntityOfPage: { "@type": "WebPage", "@id": "https://interbellumnews.com/world/story" },
      articleSection: "World",
      keywords: ["energy", "power of siberia 2"],
    });
  });

  it("lists the hero in 16:9, 4:3 and 1:1 crops on the canonical origin", () => {
    expect(data.image).toEqual([
      "https://interbellumnews.com/images/crops/16x9/putin-xi-moscow.jpg",
      "https://interbellumnews.com/images/crops/4x3/putin-xi-moscow.jpg",
      "https://interbellumnews.com/images/crops/1x1/putin-xi-moscow.jpg",
    ]);
  });

  it("names people as Person and a newsroom byline as Organization, each with a URL", () => {
    expect(data.author).toEqual([
      { "@type": "Person", name: "Staff", url: "https://interbellumnews.com/author/staff", jobTitle: "Newsroom" },
    ]);
    const desk = { ...story, authors: [{ ...story.authors[0]!, type: "organization" as const }] };
    expect((newsArticleJsonLd(site, desk) as Record<string, any>).author).toEqual([
      { "@type": "Organization", name: "Staff", url: "https://interbellumnews.com/author/staff" },
    ]);
  });

  it("names the publisher with its logo", () => {
    expect(data.publisher).toMatchObject({
      "@type": "Organization",
      name: "Inter Bellum News",
      url: "https://interbellumnews.com/",
      logo: { "@type": "ImageObject", url: "https://interbellumnews.com/logo.png" },
    });
  });

  it("uses the publication time as dateModified when the story was never updated", () => {
    const fresh = { ...story, updatedAt: undefined };
    expect((newsArticleJsonLd(site, fresh) as Record<string, any>).dateModified).toBe("2025-05-08T12:00:00.000Z");
  });
});

describe("breadcrumbs", () => {
  it("start at the front page and number their items from 1", () => {
    expect(breadcrumbJsonLd(site, [{ name: "World", path: "/world" }]).itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Home", item: "https://interbellumnews.com/" },
      { "@type": "ListItem", position: 2, name: "World", item: "https://interbellumnews.com/world" },
    ]);
  });
  it("of an article go Home › Section › headline", () => {
    const items = (articleBreadcrumb(site, story) as Record<string, any>).itemListElement as { name: string; item: string }[];
    expect(items.map((i) => i.name)).toEqual(["Home", "World", story.title]);
    expect(items[2]!.item).toBe("https://interbellumnews.com/world/story");
  });
});

it("the WebSite's search action points at /search?q=", () => {
  const data = websiteJsonLd(site) as Record<string, any>;
  expect(data.potentialAction.target.urlTemplate).toBe("https://interbellumnews.com/search?q={search_term_string}");
  expect(data.potentialAction["query-input"]).toBe("required name=search_term_string");
});

describe("serializeJsonLd", () => {
  const json = serializeJsonLd(newsArticleJsonLd(site, story));

  it("cannot close the script element or open a tag, whatever the content says", () => {
    expect(json).not.toMatch(/[<>]/);
    expect(json).not.toContain("&");
  });

  it("still parses back to exactly the same data", () => {
    expect(JSON.parse(json)).toEqual(newsArticleJsonLd(site, story));
    expect(JSON.parse(serializeJsonLd({ s: "a\u2028b\u2029c" }))).toEqual({ s: "a\u2028b\u2029c" });
  });
});
