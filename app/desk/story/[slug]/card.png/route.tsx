import { shareCardResponse } from "@/components/share-card";
import { getArticle, getSite } from "@/lib/content";
import { deskKeys } from "@/lib/desk/keys";
import { PRIVATE_HEADERS, requestSession } from "@/lib/desk/requests";

/* /desk/story/<slug>/card.png: the story's share card as it will be drawn, for a signed-in editor only. */

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const keys = deskKeys();
  const article = getArticle((await params).slug);
  if (!keys || !(await requestSession(request, keys))) return new Response("Sign in at /desk.\n", { status: 401, headers: PRIVATE_HEADERS });
  if (!article) return new Response("Not found\n", { status: 404, headers: PRIVATE_HEADERS });
  return shareCardResponse({ brand: getSite().name, label: article.section.name, headline: article.title, image: article.image.src }, { ...PRIVATE_HEADERS });
}
