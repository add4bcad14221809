import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import type { Element, Root } from "hast";
import { unified } from "unified";
import { visit } from "unist-util-visit";

/*
 * Article bodies are Markdown, and Markdown only: an editor may use no raw HTML
 * at all. Raw HTML in a body is not rendered (remark-rehype drops it without
 * `allowDangerousHtml`), and the resulting tree is sanitized against GitHub's
 * allow-list as a second line of defence, so no script, event handler, iframe,
 * SVG or javascript:/data: URL can reach a page. Links may go to http(s),
 * mailto or the site itself; pictures only come from the site's /images/.
 */
const schema = {
  ...defaultSchema,
  // Headings inside a body start at h2: the page's only h1 is the headline.
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => t !== "h1"),
  protocols: {
    ...defaultSchema.protocols,
    href: ["http", "https", "mailto"],
    cite: ["http", "https"],
    // No scheme at all: a picture's address must be on the site (see rehypeSiteImages).
    src: [],
    longDesc: [],
  },
};

const SITE_IMAGE = /^\/images\/(?!.*\.\.)[\w./-]+$/;

/**
 * Pictures in a body are the site's own: an image whose address is not under
 * /images/ (another host, a protocol-relative `//host`, a data: URL) is
 * removed, keeping its alt text. Runs after sanitizing.
 */
function rehypeSiteImages() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "img" || !parent || index === undefined) return;
      const src = node.properties.src;
      if (typeof src === "string" && SITE_IMAGE.test(src)) return;
      const alt = typeof node.properties.alt === "string" ? node.properties.alt : "";
      parent.children.splice(index, 1, ...(alt ? [{ type: "text" as const, value: alt }] : []));
      return index;
    });
  };
}

/**
 * Print shows where each link goes: every link gets its absolute URL in
 * `data-print-url` (site-relative ones resolved against the canonical origin),
 * which the print stylesheet prints after the link text. Runs after
 * sanitizing, on hrefs the sanitizer already accepted.
 */
function rehypePrintUrls({ origin }: { origin: string }) {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      const href = node.tagName === "a" ? node.properties.href : undefined;
      if (typeof href !== "string" || href.startsWith("#")) return;
      try {
        node.properties.dataPrintUrl = new URL(href, origin + "/").toString();
      } catch {
        // An href the URL parser rejects gets no print URL; the link itself stays as sanitized.
      }
    });
  };
}

const processors = new Map<string, ReturnType<typeof makeProcessor>>();

function makeProcessor(origin: string) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rehypeSanitize, schema)
    .use(rehypeSiteImages)
    .use(rehypePrintUrls, { origin })
    .use(rehypeStringify)
    .freeze();
}

/**
 * Renders a Markdown body to sanitized HTML; `origin` resolves site-relative
 * links for print.
 *
 * @example
 * renderMarkdown("Hello *world*", "https://interbellumnews.com") // "<p>Hello <em>world</em></p>"
 */
export function renderMarkdown(markdown: string, origin: string): string {
  let processor = processors.get(origin);
  if (!processor) processors.set(origin, (processor = makeProcessor(origin)));
  return String(processor.processSync(markdown));
}

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * The raw HTML in a Markdown body, which is never rendered: `npm run
 * content:check` warns about it so an editor knows it will not appear.
 * Markup inside code is text, not HTML, and is not reported.
 *
 * @example
 * rawHtmlIn("Hello <b>world</b>") // ["<b>", "</b>"]
 */
export function rawHtmlIn(markdown: string): string[] {
  const found: string[] = [];
  visit(parser.parse(markdown), "html", (node: { value: string }) => {
    found.push(node.value);
  });
  return found;
}
