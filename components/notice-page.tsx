import type { ReactNode } from "react";
import { Link } from "@/components/link";

type Destination = { href: string; name: string };

/**
 * The page a reader gets instead of what they asked for — not found, a bad
 * request, a retracted story: a label, a headline, what happened, and where to
 * go from here (the front page first, then `destinations`).
 */
export function NoticePage({
  label,
  title,
  children,
  destinations,
}: {
  label: string;
  title: string;
  children: ReactNode;
  destinations: Destination[];
}) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <p className="text-sm font-semibold tracking-wider text-accent-ink uppercase">{label}</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">{title}</h1>
      {children}
      <ul className="mt-6 flex flex-wrap gap-4">
        {[{ href: "/", name: "Front page" }, ...destinations].map((d) => (
          <li key={d.href}>
            <Link href={d.href} className="font-semibold text-accent-ink underline">
              {d.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
