import { StoryImage } from "@/components/story-image";
import type { HeroImage } from "@/lib/content";

/** The article's lead image: the page's largest element, so it is preloaded. */
export function HeroFigure({ image }: { image: HeroImage }) {
  return (
    <figure className="mx-auto max-w-5xl">
      <StoryImage image={image} sizes="(min-width: 1024px) 1024px, 100vw" lead className="h-auto w-full bg-rule" />
      <figcaption className="mx-4 mt-2 text-sm leading-snug text-muted lg:mx-0">
        {image.caption} <span className="whitespace-nowrap text-xs tracking-wide uppercase">{image.credit}</span>
      </figcaption>
    </figure>
  );
}
