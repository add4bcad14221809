import { DESK_SIGN_IN_PATH } from "@/lib/paths";

/** Why the form is shown again, as the sign-in route says it (app/desk/sign-in/route.ts). */
export const SIGN_IN_PROBLEMS = {
  wrong: "That is not the newsroom secret.",
  throttled: "Too many wrong attempts from here. Wait a minute, then try again.",
  forged: "That request did not come from this form. Try again.",
  closed: "The desk is closed on this server: PREVIEW_SECRET is not set.",
  "signed-out": "You are signed out.",
} as const;
export type SignInProblem = keyof typeof SIGN_IN_PROBLEMS;

/** The plain sign-in form: the newsroom secret, posted with the desk address to return to. */
export function SignInForm({ next, problem }: { next: string; problem?: SignInProblem }) {
  const closed = problem === "closed";
  return (
    <div className="mt-8 max-w-md">
      {problem ? (
        <p role={problem === "signed-out" ? "status" : "alert"} className="mb-6 border-l-4 border-accent bg-rule/40 px-4 py-3 font-semibold">
          {SIGN_IN_PROBLEMS[problem]}
        </p>
      ) : null}
      {closed ? null : (
        <form action={DESK_SIGN_IN_PATH} method="post" className="space-y-4">
          <input type="hidden" name="next" value={next} />
          <div>
            <label htmlFor="desk-secret" className="block font-semibold">
              Newsroom secret
            </label>
            <p id="desk-secret-hint" className="text-sm text-muted">
              The preview secret your editor gave you. You stay signed in for 12 hours.
            </p>
            <input
              id="desk-secret"
              name="secret"
              type="password"
              required
              autoComplete="current-password"
              aria-describedby="desk-secret-hint"
              className="mt-2 w-full rounded border border-muted bg-paper px-3 py-2 text-ink"
            />
          </div>
          <button type="submit" className="rounded border border-ink bg-ink px-4 py-2 font-semibold text-paper hover:bg-accent-ink">
            Sign in
          </button>
        </form>
      )}
    </div>
  );
}
