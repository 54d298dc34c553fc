import Link from "next/link";
import { applicationFiltersQuery, type ApplicationFilters, type SortKey } from "@/lib/staff/list-filters";

/**
 * A sortable column header: a link that sorts by this column (again: the other way), with the
 * current direction said to screen readers through the link text.
 */
export function SortHeader({ label, sortKey, filters }: { label: string; sortKey: "nom" | "depot" | "validite"; filters: ApplicationFilters }) {
  const ascending = filters.sort === sortKey;
  const descending = filters.sort === `-${sortKey}`;
  const next: SortKey = ascending ? (`-${sortKey}` as SortKey) : (sortKey as SortKey);
  const state = ascending ? "croissant" : descending ? "décroissant" : null;
  return (
    <Link href={`?${applicationFiltersQuery(filters, { sort: next, page: 1 })}`} className="inline-flex min-h-11 items-center gap-1 text-ink underline">
      {label}
      <span aria-hidden="true">{ascending ? "▲" : descending ? "▼" : "↕"}</span>
      <span className="sr-only">{state ? ` (tri ${state}, activer pour inverser)` : " (activer pour trier)"}</span>
    </Link>
  );
}
