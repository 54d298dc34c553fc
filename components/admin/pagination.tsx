import Link from "next/link";

/** "Précédente · 1 … 4 5 6 … 20 · Suivante", as links that keep the list's filters. */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const link = "inline-flex min-h-11 min-w-11 items-center justify-center px-2 text-france underline";
  return (
    <nav aria-label="Pages de la liste" className="flex flex-wrap items-center gap-1">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          ‹ Précédente
        </Link>
      ) : null}
      {shown.map((n, index) => (
        <span key={n} className="flex items-center">
          {index > 0 && n - shown[index - 1]! > 1 ? <span aria-hidden="true" className="px-1">…</span> : null}
          {n === page ? (
            <span aria-current="page" className="inline-flex min-h-11 min-w-11 items-center justify-center bg-france px-2 font-bold text-white">
              <span className="sr-only">Page </span>
              {n}
            </span>
          ) : (
            <Link href={href(n)} className={link}>
              <span className="sr-only">Page </span>
              {n}
            </Link>
          )}
        </span>
      ))}
      {page < pages ? (
        <Link href={href(page + 1)} className={link} rel="next">
          Suivante ›
        </Link>
      ) : null}
    </nav>
  );
}
