// @ts-check
import { readFileSync } from "node:fs";
import path from "node:path";

/*
 * The site's own 404 page where Next.js sends an empty one.
 *
 * In a production build, a page that calls notFound() (an unknown story, a
 * front past its last page, an unknown topic or author, a draft after preview)
 * answers 404 with an error shell — `<html id="__next_error__">` and an empty
 * <body> — and puts app/not-found.tsx only into the flight payload, for the
 * browser to render with the framework's runtime (vercel/next.js#62228,
 * #98295). Without JavaScript, and so on our runtime-free pages, that 404 is
 * blank. An unmatched address is rendered properly, through /_not-found, and
 * the build prerenders that page: this module serves it in place of the shell.
 * Plain JavaScript: the server and the cache handler load it as it is.
 */

const ERROR_SHELL = /^<!DOCTYPE html><html id="__next_error__"/i;

/** @type {string | null | undefined} undefined: not read yet; null: not in this build */
let page;

/** The prerendered app/not-found.tsx of the build the server runs (NEXT_DIST_DIR, default .next). */
function notFoundPage() {
  if (page === undefined) {
    const file = path.join(process.env.NEXT_DIST_DIR || ".next", "server", "app", "_not-found.html");
    try {
      page = readFileSync(file, "utf8");
    } catch {
      console.error(`not-found page: ${file} cannot be read; 404s from notFound() stay as Next.js sends them`);
      page = null;
    }
  }
  return page;
}

/**
 * The site's 404 page in place of Next.js's empty error shell; any other
 * page (or status) unchanged.
 *
 * @example
 * withNotFoundPage('<!DOCTYPE html><html id="__next_error__"><head></head><body></body></html>', 404)
 * // the prerendered not-found page: '<!DOCTYPE html><html lang="en">…We can’t find that page…'
 * @param {string} html
 * @param {number} status
 * @param {() => string | null} [source] where the site's 404 page comes from (tests)
 * @returns {string}
 */
export function withNotFoundPage(html, status, source = notFoundPage) {
  if (status !== 404 || !ERROR_SHELL.test(html)) return html;
  return source() ?? html;
}
