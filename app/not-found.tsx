import type { Metadata } from "next";
import { NoticePage } from "@/components/notice-page";
import { getSections } from "@/lib/content";
import { sectionPath } from "@/lib/paths";

export const metadata: Metadata = {
  title: "Page not found",
  robots: { index: false },
};

export default function NotFound() {
  const sections = getSections();
  return (
    <NoticePage
      label="Error 404"
      title="We can’t find that page"
      destinations={sections.map((s) => ({ href: sectionPath(s.slug), name: s.name }))}
    >
      <p className="mt-4 text-lg text-muted">
        The story may have moved, or the address may be mistyped. Try the front page or one of our sections.
      </p>
    </NoticePage>
  );
}
