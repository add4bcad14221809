import type { ComponentProps } from "react";

/**
 * A plain `<a>`. `next/link` is a client component: on a page that uses it the
 * browser downloads and hydrates its chunk and prefetches every link in view.
 * Our pages are server-rendered documents served from a shared cache, so a full
 * navigation is cheap, and pages ship no framework JavaScript at all
 * (`e2e/runtime-free.spec.ts` and the budgets check). Same props as the anchor it renders.
 *
 * @example <Link href="/world">World</Link>
 */
export function Link({ href, ...rest }: ComponentProps<"a"> & { href: string }) {
  return <a href={href} {...rest} />;
}
