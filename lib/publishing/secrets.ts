import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares a secret from a request with the configured one in constant time:
 * both are hashed first, so neither their contents nor their lengths leak
 * through timing.
 *
 * @example
 * secretMatches("s3cret", "s3cret") // true
 * secretMatches(null, "s3cret")     // false
 */
export function secretMatches(given: string | null | undefined, expected: string): boolean {
  const a = createHash("sha256").update(given ?? "").digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && typeof given === "string" && expected.length > 0;
}

/** A configured secret, or undefined when the variable is unset or blank. */
export function configuredSecret(name: "PREVIEW_SECRET" | "REVALIDATE_SECRET"): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}
