import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export type Crawled = { url: string; status: number; body: string; contentType: string };

/**
 * Follows every same-origin link (href and src in HTML, <loc>/<link> in XML)
 * from the start URLs, breadth first, at most `limit` URLs. Returns what it fetched.
 */
export async function crawl(request: APIRequestContext, origin: string, start: string[], limit = 400): Promise<Crawled[]> {
  const seen = new Set<string>();
  const queue = start.map((s) => new URL(s, origin).toString());
  const out: Crawled[] = [];
  while (queue.length && out.length < limit) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await request.get(url, { maxRedirects: 5 });
    const contentType = response.headers()["content-type"] ?? "";
    const body = /text|xml|json|javascript/.test(contentType) ? await response.text() : "";
    out.push({ url, status: response.status(), body, contentType });
    const links = [
      ...body.matchAll(/\s(?:href|src)="([^"]+)"/g),
      ...body.matchAll(/<(?:loc|link|id)>([^<]+)<\/(?:loc|link|id)>/g),
      ...body.matchAll(/<link[^>]+href="([^"]+)"/g),
    ].map((m) => m[1]!.replace(/&amp;/g, "&"));
    for (const link of links) {
      let next: URL;
      try {
        // Absolute links on the canonical origin are followed on the server under test.
        next = new URL(link.replace(/^https:\/\/interbellumnews\.com/, origin), url);
      } catch {
        continue;
      }
      if (next.origin !== new URL(origin).origin) continue;
      next.hash = "";
      if (!seen.has(next.toString())) queue.push(next.toString());
    }
  }
  return out;
}

/* What crawlers read: XML documents, JSON-LD and head tags, parsed with real parsers. */

/** What crawlers see: the canonical origin from site settings, not the test server's. */
export const CANONICAL_ORIGIN = "https://interbellumnews.com";

/** W3C Datetime (the profile sitemaps and feeds use), with a time and a zone. */
export const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  // Lists that may hold one element still parse as lists.
  isArray: (name) => ["url", "sitemap"].includes(name),
});

/** GETs an XML document, checks it is well-formed XML, and returns it parsed and as text. */
export async function getXml(request: APIRequestContext, path: string, contentType = /^application\/xml/) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"]).toMatch(contentType);
  const text = await response.text();
  expect(XMLValidator.validate(text), `${path} is well-formed XML`).toBe(true);
  return { text, doc: parser.parse(text) as Record<string, any> };
}

/** Every JSON-LD object on the page, each parsed with JSON.parse. */
export async function jsonLd(page: Page): Promise<Record<string, any>[]> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return scripts.map((s) => JSON.parse(s) as Record<string, any>);
}

/** The content of a <meta> in the head, by property (Open Graph) or name. */
export async function meta(page: Page, key: string): Promise<string | null> {
  const el = page.locator(`head meta[property="${key}"], head meta[name="${key}"]`);
  const count = await el.count();
  if (count === 0) return null;
  return el.first().getAttribute("content");
}

export async function metas(page: Page, key: string): Promise<string[]> {
  const el = page.locator(`head meta[property="${key}"], head meta[name="${key}"]`);
  return (await el.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("content") ?? "")));
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The page's `<link rel="alternate">` entries, each as "type href title", in document order. */
export async function alternates(page: Page): Promise<string[]> {
  return page
    .locator('head link[rel="alternate"]')
    .evaluateAll((links) => links.map((l) => `${l.getAttribute("type")} ${l.getAttribute("href")} ${l.getAttribute("title")}`));
}
