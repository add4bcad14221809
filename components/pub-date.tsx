import { formatDate } from "@/lib/render/format";

/** A story's publication date as readers and machines read it. */
export function PubDate({ date, timeZone }: { date: Date; timeZone: string }) {
  return <time dateTime={date.toISOString()}>{formatDate(date, timeZone)}</time>;
}
