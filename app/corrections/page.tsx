import { correctionsRoute } from "@/components/corrections-route";

const route = correctionsRoute({ paged: false });

export const revalidate = 60;
export const generateMetadata = route.generateMetadata;
export default route.Page;
