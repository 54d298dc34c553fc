import type { ReactNode } from "react";

/** Label / value pairs of a record, two columns on a wide screen, stacked on a phone. */
export function Facts({ rows, labelWidth = "12rem" }: { rows: [string, ReactNode][]; labelWidth?: string }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[var(--facts-label)_1fr]" style={{ ["--facts-label" as string]: labelWidth }}>
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium">{label}</dt>
          <dd className="mb-2 break-words sm:mb-0">{value || "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
