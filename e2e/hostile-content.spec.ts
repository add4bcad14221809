import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { isFrameworkScript } from "../server/csp.mjs";
import { FIXTURES } from "./helpers/fixtures";
import { FIXTURE_ORIGIN } from "./helpers/origins";

/*
 * The fixture corpus has a "hostile" section whose stories, section, topic and
 * author carry markup in every field and a body that tries every way Markdown
 * and raw HTML have to run code (e2e/fixtures/content). Wherever they appear —
 * story pages, cards on fronts, search, metadata, and whatever the pages
 * advertise (feeds, share images, JSON-LD) — they must show as text and never
 * execute: the `window.__pwned` canary the markup would set stays undefined.
 */

test.use({ baseURL: FIXTURE_ORIGIN });

const TITLE = FIXTURES.hostile[0].title;
const STANDFIRST = '</title><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> A standfirst with markup, quotes " and an ampersand &amp;';
const SECTION = 'Hostile <img src=x onerror="window.__pwned=1"> & "Co"';
const AUTHOR = '"><script>window.__pwned=1</script> Desk';
const TOPIC = '<svg onload="window.__pwned=1">Topic</svg>';

const STORY = FIXTURES.hostile[0].path;
const BODY_STORY = FIXTURES.hostile[1].path;
const SURFACES = [STORY, BODY_STORY, "/hostile", "/topic/hostile-topic", "/author/hostile-desk", "/", "/search?q=harbour", "/search?q=pwned+script", "/no/such/page"];

/**
 * What the browser built from the page: elements or attributes that could run
 * code, load something from elsewhere, or frame, other than the framework's own.
 */
async function dangerousMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background"];
    for (const el of Array.from(document.querySelectorAll("*"))) {
      const tag = el.tagName.toLowerCase();
      if (["iframe", "frame", "object", "embed", "applet", "base", "form", "svg", "math", "portal"].includes(tag)) {
        // The site's own search form is the one form allowed.
        if (!(tag === "form" && el.getAttribute("action") === "/search" && el.getAttribute("method") === "get")) found.push(`<${tag}>`);
      }
      if (tag === "meta" && el.hasAttribute("http-equiv")) found.push(`<meta http-equiv=${el.getAttribute("http-equiv")}>`);
      if (tag === "style") found.push("<style>");
      // Links that load something (styles, scripts, imports) load it from the site only.
      const loads = /\b(?:stylesheet|preload|modulepreload|prefetch|import|icon)\b/.test(el.getAttribute("rel") ?? "");
      if (tag === "link" && loads && el.hasAttribute("href") && !/^\/(?!\/)/.test(el.getAttribute("href") ?? "")) found.push(`<link href=${el.getAttribute("href")}>`);
      for (const attr of Array.from(el.attributes)) {
        if (attr.name.startsWith("on")) found.push(`${tag}[${attr.name}]`);
        if (urlAttributes.includes(attr.name) && /^\s*(?:javascript|vbscript|data):/i.test(attr.value)) found.push(`${tag}[${attr.name}=${attr.value.slice(0, 40)}]`);
      }
      if (tag === "script" && !el.hasAttribute("src") && !["application/ld+json", "application/json"].includes(el.getAttribute("type") ?? "")) {
        // Judged below against the framework's own shapes.
        found.push(`inline script:${el.textContent ?? ""}`);
      }
      if (tag === "script" && el.hasAttribute("src") && !(el.getAttribute("src") ?? "").startsWith("/_next/static/")) found.push(`script src=${el.getAttribute("src")}`);
    }
    return found;
  }).then((found) => found.filter((f) => !(f.startsWith("inline script:") && isFrameworkScript(f.slice("inline script:".length)))).map((f) => f.slice(0, 120)));
}

/** Inline scripts in the raw HTML that are not exactly the framework's (JSON-LD data blocks aside). */
function foreignInlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter(([, attrs]) => !/\bsrc=/.test(attrs!) && !/type="application\/(?:ld\+)?json"/.test(attrs!))
    .map(([, , body]) => body!)
    .filter((body) => !isFrameworkScript(body));
}

/** URLs a page advertises for machines: feeds, share images, canonical, icons. */
async function advertised(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...Array.from(document.querySelectorAll('link[rel="alternate"], link[rel="canonical"]')).map((l) => l.getAttribute("href")),
      ...Array.from(document.querySelectorAll('meta[property="og:image"], meta[name="twitter:image"], meta[property="og:url"]')).map((m) => m.getAttribute("content")),
    ].filter((u): u is string => !!u),
  );
}

const TAG = /<([a-z][a-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/gi;
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * Executable markup in an HTML string, read tag by tag as a browser would
 * (quoted attribute values may hold "<", ">" and "on…=" as text): an element
 * that runs or frames, an event handler, a script URL in an attribute.
 */
function executableHtml(html: string): string[] {
  const hits: string[] = [];
  for (const [tag, name, attrs] of html.matchAll(TAG)) {
    if (/^(?:script|iframe|object|embed|svg|math|form|base|meta|style|link)$/i.test(name!)) hits.push(tag.slice(0, 80));
    for (const [, attr, ...values] of attrs!.matchAll(ATTRIBUTE)) {
      const value = (values.find((v) => v !== undefined) ?? "").replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));
      if (/^on/i.test(attr!)) hits.push(`${name}[${attr}]`);
      if (/^(?:href|src|action|formaction|xlink:href)$/i.test(attr!) && /^\s*(?:javascript|vbscript|data):/i.test(value)) hits.push(`${name}[${attr}=${value.slice(0, 40)}]`);
    }
  }
  return hits;
}

