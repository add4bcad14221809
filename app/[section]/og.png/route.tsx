import { shareCardResponse } from "@/components/share-card";
import { getSection, getSections, getSite } from "@/lib/content";

/** A section front's share card. */
export const revalidate = 3600;
export const dynamicParams = false;

export function generateStaticParams() {
  return getSections().map((s) => ({ section: s.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ section: string }> }) {
  const section = getSection((await params).section);
  if (!section) return new Response("Not found", { status: 404 });
  const site = getSite();
  return shareCardResponse({ brand: site.name, label: site.domain, headline: section.name, footnote: section.description });
}
