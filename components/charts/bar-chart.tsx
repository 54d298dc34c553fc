import type { ReactNode } from "react";

/**
 * Charts drawn on the server as SVG (no script), each followed by its numbers in a table: the
 * SVG is a picture named by its title, the table is what screen readers and printers read.
 */

type Datum = { label: string; value: number };

function DataTable({ caption, headers, data }: { caption: string; headers: [string, string]; data: Datum[] }) {
  return (
    <table className="mt-3 w-full border-collapse text-left text-sm">
      <caption className="sr-only">{caption} (données)</caption>
      <thead>
        <tr className="border-b-2 border-ink">
          <th scope="col" className="py-1 pr-3">
            {headers[0]}
          </th>
          <th scope="col" className="py-1 text-right tabular-nums">
            {headers[1]}
          </th>
        </tr>
      </thead>
      <tbody>
        {data.map((datum) => (
          <tr key={datum.label} className="border-b border-line">
            <th scope="row" className="py-1 pr-3 font-normal">
              {datum.label}
            </th>
            <td className="py-1 text-right tabular-nums">{datum.value.toLocaleString("fr-FR")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Frame({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <figure aria-labelledby={`${id}-titre`} className="space-y-2">
      <figcaption id={`${id}-titre`} className="font-bold">
        {title}
      </figcaption>
      {children}
    </figure>
  );
}

/** One bar per category (zones, quotités), longest first as given. */
export function HorizontalBarChart({ id, title, data, headers }: { id: string; title: string; data: Datum[]; headers: [string, string] }) {
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const rowHeight = 22;
  const labelWidth = 200;
  const width = 560;
  const height = Math.max(rowHeight, data.length * rowHeight);
  return (
    <Frame id={id} title={title}>
      {data.length === 0 ? (
        <p className="text-sm italic">Aucune donnée.</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-2xl" role="img" aria-labelledby={`${id}-titre`}>
          {data.map((datum, index) => {
            const barWidth = Math.round(((width - labelWidth - 50) * datum.value) / max);
            const y = index * rowHeight;
            return (
              <g key={datum.label}>
                <text x={labelWidth - 8} y={y + 15} textAnchor="end" fontSize="12" fill="#161616">
                  {datum.label.length > 30 ? `${datum.label.slice(0, 29)}…` : datum.label}
                </text>
                <rect x={labelWidth} y={y + 4} width={Math.max(barWidth, datum.value ? 2 : 0)} height={rowHeight - 8} fill="#000091" />
                <text x={labelWidth + barWidth + 6} y={y + 15} fontSize="12" fill="#161616">
                  {datum.value.toLocaleString("fr-FR")}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <DataTable caption={title} headers={headers} data={data} />
    </Frame>
  );
}

/** One column per period (weeks), oldest on the left. */
export function ColumnChart({ id, title, data, headers }: { id: string; title: string; data: Datum[]; headers: [string, string] }) {
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const width = 640;
  const height = 180;
  const columnWidth = width / Math.max(1, data.length);
  return (
    <Frame id={id} title={title}>
      <svg viewBox={`0 0 ${width} ${height + 20}`} className="h-auto w-full max-w-3xl" role="img" aria-labelledby={`${id}-titre`}>
        <line x1="0" y1={height} x2={width} y2={height} stroke="#3a3a3a" />
        {data.map((datum, index) => {
          const columnHeight = Math.round((height - 16) * (datum.value / max));
          const x = index * columnWidth;
          return (
            <g key={datum.label}>
              <rect x={x + 2} y={height - columnHeight} width={columnWidth - 4} height={columnHeight} fill="#000091" />
              {index % 4 === 0 ? (
                <text x={x + 2} y={height + 14} fontSize="10" fill="#3a3a3a">
                  {datum.label.slice(0, 5)}
                </text>
              ) : null}
            </g>
          );
        })}
        <text x={width - 4} y="12" textAnchor="end" fontSize="11" fill="#3a3a3a">
          max. {max.toLocaleString("fr-FR")}
        </text>
      </svg>
      <details className="text-sm">
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-france underline">Voir les données semaine par semaine</summary>
        <DataTable caption={title} headers={headers} data={data} />
      </details>
    </Frame>
  );
}
