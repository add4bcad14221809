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
/**
 * The page's loader run against a fake window: `step` fires the load event, then
 * animation frames and timers one at a time, recording what was appended when.
 */
function runLoader(html: string, { frames = true } = {}) {
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).find((s) => loaderSources(s));
  if (!inline) return null;
  const appended: { src: string; async: boolean }[] = [];
  const listeners: Record<string, () => void> = {};
  let frameQueue: (() => void)[] = [];
  const timers: { at: number; fn: () => void }[] = [];
  let now = 0;
  const document = { createElement: () => ({}) as { src: string; async: boolean }, head: { appendChild: (e: { src: string; async: boolean }) => appended.push(e) } };
  new Function("addEventListener", "document", "requestAnimationFrame", "setTimeout", inline)(
    (type: string, fn: () => void) => (listeners[type] = fn),
    document,
    (fn: () => void) => frameQueue.push(fn),
    (fn: () => void, ms = 0) => timers.push({ at: now + ms, fn }),
  );
  const log: string[] = [`before load: ${appended.length}`];
  listeners.load?.();
  log.push(`at load: ${appended.length}`);
  for (let frame = 1; frame <= 3 && frames; frame++) {
    const due = frameQueue;
    frameQueue = [];
    for (const fn of due) fn();
    now += 16;
    // Timers that are due run between frames.
    for (const t of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
    log.push(`after frame ${frame}: ${appended.length}`);
  }
  now = 3000;
  for (const t of timers.filter((t) => t.at <= now)) t.fn();
  log.push(`after 3 s: ${appended.length}`);
  return { log, appended };
}

describe("deferFrameworkScripts", () => {
  it("moves the framework's async scripts behind the load event, in their order", () => {
    const out = deferFrameworkScripts(page());
    expect(scriptTags(out)).toEqual(["/_next/static/chunks/poly.js"]);
    const loaded = runLoader(out);
    // Not at load, not in the frame after it: once that frame has been painted. Once only.
    expect(loaded?.log).toEqual(["before load: 0", "at load: 0", "after frame 1: 0", "after frame 2: 3", "after frame 3: 3", "after 3 s: 3"]);
    expect(loaded?.appended).toEqual([
      { src: A, async: true },
      { src: B, async: true },
      { src: C, async: true },
    ]);
  });

  it("still loads them 3 s after load where no frame is painted (a hidden tab)", () => {
    const loaded = runLoader(deferFrameworkScripts(page()), { frames: false });
    expect(loaded?.log).toEqual(["before load: 0", "at load: 0", "after 3 s: 3"]);
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
    expect(loaderSources('addEventListener("load",function(){var s=alert(1)})')).toBeNull();
    expect(loaderSources(loaderScript([A]).replace('[', '(alert(1),[').replace(']', '])'))).toBeNull();
  });
});
