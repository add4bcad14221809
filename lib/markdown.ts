import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/*
 * Article bodies are Markdown. Raw HTML in a body is not rendered at all
 * (remark-rehype drops it without `allowDangerousHtml`), and the resulting
 * tree is sanitized against GitHub's allow-list as a second line of defence,
 * so no script, event handler, iframe or javascript: URL can reach a page.
 */
const schema = {
  ...defaultSchema,
  // Headings inside a body start at h2: the page's only h1 is the headline.
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => t !== "h1"),
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify)
  .freeze();

/**
 * Renders a Markdown body to sanitized HTML.
 *
 * @example
 * renderMarkdown("Hello *world*") // "<p>Hello <em>world</em></p>"
 */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
