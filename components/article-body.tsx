import { renderMarkdown } from "@/lib/render/markdown";

/** The body, rendered from Markdown on the server and sanitized (lib/render/markdown.ts). */
export function ArticleBody({ markdown, origin }: { markdown: string; origin: string }) {
  return (
    <div
      className="prose-article prose prose-lg mx-auto max-w-3xl px-4 font-serif prose-p:leading-relaxed"
      dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown, origin) }}
    />
  );
}
