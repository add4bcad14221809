import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders paragraphs, emphasis, links and lists", () => {
    const html = renderMarkdown("One *two* [three](https://example.com).\n\n- a\n- b\n");
    expect(html).toContain(
      '<p>One <em>two</em> <a href="https://example.com" data-print-url="https://example.com/">three</a>.</p>',
    );
    expect(html).toContain("<li>a</li>");
  });

  it("keeps typographic characters exactly as written", () => {
    expect(renderMarkdown("Friday’s parade—Moscow's view")).toBe("<p>Friday’s parade—Moscow's view</p>");
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
    );
    expect(html).not.toMatch(/<script|onerror|<iframe|javascript:|<svg|data:text/i);
  });

  it("gives every link its absolute URL for print, resolving site-relative ones on the origin", () => {
    expect(renderMarkdown("[a](/world/x) [b](#note)", "https://interbellumnews.com")).toBe(
      '<p><a href="/world/x" data-print-url="https://interbellumnews.com/world/x">a</a> <a href="#note">b</a></p>',
    );
  });

  it("demotes nothing into a second h1: the headline is the page's only h1", () => {
    expect(renderMarkdown("# Title\n\n## Sub")).not.toContain("<h1");
  });
});
