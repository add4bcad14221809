// @ts-check
/**
 * Request header server.mjs sets when it serves a retracted story's address
 * with app/gone/[slug] (status 410): the note page answers only then, so
 * /gone/… is never a second, 200 address of the note. server.mjs removes it
 * from every request that comes in. Plain JavaScript: server.mjs loads it
 * outside the bundle (types in routing-headers.d.mts).
 */
export const RETRACTED_HEADER = "x-ibn-retracted";
