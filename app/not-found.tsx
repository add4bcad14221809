import type { Metadata } from "next";
import { Link } from "@/components/link";
import { getSections } from "@/lib/content";

export const metadata: Metadata = {
  title: "Page not found",
  robots: { index: false },
};

export default function NotFound() {
  const sections = getSections();
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <p className="text-sm font-semibold tracking-wider text-accent-ink uppercase">Error 404</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">We can’t find that page</h1>
      <p className="mt-4 text-lg text-muted">
        The story may have moved, or the address may be mistyped. Try the front page or one of our sections.
      </p>
      <ul className="mt-6 flex flex-wrap gap-4">
        <li>
          <Link href="/" className="font-semibold text-accent-ink underline">
            Front page
          </Link>
        </li>
        {sections.map((s) => (
          <li key={s.slug}>
            <Link href={`/${s.slug}`} className="font-semibold text-accent-ink underline">
              {s.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
