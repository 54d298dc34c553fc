import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/app/_data/session";
import { Pagination } from "@/components/admin/pagination";
import { cellClass, ScrollTable } from "@/components/admin/scroll-table";
import { primaryButtonClass, TextField } from "@/components/ui/form";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/lib/db/client";
import { formatFrenchDate } from "@/lib/format/date";
import { listCandidates, parseCandidateFilters } from "@/lib/staff/candidates";

export const metadata: Metadata = { title: "Candidats" };

/** The accounts, those without email included (staff call them; they can get a temporary password). */
export default async function CandidatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff();
  const filters = parseCandidateFilters(await searchParams);
  const result = await listCandidates(getDb(), staff, filters);
  const query = (page: number) => {
    const params = new URLSearchParams();
    if (filters.q) params.set("q", filters.q);
    if (filters.withoutEmail) params.set("sans_courriel", "1");
    if (page > 1) params.set("page", String(page));
    return `/admin/candidats?${params}`;
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <PageTitle>Candidats</PageTitle>
        <Link href="/admin/candidats/renouvellements" className="inline-flex min-h-11 items-center font-medium text-france underline">
          Suivi des renouvellements (candidats à contacter)
        </Link>
      </div>
      <form method="get" role="search" aria-label="Rechercher un candidat" className="flex flex-wrap items-end gap-4 bg-surface p-4">
        <div className="min-w-64 flex-1">
          <TextField id="q" name="q" type="search" label="Rechercher" hint="Nom, prénom, identifiant ou courriel." defaultValue={filters.q ?? ""} />
        </div>
        <label className="flex min-h-11 items-center gap-3">
          <input type="checkbox" name="sans_courriel" value="1" defaultChecked={filters.withoutEmail} className="size-5 accent-france" />
          Sans adresse électronique
        </label>
        <button type="submit" className={primaryButtonClass}>
          Rechercher
        </button>
      </form>
      <p className="text-lg font-bold" role="status">
        {result.total === 0 ? "Aucun candidat" : result.total === 1 ? "1 candidat" : `${result.total.toLocaleString("fr-FR")} candidats`}
      </p>
      {result.total > 0 ? (
        <ScrollTable caption={`Candidats, page ${result.page} sur ${result.pages}`} headers={["Candidat", "Identifiant", "Courriel", "Téléphone", "Candidatures", "Inscrit le", "Dernière connexion"]}>
          {result.rows.map((row) => (
            <tr key={row.id} className="hover:bg-surface">
              <td className={cellClass}>
                <Link href={`/admin/candidats/${row.id}`} prefetch={false} className="font-medium text-france underline">
                  {row.name}
                </Link>
              </td>
              <td className={`${cellClass} break-all`}>{row.identifier}</td>
              <td className={`${cellClass} break-all`}>{row.email ?? <em>sans courriel</em>}</td>
              <td className={cellClass}>{row.phone ?? "—"}</td>
              <td className={`${cellClass} tabular-nums`}>{row.applications}</td>
              <td className={`${cellClass} tabular-nums`}>{formatFrenchDate(row.createdAt)}</td>
              <td className={`${cellClass} tabular-nums`}>{row.lastLoginAt ? formatFrenchDate(row.lastLoginAt) : "—"}</td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
      <Pagination page={result.page} pages={result.pages} href={query} />
    </div>
  );
}
