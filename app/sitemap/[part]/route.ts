import { sitemapPartResponse } from "@/lib/seo/sitemaps";

/** /sitemap/<n>.xml, the parts /sitemap.xml indexes once the site passes 50,000 addresses. */
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ part: string }> }) {
  return sitemapPartResponse((await params).part, new Date());
}
