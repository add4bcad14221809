/**
 * Where this server reaches itself (the publication timer's revalidation, the
 * desk's pages rendered for another status): the address server/main.mjs
 * listens on, published as SELF_ORIGIN — loopback unless it listens on one
 * host only.
 *
 * @example
 * selfOrigin() // "http://127.0.0.1:3000"
 */
export function selfOrigin(): string {
  return process.env.SELF_ORIGIN || process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}
