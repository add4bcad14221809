import { listingRoute } from "@/components/listing-route";

const route = listingRoute("topic", "tag", { paged: false });

export const revalidate = 60;
// The busiest are built (lib/publishing/prerender.ts); the rest on first request, an unknown one a 404.
export const dynamicParams = true;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
