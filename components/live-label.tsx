import { isLive, type Article } from "@/lib/content";

/**
 * "Live" beside a story's headline or on its card while its coverage runs
 * (isLive); nothing otherwise, so the label goes when the coverage ends (the
 * publication timer revalidates every page at that moment).
 */
export function LiveLabel({ article, className = "" }: { article: Article; className?: string }) {
  if (!isLive(article, new Date())) return null;
  return (
    <span
      className={`inline-block rounded-sm bg-accent px-1.5 align-[0.1em] text-[0.7rem] leading-normal font-bold tracking-wider text-paper uppercase ${className}`}
    >
      Live
    </span>
  );
}
