import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Link } from "@/components/link";
import { DeskFrame, DeskSection } from "@/components/desk/desk-frame";
import { ShareForm } from "@/components/desk/share-form";
import { ProblemList } from "@/components/desk/story-rows";
import { ReachList, StorySurfaces } from "@/components/desk/surfaces";
import { getArticle, getSite, modifiedAt } from "@/lib/content";
import { storyState, timeUntil } from "@/lib/desk/board";
import { linkKey } from "@/lib/desk/keys";
import { contentProblems } from "@/lib/desk/problems";
import { reachWarnings } from "@/lib/desk/reach";
import { requireEditor } from "@/lib/desk/requests";
import { verifyPreviewLink } from "@/lib/desk/share-links";
import { absolute, deskArticlePath, deskStoryPath, previewLinkPath } from "@/lib/paths";
import { formatDateTime } from "@/lib/render/format";

/*
 * /desk/story/<slug>: one story on the desk. Where it stands, its article
 * preview, a preview link to share, its content problems, what hurts its
 * reach, and how it will look on every surface readers meet it.
 */

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const metadata: Metadata = { title: "Story · Editors’ desk", robots: { index: false, follow: false } };

export default async function DeskStoryPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const editor = await requireEditor(deskStoryPath(slug));
  const article = getArticle(slug);
  if (!article) notFound();

  const site = getSite();
  const now = new Date();
  const state = storyState(article, now);
  const key = linkKey();
  const asked = (await searchParams).link;
  const token = typeof asked === "string" ? asked : undefined;
  const check = key && token ? verifyPreviewLink(key, token, now) : undefined;
  const made = check?.ok && check.slug === article.slug ? { url: absolute(site.origin, previewLinkPath(token!)), expires: check.expires } : undefined;
  const problems = (await contentProblems(now)).byFile.get(article.file) ?? [];

  return (
    <DeskFrame title={article.title} csrf={editor.csrf} back>
      <dl className="mt-4 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
        <dt className="font-semibold">Status</dt>
        <dd>
          {state === "scheduled" ? (
            <>
              Scheduled: goes out <time dateTime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt, site.timeZone)}</time>,{" "}
              {timeUntil(article.publishedAt, now)}
            </>
          ) : state === "published" ? (
            <>
              Published{" "}
              <Link href={article.path} className="text-accent-ink underline">
                at its address
              </Link>
            </>
          ) : state === "draft" ? (
            "Draft"
          ) : (
            "Retracted"
          )}
        </dd>
        <dt className="font-semibold">Section</dt>
        <dd>{article.section.name}</dd>
        <dt className="font-semibold">By</dt>
        <dd>{article.authors.map((a) => a.name).join(", ")}</dd>
        <dt className="font-semibold">Last change</dt>
        <dd>
          <time dateTime={modifiedAt(article).toISOString()}>{formatDateTime(modifiedAt(article), site.timeZone)}</time>
        </dd>
        <dt className="font-semibold">File</dt>
        <dd className="font-mono break-all">{article.file}</dd>
      </dl>
      <p className="mt-4">
        <Link href={deskArticlePath(article.slug)} className="font-semibold text-accent-ink underline">
          Open the article preview
        </Link>
      </p>

      {state === "published" ? null : (
        <DeskSection id="desk-share" title="Share a preview" note="For a colleague, a lawyer or a source: no secret and no sign-in needed.">
          <ShareForm slug={article.slug} csrf={editor.csrf} enabled={!!key} made={made} timeZone={site.timeZone} />
        </DeskSection>
      )}

      <DeskSection id="desk-problems" title="Content problems" note="The rules of content:check, on the file as it is now.">
        {problems.length ? <ProblemList problems={problems} /> : <p>None.</p>}
      </DeskSection>

      <DeskSection id="desk-reach" title="Reach">
        <ReachList warnings={reachWarnings(article)} />
      </DeskSection>

      <DeskSection id="desk-surfaces" title="Where readers will see it" note="The site’s own components, with this story as the newest among the stories public now.">
        <StorySurfaces story={article} site={site} now={now} />
      </DeskSection>
    </DeskFrame>
  );
}
