import Image from "next/image";
import type { HeroImage } from "@/lib/content";

/** A story's picture through the image optimizer, with its intrinsic size so nothing shifts. */
export function StoryImage({
  image,
  sizes,
  className,
  lead = false,
}: {
  image: HeroImage;
  sizes: string;
  className?: string;
  /** The page's largest element: preloaded at high priority. */
  lead?: boolean;
}) {
  return (
    <Image
      src={image.src}
      width={image.width}
      height={image.height}
      alt={image.alt}
      sizes={sizes}
      className={className}
      {...(lead ? { preload: true, fetchPriority: "high" as const } : {})}
    />
  );
}
