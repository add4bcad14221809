/*
 * Test data for the server's HTML layers: a page as Next.js 16 writes it, and
 * the same page as readers get it. Not loaded by the server.
 */

/** Long enough to be worth compressing, for the response tests (server/compression.mjs skips small bodies). */
export const TEXT = "The pipeline will run through Mongolia. ".repeat(40);

/** A page as Next.js 16 writes it (shortened): chunk scripts, preload, polyfill, Turbopack list, flight payload, JSON-LD. */
export const NEXT_PAGE = [
  "<!DOCTYPE html><html lang=\"en\"><head><meta charSet=\"utf-8\"/>",
  '<link rel="stylesheet" href="/_next/static/chunks/1zw.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/0j1.js"/>',
  '<link rel="preload" as="image" fetchPriority="high" imageSrcSet="/_next/image?url=%2Fimages%2Fa.jpg&amp;w=640&amp;q=75 640w"/>',
  '<script src="/_next/static/chunks/1xc.js" async=""></script>',
  '<script src="/_next/static/chunks/turbopack-077.js" async=""></script>',
  "<title>A story | Inter Bellum News</title></head>",
  `<body><div hidden=""><!--$--><!--/$--></div><main><h1>A story</h1><p>${TEXT}</p></main>`,
  '<script src="/_next/static/chunks/0cz.js" noModule=""></script>',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"A story"}</script>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/0j1.js"],"runtimeModuleIds":[1]})</script>',
  '<script src="/_next/static/chunks/0j1.js" async=""></script>',
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>',
  "</body></html>",
].join("");

export const READER_PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/1zw.css" data-precedence="next"/>',
  '<link rel="preload" as="image" fetchPriority="high" imageSrcSet="/_next/image?url=%2Fimages%2Fa.jpg&amp;w=640&amp;q=75 640w"/>',
  "<title>A story | Inter Bellum News</title></head>",
  `<body><div hidden=""><!--$--><!--/$--></div><main><h1>A story</h1><p>${TEXT}</p></main>`,
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"A story"}</script>',
  "</body></html>",
].join("");
