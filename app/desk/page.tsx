import path from "node:path";
import type { Metadata } from "next";
import { DeskFrame, DeskSection } from "@/components/desk/desk-frame";
import { SIGN_IN_PROBLEMS, SignInForm, type SignInProblem } from "@/components/desk/sign-in-form";
import { ProblemList, StoryRows } from "@/components/desk/story-rows";
import { getCorpus, type Article } from "@/lib/content";
import { deskBoard, LIST_LIMIT, RECENT_HOURS } from "@/lib/desk/board";
import { deskKeys } from "@/lib/desk/keys";
import { contentProblems } from "@/lib/desk/problems";
import { currentEditor } from "@/lib/desk/requests";
import { deskReturnAddress } from "@/lib/desk/return-address";
import { formatDateTime } from "@/lib/render/format";

/*
 * /desk: signed out, the sign-in form (app/desk/sign-in posts it); signed in,
 * what is coming and when: drafts, scheduled stories, stories out in the last
 * 48 hours and retracted ones, each with its content problems.
 */

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Editors’ desk", robots: { index: false, follow: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function DeskPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const asked = one(params.problem);
  const problem = asked && asked in SIGN_IN_PROBLEMS ? (asked as SignInProblem) : undefined;
  const editor = await currentEditor();
  if (!editor) {
    return (
      <DeskFrame title="Sign in">
        <SignInForm next={deskReturnAddress(one(params.next))} problem={deskKeys() ? problem : "closed"} />
      </DeskFrame>
    );
  }

  const corpus = getCorpus();
  const now = new Date();
  const board = deskBoard(corpus, now);
  const report = await contentProblems(now);
  const problemsOf = (a: Article) => report.byFile.get(a.file) ?? [];
  // Files with problems that are not a story in service as they stand (a new file, or another file of a slug).
  const otherFiles = [...report.byFile].filter(([file]) => corpus.bySlug.get(path.posix.basename(file.replace(/\\/g, "/"), ".md"))?.file !== file);
  const timeZone = corpus.site.timeZone;
  const rows = { now, timeZone, problemsOf };

  return (
    <DeskFrame title="What is coming" csrf={editor.csrf}>
      <p className="mt-4 text-sm text-muted">
        Files nobody has published yet checked <time dateTime={report.checkedAt.toISOString()}>{formatDateTime(report.checkedAt, timeZone)}</time>{" "}
        with the rules of content:check (again in the background at most once a minute); each list shows its first {LIST_LIMIT}.
        {report.failure ? ` The check failed: ${report.failure}` : ""}
      </p>
      {otherFiles.length ? (
        <DeskSection id="desk-files" title="Files with problems" note="Not on the site until they pass: they are not in the lists below.">
          <ul className="space-y-3">
            {otherFiles.map(([file, problems]) => (
              <li key={file}>
                <p className="font-mono text-sm">{file}</p>
                <ProblemList problems={problems} />
              </li>
            ))}
          </ul>
        </DeskSection>
      ) : null}
      <DeskSection id="desk-drafts" title={`Drafts (${board.drafts.total})`}>
        <StoryRows list={board.drafts} {...rows} />
      </DeskSection>
      <DeskSection id="desk-scheduled" title={`Scheduled (${board.scheduled.total})`} note={`Soonest first; times in ${timeZone}.`}>
        <StoryRows list={board.scheduled} {...rows} schedule />
      </DeskSection>
      <DeskSection id="desk-recent" title={`Published in the last ${RECENT_HOURS} hours (${board.recent.total})`}>
        <StoryRows list={board.recent} {...rows} />
      </DeskSection>
      <DeskSection id="desk-retracted" title={`Retracted (${board.retracted.total})`}>
        <StoryRows list={board.retracted} {...rows} />
      </DeskSection>
    </DeskFrame>
  );
}
