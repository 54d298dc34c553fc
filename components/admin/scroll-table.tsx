import type { ReactNode } from "react";

/**
 * A dense staff table that scrolls sideways inside itself on a narrow screen (focusable, so a
 * keyboard can scroll it too), with its caption for screen readers.
 */
export function ScrollTable({
  caption,
  headers,
  children,
  minWidth = "40rem",
  sorted,
}: {
  caption: string;
  headers: ReactNode[];
  children: ReactNode;
  minWidth?: string;
  /** The column the rows are sorted by, announced as such (aria-sort). */
  sorted?: { column: number; direction: "ascending" | "descending" };
}) {
  return (
    // "relative": screen-reader-only text inside is positioned against this box and clipped with
    // it, instead of widening the whole page on a phone.
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full border-collapse text-left text-sm" style={{ minWidth }}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {headers.map((header, index) => (
              <th key={index} scope="col" aria-sort={sorted?.column === index ? sorted.direction : undefined} className="px-2 py-2 font-bold">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export const cellClass = "border-b border-line px-2 py-2 align-top";
