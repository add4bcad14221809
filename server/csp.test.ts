import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { RESOURCE_POLICY, htmlPolicy, inlineSources, isFrameworkScript, noncePolicy } from "./csp.mjs";

const sha = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;

// The three inline scripts Next.js 16 writes into a prerendered page, in its own shapes.
const INIT = "(self.__next_f=self.__next_f||[]).push([0])";
const PAYLOAD = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:I[22016,[],\\"\\"]\\n0:{\\"b\\":\\"x\\u003c/script\\u003e\\"}\\n"])';
const TURBOPACK =
  '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/1pcw6gskne7pf.js","static/chunks/0vm8zo6v48m9c.js"],"runtimeModuleIds":[94553]});';

const page = (extra = "") =>
  `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async=""></script>` +
  `<script id="_R_">${TURBOPACK}</script></head><body>` +
  `<img alt="x" style="color:transparent" src="/_next/image?url=a&amp;w=1"/>${extra}` +
  `<script>${INIT}</script><script>${PAYLOAD}</script></body></html>`;

const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe("isFrameworkScript", () => {
  it("recognises the three inline scripts Next.js writes", () => {
    expect(isFrameworkScript(INIT)).toBe(true);
    expect(isFrameworkScript(PAYLOAD)).toBe(true);
    expect(isFrameworkScript('self.__next_f.push([2,null])'.replace("null", '"x"'))).toBe(true);
    expect(isFrameworkScript(TURBOPACK)).toBe(true);
  });

  it("refuses anything that carries code rather than data", () => {
    for (const script of [
      "window.__pwned = 1",
      "self.__next_f.push([1]);window.__pwned=1;self.__next_f.push([1])",
      'self.__next_f.push([1,"a"]);window.__pwned=1//"])',
      "self.__next_f.push([1,window.__pwned=1])",
      'self.__next_f.push([1,{"a":1}])',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["https://evil.example/x.js"]});',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/../../x.js"]});',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/a.js"]});window.__pwned=1;',
      `${INIT};window.__pwned=1`,
      "",
    ]) {
      expect(isFrameworkScript(script), script).toBe(false);
    }
  });
});

describe("inlineSources", () => {
  it("hashes the framework's inline scripts and the style attributes, skipping external scripts", () => {
    const found = inlineSources(page());
    expect(found.scripts.sort()).toEqual([sha(INIT), sha(PAYLOAD), sha(TURBOPACK)].sort());
    expect(found.styleAttributes).toEqual([sha("color:transparent")]);
    expect(found.styleElements).toEqual([]);
    expect(found.refused).toEqual([]);
  });

  it("leaves an injected inline script out, and reports it", () => {
    const found = inlineSources(page("<script>window.__pwned = 1</script><SCRIPT >alert(1)</SCRIPT >"));
    expect(found.scripts).not.toContain(sha("window.__pwned = 1"));
    expect(found.refused).toEqual(["window.__pwned = 1", "alert(1)"]);
  });

  it("ignores data blocks such as JSON-LD, which never run", () => {
    const found = inlineSources(page('<script type="application/ld+json">{"@type":"NewsArticle"}</script>'));
    expect(found.refused).toEqual([]);
    expect(found.scripts).toHaveLength(3);
  });

  it("hashes style attribute values as the browser sees them, entities decoded", () => {
    const found = inlineSources('<p style="font-family:&quot;Segoe UI&quot;;margin:0"></p><style>a{color:red}</style>');
    expect(found.styleAttributes).toEqual([sha('font-family:"Segoe UI";margin:0')]);
    expect(found.styleElements).toEqual([sha("a{color:red}")]);
  });

  it("copes with attributes that contain > and with unclosed tags", () => {
    expect(inlineSources(`<script data-x="a>b">${INIT}</script>`).scripts).toEqual([sha(INIT)]);
    expect(inlineSources("<script>self.__next_f.push([0]").scripts).toEqual([]);
  });
});

describe("htmlPolicy", () => {
  const policy = htmlPolicy(page());

  it("allows scripts from the site and the page's own framework scripts by hash, never eval or inline", () => {
    expect(directive(policy, "script-src")?.split(" ").sort()).toEqual(["'self'", sha(INIT), sha(PAYLOAD), sha(TURBOPACK)].sort());
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|strict-dynamic|\*/);
  });

  it("has the directives the site promises", () => {
    expect(directive(policy, "default-src")).toBe("'none'");
    expect(directive(policy, "object-src")).toBe("'none'");
    expect(directive(policy, "base-uri")).toBe("'self'");
    expect(directive(policy, "frame-ancestors")).toBe("'none'");
    expect(directive(policy, "form-action")).toBe("'self'");
    expect(directive(policy, "img-src")).toBe("'self' data:");
    expect(directive(policy, "style-src")).toBe("'self'");
    expect(directive(policy, "style-src-attr")).toBe(`'unsafe-hashes' ${sha("color:transparent")}`);
  });

  it("allows no inline style at all on a page without any", () => {
    expect(directive(htmlPolicy("<p>plain</p>"), "style-src-attr")).toBe("'none'");
  });

  it("is a valid header value: one line, printable ASCII", () => {
    expect(policy).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe("noncePolicy", () => {
  it("allows the nonce for scripts and style elements, and style attributes (placeholders) only", () => {
    const policy = noncePolicy("abc123==");
    expect(directive(policy, "script-src")).toBe("'self' 'nonce-abc123=='");
    expect(directive(policy, "style-src")).toBe("'self' 'nonce-abc123=='");
    expect(directive(policy, "style-src-attr")).toBe("'unsafe-inline'");
    expect(policy.replace("style-src-attr 'unsafe-inline'", "")).not.toMatch(/unsafe-eval|unsafe-inline/);
  });
});

describe("RESOURCE_POLICY", () => {
  it("lets nothing run in, load into or frame a non-HTML response", () => {
    expect(directive(RESOURCE_POLICY, "default-src")).toBe("'none'");
    expect(directive(RESOURCE_POLICY, "frame-ancestors")).toBe("'none'");
    expect(RESOURCE_POLICY).not.toContain("script-src");
  });
});
