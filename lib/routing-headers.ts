/**
 * Request header proxy.ts sets when it rewrites a retracted story's address
 * to app/gone/[slug]: the note page answers only then, so /gone/… is never
 * a second, 200 address of the note.
 */
export const RETRACTED_HEADER = "x-ibn-retracted";
