// The floor's own (empty) instrumentation hook. Without it, Turbopack, whose root is the
// repository, picks up the site's instrumentation.ts (the publication scheduler).
export function register() {}
