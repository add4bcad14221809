import { describe, expect, it } from "vitest";
import { atMost, clickDepths, holds, netCpuMs, pageLinks, quantile, statCpuMs, verdictLabel } from "./archive-targets";

describe("netCpuMs", () => {
  it("takes the idle rate over the work's own window away", () => {
    expect(netCpuMs({ cpuMs: 260, wallMs: 3000 }, { cpuMs: 20, wallMs: 2000 })).toBe(230);
  });
  it("never goes below 0 when the idle window happened to be busier", () => {
    expect(netCpuMs({ cpuMs: 10, wallMs: 1000 }, { cpuMs: 50, wallMs: 1000 })).toBe(0);
  });
  it("counts everything as work without an idle window", () => {
    expect(netCpuMs({ cpuMs: 120, wallMs: 1000 }, { cpuMs: 0, wallMs: 0 })).toBe(120);
  });
});

describe("statCpuMs", () => {
  it("adds utime and stime (ticks of 1/100 s), past a command name with spaces and parentheses", () => {
    const stat = "4242 (node (main) x) S 1 4242 4242 0 -1 4194304 100 0 0 0 731 52 0 0 20 0 11 0 123 456 789";
    expect(statCpuMs(stat)).toBe(7830);
  });
});

describe("verdicts", () => {
  it("passes at the limit and fails past it", () => {
    expect(atMost("build", 600, 600, "s").pass).toBe(true);
    expect(atMost("build", 600.1, 600, "s")).toMatchObject({ pass: false, figure: "600.1 s", limit: "≤ 600 s" });
  });
  it("has no verdict for a figure that was not measured", () => {
    const v = atMost("restart", undefined, 10, "s");
    expect(v).toMatchObject({ pass: null, figure: "not measured" });
    expect(verdictLabel(v)).toBe("N/A ");
  });
  it("labels yes/no targets", () => {
    expect(verdictLabel(holds("answers while indexing", "yes", true, "503 + Retry-After"))).toBe("PASS");
    expect(verdictLabel(holds("answers while indexing", "yes", false, "connection refused"))).toBe("FAIL");
  });
});

describe("quantile", () => {
  it("is the nearest rank", () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(quantile(xs, 0.95)).toBe(95);
    expect(quantile(xs, 1)).toBe(100);
    expect(quantile([7], 0.5)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe("pageLinks", () => {
  it("keeps the site's page paths and drops queries, fragments, feeds, images, the API and other sites", () => {
    const html = `<a href="/world/a-story?x=1#top">a</a><a class="x" href="/world/">w</a><a href="/">home</a>
      <a href="/feed.xml">rss</a><a href="/world/a-story/og.png">card</a><a href="/api/draft">d</a>
      <a href="//evil.example/">e</a><a href="https://elsewhere.example/x">x</a><link href="/style.css">
      <a href="/search?q=russia">s</a><a href="/topic/russia/page/2">p</a><a href="/desk">desk</a>`;
    expect(pageLinks(html).sort()).toEqual(["/", "/search", "/topic/russia/page/2", "/world", "/world/a-story"]);
  });
});

describe("clickDepths", () => {
  const site: Record<string, string[]> = {
    "/": ["/a", "/b"],
    "/a": ["/", "/c"],
    "/b": ["/c", "/d"],
    "/c": ["/e"],
    "/d": [],
    "/e": ["/f"],
  };
  it("finds the fewest clicks to each page, fetching nothing at the last depth", async () => {
    const asked: string[] = [];
    const { depth, fetched, truncated } = await clickDepths("/", async (p) => (asked.push(p), site[p] ?? []), { maxDepth: 3 });
    expect(Object.fromEntries(depth)).toEqual({ "/": 0, "/a": 1, "/b": 1, "/c": 2, "/d": 2, "/e": 3 });
    expect(asked.sort()).toEqual(["/", "/a", "/b", "/c", "/d"]);
    expect({ fetched, truncated }).toEqual({ fetched: 5, truncated: false });
  });
  it("stops at the page limit and says so", async () => {
    const { fetched, truncated } = await clickDepths("/", async (p) => site[p] ?? [], { maxDepth: 5, limit: 2, concurrency: 1 });
    expect({ fetched, truncated }).toEqual({ fetched: 2, truncated: true });
  });
});
