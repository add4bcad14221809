import { shareCardResponse } from "@/components/share-card";
import { getSite } from "@/lib/content";

/** The site's share card (front page and pages without their own). */
export const revalidate = 3600;

export async function GET() {
  const site = getSite();
  return shareCardResponse({
    brand: site.name,
    label: site.domain,
    headline: site.tagline ?? site.name,
    footnote: site.description,
  });
}
