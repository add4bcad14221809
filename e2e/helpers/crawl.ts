import type { APIRequestContext } from "@playwright/test";

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
