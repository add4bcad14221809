import { describe, expect, it } from "vitest";
import { NEXT_PAGE, READER_PAGE } from "./next-page-samples";
import { hasFrameworkRuntime, withoutFrameworkRuntime } from "./runtime-free.mjs";

describe("withoutFrameworkRuntime", () => {
  it("takes out the chunk scripts, their preload, the polyfill, Turbopack's list and the flight payload, and nothing else", () => {
    expect(withoutFrameworkRuntime(NEXT_PAGE)).toBe(READER_PAGE);
    expect(hasFrameworkRuntime(NEXT_PAGE)).toBe(true);
    expect(hasFrameworkRuntime(READER_PAGE)).toBe(false);
  });

  it("returns a page without the runtime as it is, and is idempotent", () => {
    expect(withoutFrameworkRuntime(READER_PAGE)).toBe(READER_PAGE);
    const once = withoutFrameworkRuntime(NEXT_PAGE);
    expect(withoutFrameworkRuntime(once)).toBe(once);
  });

  it("keeps the site's own scripts and anything that is not the framework's", () => {
    const own = '<script src="/scripts/live-updates.js" defer=""></script>';
    const injected = "<script>window.__pwned=1</script>";
    const lookalike = '<script>self.__next_f.push([1]);window.__pwned=1;self.__next_f.push([1])</script>';
    const foreign = '<script src="https://cdn.example/_next/static/chunks/x.js"></script><script src="/_next/static/../../x.js"></script>';
    const out = withoutFrameworkRuntime(NEXT_PAGE.replace("</body>", `${own}${injected}${lookalike}${foreign}</body>`));
    expect(out).toBe(READER_PAGE.replace("</body>", `${own}${injected}${lookalike}${foreign}</body>`));
  });

  it("leaves a page whole when React must still move streamed content into place", () => {
    const streamed = NEXT_PAGE.replace("<main>", '<main><!--$?--><template id="B:0"></template><!--/$-->').replace(
      "</body>",
      '<div hidden id="S:0"><p>Late</p></div><script>$RC("B:0","S:0")</script></body>',
    );
    expect(withoutFrameworkRuntime(streamed)).toBe(streamed);
  });

  it("is not fooled into keeping the runtime by a story that quotes React's streaming calls", () => {
    const quoted = (page: string) =>
      page
        .replace("<p>", "<p>Call $RC(&quot;B:0&quot;) and write &lt;template id=&quot;B:0&quot;&gt; ")
        .replace('"headline":"A story"', '"headline":"A story about $RC(\\"B:0\\")"');
    expect(withoutFrameworkRuntime(quoted(NEXT_PAGE))).toBe(quoted(READER_PAGE));
  });
});
