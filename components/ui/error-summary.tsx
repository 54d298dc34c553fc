"use client";

import { useEffect, useRef } from "react";

/**
 * After a refused submission: the list of problems, each linking to its field, announced and
 * focused so keyboard and screen-reader users start from it.
 */
export function ErrorSummary({ errors, labels }: { errors: Partial<Record<string, string>>; labels: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
  });
  if (entries.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="border-l-4 border-marianne bg-marianne-light px-4 py-3">
      <p className="font-bold">
        {entries.length === 1 ? "Un point est à corriger :" : `${entries.length} points sont à corriger :`}
      </p>
      <ul className="mt-1 list-disc pl-5">
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`} className="underline">
              {labels[field] ?? field}
            </a>{" "}
            : {message}
          </li>
        ))}
      </ul>
    </div>
  );
}
