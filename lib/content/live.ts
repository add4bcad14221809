import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { CONTINUE, SKIP, visit } from "unist-util-visit";

/*
 * A live story's body, read as Markdown (mdast), not as lines of text: the
 * text before the first level-2 heading is the story's intro, and each `## `
 * heading starts an update that runs to the next one. The heading holds the
 * update's time and headline, optionally marked key:
 *
 *   ## 2025-05-09T14:05:00Z Xi arrives at Vnukovo [key]
 *
 * This module only splits; rules.ts judges what it found (times, order,
 * duplicates) and load.ts makes the LiveCoverage.
 */

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

type Root = ReturnType<typeof parser.parse>;
type Block = Root["children"][number];

/** An update as written: its heading split into time, headline and key mark, and its Markdown. */
export type WrittenUpdate = {
  /** Line of the heading, counted from the body's first line (1). */
  line: number;
  /** The heading's whole text, to quote in a problem. */
  heading: string;
  /** The first word of the heading: the time, if the editor wrote one. */
  timeText: string;
  title: string;
  key: boolean;
  /** Markdown of the update's text, as the editor wrote it. */
  body: string;
  /** Its text as a reader sees it: block texts joined by one space. */
  text: string;
};

const KEY_MARK = /\s*\[key\]$/i;

const TEXT_BLOCKS = new Set(["paragraph", "heading", "tableCell", "code"]);

/** The words of the blocks a reader sees, one space between blocks (list items and cells too). */
function textOf(blocks: Block[]): string {
  const texts: string[] = [];
  for (const block of blocks) {
    visit(block, (node) => {
      if (!TEXT_BLOCKS.has(node.type)) return CONTINUE;
      texts.push(toString(node, { includeHtml: false }));
      return SKIP;
    });
  }
  return texts.join(" ").replace(/\s+/g, " ").trim();
}

/** The source text of `markdown` between two offsets, without surrounding blank lines. */
const slice = (markdown: string, from: number, to: number) => markdown.slice(from, to).trim();

/**
 * Splits a live story's body into its intro and its updates, in the order written.
 *
 * @example
 * splitLiveBody("Intro.\n\n## 2025-05-09T14:05:00Z Xi arrives [key]\n\nHe landed.")
 * // { intro: "Intro.", updates: [{ line: 3, timeText: "2025-05-09T14:05:00Z", title: "Xi arrives", key: true, body: "He landed.", … }] }
 */
export function splitLiveBody(markdown: string): { intro: string; updates: WrittenUpdate[] } {
  const blocks = parser.parse(markdown).children;
  const starts = blocks.flatMap((block, i) => (block.type === "heading" && block.depth === 2 ? [i] : []));
  const offset = (block: Block | undefined, edge: "start" | "end") => block?.position?.[edge].offset ?? markdown.length;
  const intro = slice(markdown, 0, starts.length ? offset(blocks[starts[0]!], "start") : markdown.length);

  const updates = starts.map((at, n): WrittenUpdate => {
    const heading = blocks[at]!;
    const next = starts[n + 1] ?? blocks.length;
    const headingText = toString(heading, { includeHtml: false }).replace(/\s+/g, " ").trim();
    const key = KEY_MARK.test(headingText);
    const words = headingText.replace(KEY_MARK, "");
    const space = words.indexOf(" ");
    return {
      line: heading.position?.start.line ?? 1,
      heading: headingText,
      timeText: space === -1 ? words : words.slice(0, space),
      title: space === -1 ? "" : words.slice(space + 1).trim(),
      key,
      body: slice(markdown, offset(heading, "end"), offset(blocks[next], "start")),
      text: textOf(blocks.slice(at + 1, next)),
    };
  });
  return { intro, updates };
}
