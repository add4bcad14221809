import type { ReactNode } from "react";
import { Link } from "@/components/link";
import { DESK_PATH, DESK_SIGN_OUT_PATH } from "@/lib/paths";

/** Every desk page: the desk's name, where the editor is, and (signed in) the sign-out form. */
export function DeskFrame({
  title,
  csrf,
  back,
  children,
}: {
  title: string;
  /** The session's CSRF token; absent when signed out. */
  csrf?: string;
  back?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-5xl px-4 pt-6 pb-4 sm:pt-8">
      <header className="flex flex-wrap items-end justify-between gap-4 border-b-2 border-ink pb-4">
        <div>
          <p className="text-sm font-semibold tracking-wider text-accent-ink uppercase">
            {back ? (
              <Link href={DESK_PATH} className="underline">
                Editors’ desk
              </Link>
            ) : (
              "Editors’ desk"
            )}
          </p>
          <h1 className="mt-1 font-serif text-3xl font-bold text-balance sm:text-4xl">{title}</h1>
        </div>
        {csrf ? (
          <form action={DESK_SIGN_OUT_PATH} method="post">
            <input type="hidden" name="csrf" value={csrf} />
            <button type="submit" className="rounded border border-ink px-3 py-1.5 text-sm font-semibold hover:bg-ink hover:text-paper">
              Sign out
            </button>
          </form>
        ) : null}
      </header>
      {children}
    </div>
  );
}

/** A desk section with its heading. */
export function DeskSection({ id, title, note, children }: { id: string; title: string; note?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="font-serif text-2xl font-bold">
        {title}
      </h2>
      {note ? <p className="mt-1 text-sm text-muted">{note}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}
