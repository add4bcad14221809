import { getImageProps } from "next/image";
import { preload } from "react-dom";
import type { HeroImage } from "@/lib/content";
import { blurDataUrl } from "@/lib/render/placeholders";

/**
 * A story's picture through the image optimizer (AVIF/WebP variants, `srcset`
 * from `sizes`) as a plain `<img>` with its intrinsic size, so nothing shifts,
 * and a blur placeholder painted behind it until it arrives: a 10-pixel-wide
 * WebP stretched over the box, which the browser's smoothing blurs. (Next's own
 * `placeholder="blur"` wraps it in an SVG filter, sent twice — in the HTML
 * and in the RSC payload — for every picture on the page.)
 *
 * `getImageProps` instead of `<Image>`: the `<Image>` component is a client
 * component, and rendering it would add its chunk to the page's JavaScript
 * and hydrate every picture. The lead picture is preloaded from the server
 * with React's `preload` (a `<link rel="preload" imagesrcset>` in `<head>`),
 * exactly as `<Image preload>` does.
 */
export async function StoryImage({
  image,
  sizes,
  className,
  lead = false,
}: {
  image: HeroImage;
  sizes: string;
  className?: string;
  /** The page's largest element: preloaded at high priority, never lazy. */
  lead?: boolean;
}) {
  const blur = await blurDataUrl(image.src);
  const { props } = getImageProps({
    src: image.src,
    width: image.width,
    height: image.height,
    alt: image.alt,
    sizes,
    className,
    ...(blur ? { style: { backgroundImage: `url(${blur})`, backgroundSize: "cover" } } : {}),
    ...(lead ? { preload: true, fetchPriority: "high" as const } : {}),
  });
  if (lead) {
    preload(props.src, { as: "image", imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: "high" });
  }
  // eslint-disable-next-line @next/next/no-img-element -- getImageProps output, optimized; see above why not <Image>
  return <img {...props} alt={image.alt} />;
}