/** An XML element's text as a parser reads it: CDATA as it is, anything else with its entities decoded once. */
const xmlText = (raw: string) =>
  /^\s*<!\[CDATA\[/.test(raw)
    ? raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1")
    : raw
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#x27;|&#39;|&apos;/g, "'")
        .replace(/&amp;/g, "&");

/**
 * The HTML a feed reader would render from an RSS or Atom feed: item
 * descriptions, encoded content, Atom summaries and content and titles typed
 * html — each read as an XML parser reads it. Plain-text fields are left out.
 */
function feedHtml(xml: string): string[] {
  const fields = [
    ...xml.matchAll(/<(description|content:encoded)>([\s\S]*?)<\/\1>/g),
    ...xml.matchAll(/<(summary|content|title|subtitle)\b[^>]*type="(?:html|xhtml)"[^>]*>([\s\S]*?)<\/\1>/g),
  ];
  return fields.map((m) => xmlText(m[2]!));
}

async function fetchAdvertised(request: APIRequestContext, url: string) {
  const local = url.replace(/^https:\/\/interbellumnews\.com/, FIXTURE_ORIGIN);
  return request.get(local, { maxRedirects: 3 });
}

test.describe("hostile stories", () => {
  test("show their markup as text on the story page, in the title and the metadata", async ({ page }) => {
    const response = await page.goto(STORY, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    await expect(page.locator("article").first()).toContainText(STANDFIRST);
    await expect(page.locator("article figure figcaption")).toContainText("</figcaption><script>window.__pwned=1</script>");
    await expect(page.locator("article").first()).toContainText(AUTHOR);
    expect(await page.title()).toContain(TITLE);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", STANDFIRST);
    await expect(page.getByRole("img", { name: '" onerror="window.__pwned=1" data-x="' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  test("run nothing on any page that shows them, in the browser", async ({ page }) => {
    test.setTimeout(120_000);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const path of SURFACES) {
      const response = await page.goto(path, { waitUntil: "networkidle" });
      expect(response?.status(), path).toBeLessThan(500);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), path).toBeUndefined();
      expect(await dangerousMarkup(page), path).toEqual([]);
    }
    expect(dialogs).toEqual([]);
  });

  test("the section, topic and author names are text on their fronts and in the navigation", async ({ page }) => {
    await page.goto("/hostile");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SECTION);
    await expect(page.getByRole("navigation", { name: "Sections" }).first().getByRole("link", { name: SECTION })).toHaveCount(1);
    await page.goto("/topic/hostile-topic");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TOPIC);
    await page.goto("/author/hostile-desk");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(AUTHOR);
    await expect(page.getByRole("main")).toContainText('<b onmouseover="window.__pwned=1">Role</b>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  test("the body shows its text and links only where they are safe", async ({ page }) => {
    await page.goto(BODY_STORY);
    const body = page.locator("article .prose-article");
    await expect(body).toContainText("The body below is hostile; a reader sees only its text.");
    await expect(body).toContainText("<script>window.__pwned=1</script> in code");
    const hrefs = await body.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    for (const href of hrefs) expect(href).toMatch(/^(?:#|\/|https?:|mailto:)/);
    const sources = await body.locator("img").evaluateAll((imgs) => imgs.map((i) => i.getAttribute("src")));
    expect(sources).toEqual(["/images/putin-xi-moscow.jpg"]);
  });

  test("every page's HTML holds no inline script but the framework's own", async ({ request }) => {
    for (const path of SURFACES) {
      const html = await (await request.get(path)).text();
      expect(foreignInlineScripts(html), path).toEqual([]);
      // JSON-LD, where a page has it, stays data: it parses, and nothing in it closes the script element.
      for (const [, json] of html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)) {
        expect(() => JSON.parse(json!), path).not.toThrow();
      }
    }
  });

  test("what the pages advertise — feeds, share images, canonical URLs — carries no executable markup", async ({ page, request }) => {
    test.setTimeout(120_000);
    const urls = new Set<string>();
    for (const path of [STORY, BODY_STORY, "/hostile", "/topic/hostile-topic", "/author/hostile-desk", "/"]) {
      await page.goto(path);
      for (const url of await advertised(page)) urls.add(url);
    }
    // A canonical URL at least; feeds and share images too once the site advertises them.
    expect(urls.size).toBeGreaterThan(0);
    for (const url of urls) {
      const response = await fetchAdvertised(request, url);
      expect(response.status(), url).toBeLessThan(400);
      const type = response.headers()["content-type"] ?? "";
      if (type.startsWith("image/")) {
        expect((await response.body()).length, url).toBeGreaterThan(100);
      } else if (/xml|rss|atom/.test(type)) {
        const xml = await response.text();
        // The markup never breaks out of the XML: no raw element but the feed's own.
        expect(xml, url).not.toMatch(/<script\b/i);
        for (const html of feedHtml(xml)) expect(executableHtml(html), url).toEqual([]);
      } else if (type.startsWith("text/html")) {
        expect(foreignInlineScripts(await response.text()), url).toEqual([]);
      }
    }
  });
});
