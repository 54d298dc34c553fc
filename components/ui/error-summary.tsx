"use client";

import { useEffect, useRef } from "react";

/**
 * After a refused submission: the list of problems, each linking to its field, announced and
 * focused so keyboard and screen-reader users start from it. Problems are listed in the order
 * of `labels`, which each form gives in the order of its fields.
 */
export function ErrorSummary({
  errors,
  labels,
  targets = {},
}: {
  errors: Partial<Record<string, string>>;
  labels: Record<string, string>;
  /** The id of a field's control where it is not the field's name. */
  targets?: Record<string, string>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const order = Object.keys(labels);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const entries = Object.entries(errors)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .sort(([a], [b]) => rank(a) - rank(b));
  // Focused when a submission brings new problems, not at every render (typing re-renders the form).
  const signature = entries.map(([field, message]) => `${field}:${message}`).join("|");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (entries.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="border-l-4 border-marianne bg-marianne-light px-4 py-3">
      <p className="font-bold">
        {entries.length === 1 ? "Un point est à corriger :" : `${entries.length} points sont à corriger :`}
      </p>
      <ul className="mt-1 list-disc pl-5">
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${targets[field] ?? field}`} className="underline">
              {labels[field] ?? field}
            </a>{" "}
            : {message}
          </li>
        ))}
      </ul>
    </div>
  );
}
