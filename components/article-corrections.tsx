import type { Correction } from "@/lib/content";
import { CORRECTIONS_ID, correctionId } from "@/lib/paths";
import { formatDateTime } from "@/lib/render/format";

/**
 * The corrections box after a story's body: every correction, oldest first,
 * each with its date in the newsroom's time zone. The byline's "Corrected on …"
 * note links here (`#corrections`), each item is `#correction-<n>`. It prints.
 */
export function ArticleCorrections({ corrections, timeZone }: { corrections: Correction[]; timeZone: string }) {
  if (!corrections.length) return null;
  return (
    <section id={CORRECTIONS_ID} aria-labelledby="corrections-heading" className="mx-auto mt-8 max-w-3xl px-4">
      <div className="border border-l-4 border-rule border-l-accent px-4 py-4 sm:px-5">
        <h2 id="corrections-heading" className="font-serif text-xl font-bold">
          Corrections
        </h2>
        <ol className="mt-3 space-y-4">
          {corrections.map((correction, i) => (
            <li key={i} id={correctionId(i + 1)}>
              <p className="text-sm text-muted">
                <time dateTime={correction.date.toISOString()}>{formatDateTime(correction.date, timeZone)}</time>
              </p>
              <p className="mt-1">{correction.text}</p>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
