import { archiveRoute } from "@/components/archive-route";

const route = archiveRoute("year");

export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
