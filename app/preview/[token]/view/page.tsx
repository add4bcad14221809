import type { Metadata } from "next";
import { ArticleView } from "@/components/article-view";
import { PreviewNotice } from "@/components/desk/preview-notice";
import { NoticePage } from "@/components/notice-page";
import { getArticle, getSite, isPublic } from "@/lib/content";
import { linkKey } from "@/lib/desk/keys";
import { notFound } from "next/navigation";
import { isInternalRender } from "@/lib/desk/self-render";
import { resolveSharedLink } from "@/lib/desk/share-links";

/*
 * What a shared preview link shows (app/preview/[token]/route.ts sends it with
 * its status): the one story the link was signed for, rendered as it will be
 * published, or a page saying why the link shows nothing. Only the route
 * handler reaches it (isInternalRender); anyone else gets a 404, so this
 * address is never a second way to a draft, nor a 200 for a bad link.
 */

export const dynamic = "force-dynamic";

type Params = Promise<{ token: string }>;

const NOTICES = {
  expired: { title: "This preview link has expired", text: "Ask the newsroom for a new link." },
  invalid: { title: "This preview link is not valid", text: "It may have been changed or revoked. Ask the newsroom for a new link." },
  disabled: { title: "Preview links are switched off", text: "This server does not accept shared preview links at the moment." },
  missing: { title: "This story is no longer in preview", text: "The newsroom has removed or renamed it." },
  public: { title: "This story is published", text: "Read it at its own address." },
} as const;

function resolve(token: string) {
  return resolveSharedLink(linkKey(), token, new Date(), getArticle, isPublic);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  if (!(await isInternalRender())) return { robots: { index: false, follow: false } };
  const shared = resolve((await params).token);
  const title = shared.kind === "story" ? `Preview: ${shared.article.title}` : NOTICES[shared.kind].title;
  return { title, robots: { index: false, follow: false } };
}

export default async function SharedPreviewPage({ params }: { params: Params }) {
  if (!(await isInternalRender())) notFound();
  const shared = resolve((await params).token);
  if (shared.kind === "story") {
    const now = new Date();
    return (
      <ArticleView
        article={shared.article}
        now={now}
        preview
        banner={<PreviewNotice article={shared.article} timeZone={getSite().timeZone} until={shared.expires} />}
      />
    );
  }
  const notice = NOTICES[shared.kind];
  return (
    <NoticePage label="Preview link" title={notice.title} destinations={shared.kind === "public" ? [{ href: shared.article.path, name: shared.article.title }] : []}>
      <p className="mt-4 text-lg">{notice.text}</p>
    </NoticePage>
  );
}
