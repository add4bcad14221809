import { describe, expect, it } from "vitest";
import { deferFrameworkScripts, loaderScript, loaderSources } from "./defer-scripts.mjs";

// The head and tail of a page as Next.js 16 writes it (attribute order varies between tags).
const A = "/_next/static/chunks/1xc2qlnr3v4v0.js";
const B = "/_next/static/chunks/turbopack-077hmtqrhcoji.js";
const C = "/_next/static/chunks/0j1we3cwg31qe.js";
const page = (body = "<main>Story</main>") =>
  `<!DOCTYPE html><html><head><meta charSet="utf-8"/>` +
  `<link rel="preload" as="image" imageSrcSet="/_next/image?url=a&amp;w=750 750w" fetchPriority="high"/>` +
  `<link rel="stylesheet" href="/_next/static/chunks/x.css" data-precedence="next"/>` +
  `<link rel="preload" as="script" fetchPriority="low" href="${C}"/>` +
  `<script src="${A}" async=""></script><script src="${B}" async="" nonce="n"></script>` +
  `<script src="/_next/static/chunks/poly.js" noModule=""></script>` +
  `<script src="${C}" nonce="n" async=""></script>` +
  `<script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body>${body}` +
  `<script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>`;

/** The src attributes of the script tags in `html`. */
const scriptTags = (html: string) => [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
/** The loader's list, run as the browser would run it, with a fake document. */
function runLoader(html: string) {
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).find((s) => loaderSources(s));
  if (!inline) return null;
  const appended: { src: string; async: boolean }[] = [];
  const listeners: Record<string, () => void> = {};
  const document = { createElement: () => ({}) as { src: string; async: boolean }, head: { appendChild: (e: { src: string; async: boolean }) => appended.push(e) } };
  new Function("addEventListener", "document", inline)((type: string, fn: () => void) => (listeners[type] = fn), document);
  const beforeLoad = appended.length;
  listeners.load?.();
  return { beforeLoad, appended };
}

describe("deferFrameworkScripts", () => {
  it("moves the framework's async scripts behind the load event, in their order", () => {
    const out = deferFrameworkScripts(page());
    expect(scriptTags(out)).toEqual(["/_next/static/chunks/poly.js"]);
    const loaded = runLoader(out);
    expect(loaded?.beforeLoad).toBe(0);
    expect(loaded?.appended).toEqual([
      { src: A, async: true },
      { src: B, async: true },
      { src: C, async: true },
    ]);
  });

  it("drops the early script preload but keeps the stylesheet, the hero preload, JSON-LD and the inline payload", () => {
    const out = deferFrameworkScripts(page());
    expect(out).not.toContain('as="script"');
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/x.css"');
    expect(out).toContain('<link rel="preload" as="image"');
    expect(out).toContain('<script type="application/ld+json">{"@type":"NewsArticle"}</script>');
    expect(out).toContain("<script>(self.__next_f=self.__next_f||[]).push([0])</script>");
    expect(out.indexOf("addEventListener")).toBeGreaterThan(out.indexOf("<main>Story</main>"));
    expect(out.endsWith("</body></html>")).toBe(true);
  });

  it("is idempotent and leaves pages without framework scripts alone", () => {
    const once = deferFrameworkScripts(page());
    expect(deferFrameworkScripts(once)).toBe(once);
    const plain = "<!DOCTYPE html><html><body><p>x</p></body></html>";
    expect(deferFrameworkScripts(plain)).toBe(plain);
    expect(deferFrameworkScripts("<script src=\"/_next/static/chunks/a.js\" async=\"\"></script>")).toBe(
      '<script src="/_next/static/chunks/a.js" async=""></script>',
    );
  });

  it("leaves scripts that are not the framework's chunk files where they are", () => {
    const html = page('<script src="https://evil.example/x.js" async=""></script><script src="/_next/static/../x.js" async=""></script>');
    const out = deferFrameworkScripts(html);
    expect(scriptTags(out)).toContain("https://evil.example/x.js");
    expect(scriptTags(out)).toContain("/_next/static/../x.js");
    expect(runLoader(out)?.appended.map((e) => e.src)).toEqual([A, B, C]);
  });
});

describe("loaderSources", () => {
  it("reads back the list of a loader it made, and nothing else", () => {
    expect(loaderSources(loaderScript([A, C]))).toEqual([A, C]);
    expect(loaderSources(loaderScript([]))).toBeNull();
    expect(loaderSources(loaderScript(["https://evil.example/x.js"]))).toBeNull();
    expect(loaderSources(loaderScript(['/_next/static/a.js"]);alert(1);//'] as string[]))).toBeNull();
    expect(loaderSources(loaderScript([A]).replace("document.head", "document.body"))).toBeNull();
    expect(loaderSources('addEventListener("load",function(){alert(1)})')).toBeNull();
  });
});
