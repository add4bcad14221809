/**
 * Dates as a reader sees them, in the newsroom's time zone.
 *
 * @example
 * formatDate(new Date("2025-05-08T12:00:00Z"), "UTC") // "8 May 2025"
 */
export function formatDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone }).format(date);
}

/**
 * @example
 * formatDateTime(new Date("2025-05-08T12:00:00Z"), "UTC") // "8 May 2025, 12:00 UTC"
 */
export function formatDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);
}
