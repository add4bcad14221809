const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale, options and zone: making one costs far more than formatting with it, and a list formats dozens of dates. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/**
 * Dates as a reader sees them, in the newsroom's time zone.
 *
 * @example
 * formatDate(new Date("2025-05-08T12:00:00Z"), "UTC") // "8 May 2025"
 */
export function formatDate(date: Date, timeZone: string): string {
  return dateFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone }).format(date);
}

/**
 * @example
 * formatDateTime(new Date("2025-05-08T12:00:00Z"), "UTC") // "8 May 2025, 12:00 UTC"
 */
export function formatDateTime(date: Date, timeZone: string): string {
  return dateFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);
}
