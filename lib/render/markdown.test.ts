import { describe, expect, it } from "vitest";
import { rawHtmlIn, renderMarkdown } from "./markdown";

const ORIGIN = "https://interbellumnews.com";

describe("renderMarkdown", () => {
  it("renders paragraphs, emphasis, links and lists", () => {
    const html = renderMarkdown("One *two* [three](https://example.com).\n\n- a\n- b\n", ORIGIN);
    expect(html).toContain(
      '<p>One <em>two</em> <a href="https://example.com" data-print-url="https://example.com/">three</a>.</p>',
    );
    expect(html).toContain("<li>a</li>");
  });

  it("keeps typographic characters exactly as written", () => {
    expect(renderMarkdown("Friday’s parade—Moscow's view", ORIGIN)).toBe("<p>Friday’s parade—Moscow's view</p>");
  });

  it("never lets a script, event handler, iframe or javascript: URL through", () => {
    const html = renderMarkdown(
      [
        "<script>window.__pwned = 1</script>",
        '<img src="x" onerror="window.__pwned = 1">',
        '<iframe src="https://evil.example"></iframe>',
        "[click](javascript:window.__pwned=1)",
        '<a href="javascript:alert(1)">x</a>',
        "<svg><script>alert(1)</script></svg>",
        "![x](data:text/html;base64,PHNjcmlwdD4=)",
      ].join("\n\n"),
      ORIGIN,
    );
    expect(html).not.toMatch(/<script|onerror|<iframe|javascript:|<svg|data:text/i);
  });

  it("renders a hostile corpus without anything that could run, load or frame", () => {
    const hostile = [
      "<script>window.__pwned = 1</script>",
      "Inline <script>window.__pwned=1</script> script and <b onclick=\"window.__pwned=1\">handler</b>.",
      '<img src=x onerror="window.__pwned=1">',
      '<iframe src="javascript:window.__pwned=1"></iframe>',
      '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
      '<object data="data:text/html,<script>window.__pwned=1</script>"></object><embed src="x.swf">',
      "<svg onload=window.__pwned=1><script>window.__pwned=1</script></svg>",
      '<svg><a xlink:href="javascript:window.__pwned=1"><text>x</text></a></svg>',
      "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>",
      '<style>body{background:url("javascript:window.__pwned=1")}</style>',
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
      '<form action="javascript:window.__pwned=1"><button formaction="javascript:window.__pwned=1">go</button></form>',
      '<a href="javascript:window.__pwned=1">raw link</a>',
      "[md link](javascript:window.__pwned=1)",
      "[spaced](  javascript:window.__pwned=1  )",
      "[entity](jav&#x61;script:window.__pwned=1)",
      "[upper](JaVaScRiPt:window.__pwned=1)",
      "[tab](java\tscript:window.__pwned=1)",
      "[vb](vbscript:msgbox(1))",
      "[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)",
      "<javascript:window.__pwned=1>",
      "[ref][r]\n\n[r]: javascript:window.__pwned=1",
      "![data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
      "![remote image](https://evil.example/track.png)",
      "![protocol relative](//evil.example/track.png)",
      "![svg](/images/../../etc/x.svg)",
      '![title quote](/images/putin-xi-moscow.jpg "a\" onerror=\"window.__pwned=1")',
      "![title quote](/images/putin-xi-moscow.jpg '\"><img src=x onerror=window.__pwned=1>')",
      "<a name=\"__next_f\" id=\"__next_f\">clobber</a>",
      "Footnote[^1]\n\n[^1]: A note with [a link](javascript:window.__pwned=1).",
      "&lt;script&gt;window.__pwned=1&lt;/script&gt;",
      "`<script>window.__pwned=1</script>` in code",
      "```html\n<script>window.__pwned=1</script>\n```",
    ].join("\n\n");
    const html = renderMarkdown(hostile, ORIGIN);
    // No element that runs, loads or frames anything, whatever the case.
    expect(html).not.toMatch(/<(?:script|iframe|object|embed|svg|math|style|base|meta|form|button|link)\b/i);
    // No event handler attribute, and no dangerous URL in any attribute. Every tag and its attributes, read as a browser would (quoted values may hold "<", ">" and "on…=").
    const attrs = [...html.matchAll(/<[a-z][a-z0-9-]*((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/gi)].flatMap((tag) =>
      [...tag[1]!.matchAll(/\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)].map((a) => ({
        name: a[1]!.toLowerCase(),
        value: (a[2] ?? a[3] ?? a[4] ?? "").replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))),
      })),
    );
    expect(attrs.filter((a) => a.name.startsWith("on"))).toEqual([]);
    for (const { name, value } of attrs.filter((a) => ["href", "src", "action", "formaction", "srcset", "cite", "longdesc"].includes(a.name))) {
      expect(value.replace(/\s/g, ""), name).not.toMatch(/^(?:javascript|vbscript|data):|^\/\//i);
    }
    // Pictures only from the site.
    const sources = attrs.filter((a) => a.name === "src").map((a) => a.value);
    expect(sources).toEqual(["/images/putin-xi-moscow.jpg"]);
    expect(html).toContain('<img src="/images/putin-xi-moscow.jpg" alt="title quote" title="&#x22;><img src=x onerror=window.__pwned=1>">');
    // A picture that is not the site's own leaves its alt text.
    expect(html).toContain("remote image");
    // No id or name that could shadow a global the framework reads.
    expect(html).not.toMatch(/\s(?:id|name)="__next/);
    // Code shows markup as text.
    expect(html).toContain("<code>&#x3C;script>window.__pwned=1&#x3C;/script></code>");
  });

  it("keeps ordinary links and the site's own pictures", () => {
    expect(renderMarkdown("[mail](mailto:desk@interbellumnews.com) ![a](/images/putin-xi-moscow.jpg)", ORIGIN)).toBe(
      '<p><a href="mailto:desk@interbellumnews.com" data-print-url="mailto:desk@interbellumnews.com">mail</a> <img src="/images/putin-xi-moscow.jpg" alt="a"></p>',
    );
  });

  it("gives every link its absolute URL for print, resolving site-relative ones on the origin", () => {
    expect(renderMarkdown("[a](/world/x) [b](#note)", ORIGIN)).toBe(
      '<p><a href="/world/x" data-print-url="https://interbellumnews.com/world/x">a</a> <a href="#note">b</a></p>',
    );
  });

  it("demotes nothing into a second h1: the headline is the page's only h1", () => {
    expect(renderMarkdown("# Title\n\n## Sub", ORIGIN)).not.toContain("<h1");
  });
});

describe("rawHtmlIn", () => {
  it("finds the raw HTML an editor wrote, but not markup shown as code", () => {
    expect(rawHtmlIn("Hello <b>world</b>\n\n<iframe src=x></iframe>\n\n`<script>` and\n\n```\n<script>\n```\n")).toEqual([
      "<b>",
      "</b>",
      "<iframe src=x></iframe>",
    ]);
    expect(rawHtmlIn("Plain *Markdown* with a [link](https://example.com).")).toEqual([]);
  });
});
