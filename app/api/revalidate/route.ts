import { formatProblem, isContentError } from "@/lib/content";
import { revalidateEverything } from "@/lib/publishing/revalidation";
import { schedulerToken } from "@/lib/publishing/publication-timer";
import { isFleetUnavailable } from "@/server/fleet-contract.mjs";
import { configuredSecret, secretMatches } from "@/lib/publishing/secrets";

/*
 * POST /api/revalidate with `Authorization: Bearer $REVALIDATE_SECRET`: the
 * publishing pipeline calls it after changing content in a running
 * deployment, naming the files it changed (`{"files": [...]}`, relative to the
 * content directory; without them the server compares every file with its
 * index). Those files are read and checked, every page, feed and sitemap is
 * refreshed on its next request, and the publication timer is re-armed. The
 * server's own scheduler calls it with its per-process token and no files.
 *
 * In a fleet, one call — through the load balancer or to any instance — reaches
 * every instance (lib/publishing/revalidation.ts). When Redis cannot be reached
 * the answer is 503, never a silent success: this instance has reloaded, the
 * others have not, and the pipeline must retry.
 */

export const dynamic = "force-dynamic";

function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" } });
}

function authorized(request: Request): boolean | "disabled" {
  const internal = schedulerToken();
  if (internal && secretMatches(request.headers.get("x-scheduler-token"), internal)) return true;
  const expected = configuredSecret("REVALIDATE_SECRET");
  if (!expected) return "disabled";
  const header = request.headers.get("authorization") ?? "";
  return secretMatches(header.startsWith("Bearer ") ? header.slice("Bearer ".length) : null, expected);
}

/** Most files one publish may name; a larger change leaves them out and lets the server compare every file. */
const MAX_FILES = 10_000;

/**
 * The files a publish names: a JSON body `{"files": ["articles/…/x.md", "sections.yaml"]}`
 * (relative to the content directory); no body: undefined (every file is compared
 * with the index). A reason when the body is not that.
 */
async function filesOf(request: Request): Promise<string[] | undefined | string> {
  const text = await request.text();
  if (!text.trim()) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'The body must be JSON: {"files": ["articles/2025/05/some-story.md"]}, or empty.';
  }
  const files = (body as { files?: unknown } | null)?.files;
  if (files === undefined) return undefined;
  if (!Array.isArray(files) || files.length > MAX_FILES || !files.every((f) => typeof f === "string")) {
    return `"files" must be a list of at most ${MAX_FILES} paths relative to the content directory.`;
  }
  return files as string[];
}

export async function POST(request: Request): Promise<Response> {
  const auth = authorized(request);
  if (auth === "disabled") return json(403, { error: "Revalidation is disabled on this server: REVALIDATE_SECRET is not set." });
  if (!auth) return json(401, { error: "Invalid revalidation secret." });
  const files = await filesOf(request);
  if (typeof files === "string") return json(400, { error: files });
  try {
    const result = await revalidateEverything(files);
    return json(200, { revalidated: true, ...result });
  } catch (err) {
    if (isFleetUnavailable(err)) {
      return json(503, {
        error: `The fleet could not be told (${err.message}): this instance reloaded its own content, the other instances and the shared cache did not. Retry.`,
      });
    }
    if (isContentError(err)) {
      return json(422, { error: "Content is invalid; the previous content stays in service.", problems: err.problems.map(formatProblem) });
    }
    throw err;
  }
}
