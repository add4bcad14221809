import { listingRoute } from "@/components/listing-route";

const route = listingRoute("section", "section", { paged: false });

export const revalidate = 60;
export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
