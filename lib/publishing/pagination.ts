import { pagePath } from "../paths";

/**
 * Pagination of a newest-first list with path-based page URLs
 * (`/world`, `/world/page/2`, …), so every page is a static, cacheable URL.
 */
export type Page<T> = {
  items: T[];
  page: number;
  totalPages: number;
  totalItems: number;
  prevHref: string | undefined;
  nextHref: string | undefined;
};


/**
 * Parses a page segment: a whole number ≥ 2 written canonically ("2", not "02"
 * or "2.0"). Page 1 has no segment, so "1" is not a valid segment either.
 *
 * @example
 * parsePageSegment("3") // 3
 * parsePageSegment("1") // undefined
 */
export function parsePageSegment(segment: string): number | undefined {
  if (!/^[1-9]\d{0,5}$/.test(segment)) return undefined;
  const n = Number(segment);
  return n >= 2 ? n : undefined;
}

/** Page `page` of `items`, or undefined when it is past the end (page 1 always exists). */
export function paginate<T>(items: T[], page: number, pageSize: number, base: string): Page<T> | undefined {
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return undefined;
  return {
    items: items.slice((page - 1) * pageSize, page * pageSize),
    page,
    totalPages,
    totalItems: items.length,
    prevHref: page > 1 ? pagePath(base, page - 1) : undefined,
    nextHref: page < totalPages ? pagePath(base, page + 1) : undefined,
  };
}
