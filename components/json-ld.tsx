import { serializeJsonLd } from "@/lib/seo/jsonld";

/** Structured data for crawlers; serialized so no content can break out of the script element. */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
