import { describe, expect, it } from "vitest";
import { withNotFoundPage } from "./not-found-page.mjs";

/** What a production build answers for a page that calls notFound() (shortened). */
const SHELL =
  '<!DOCTYPE html><html id="__next_error__"><head><meta charSet="utf-8"/><meta name="robots" content="noindex"/></head>' +
  '<body><div hidden=""><!--$--><!--/$--></div><script>self.__next_f.push([1,"…We can’t find that page…"])</script></body></html>';
const SITE_404 = '<!DOCTYPE html><html lang="en"><head><title>Page not found</title></head><body><main><h1>We can’t find that page</h1></main></body></html>';

describe("withNotFoundPage", () => {
  it("serves the site's 404 page in place of the framework's empty error shell", () => {
    expect(withNotFoundPage(SHELL, 404, () => SITE_404)).toBe(SITE_404);
  });

  it("leaves every other page and status as it is", () => {
    expect(withNotFoundPage(SITE_404, 404, () => "x")).toBe(SITE_404);
    expect(withNotFoundPage(SHELL, 500, () => SITE_404)).toBe(SHELL);
    expect(withNotFoundPage(SHELL, 200, () => SITE_404)).toBe(SHELL);
  });

  it("keeps the shell when the build has no 404 page to serve", () => {
    expect(withNotFoundPage(SHELL, 404, () => null)).toBe(SHELL);
  });
});
