import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/app/_data/session";
import { Pagination } from "@/components/admin/pagination";
import { cellClass, ScrollTable } from "@/components/admin/scroll-table";
import { DateField } from "@/components/ui/date-field";
import { primaryButtonClass, secondaryButtonClass, TextField } from "@/components/ui/form";
import { PageTitle } from "@/components/ui/page-title";
import { auditActionLabel } from "@/lib/audit/labels";
import { getDb } from "@/lib/db/client";
import { formatFrenchDate, formatParisTime } from "@/lib/format/date";
import { journalQuery, listJournal, parseJournalFilters } from "@/lib/staff/journal";

export const metadata: Metadata = { title: "Journal" };

/** Who did what, when, from where: read only, filterable, exportable. Admins only. */
export default async function JournalPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireAdmin();
  const filters = parseJournalFilters(await searchParams);
  const result = await listJournal(getDb(), staff, filters);
  const french = (iso: string | null) => (iso ? formatFrenchDate(iso) : "");
  return (
    <div className="space-y-6">
      <PageTitle>Journal</PageTitle>
      <p className="max-w-3xl text-sm">
        Chaque action de l&apos;équipe et des candidats sur les données, chaque ouverture de fichier et chaque export y est inscrit. Le journal ne
        peut être ni modifié ni effacé.
      </p>
      <form method="get" role="search" aria-label="Filtrer le journal" className="grid gap-x-4 gap-y-3 bg-surface p-4 sm:grid-cols-2 lg:grid-cols-5">
        <TextField id="qui" name="qui" label="Personne" hint="Identifiant, adresse ou partie." defaultValue={filters.person ?? ""} />
        <TextField id="action" name="action" label="Action" hint="Par exemple : export, statut, rqth." defaultValue={filters.action ?? ""} />
        <TextField id="fiche" name="fiche" label="Fiche" hint="Identifiant d'une candidature ou d'un compte." defaultValue={filters.record ?? ""} />
        <DateField id="depuis" label="Du" defaultValue={french(filters.from)} />
        <DateField id="jusqua" label="Au" defaultValue={french(filters.to)} />
        <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-5">
          <button type="submit" className={primaryButtonClass}>
            Filtrer
          </button>
          <Link href="/admin/journal" className={secondaryButtonClass}>
            Réinitialiser
          </Link>
          <a href={`/admin/journal/export?${journalQuery(filters, { page: 1 })}`} className={secondaryButtonClass} download>
            Exporter en CSV
          </a>
        </div>
      </form>
      <p className="text-lg font-bold" role="status">
        {result.total === 0 ? "Aucune entrée" : result.total === 1 ? "1 entrée" : `${result.total.toLocaleString("fr-FR")} entrées`}
      </p>
      {result.total > 0 ? (
        <ScrollTable caption={`Journal, page ${result.page} sur ${result.pages}`} headers={["Date", "Personne", "Action", "Fiche", "Détails", "Adresse"]} minWidth="56rem">
          {result.rows.map((row) => (
            <tr key={row.id}>
              <td className={`${cellClass} whitespace-nowrap tabular-nums`}>
                {formatFrenchDate(row.at)} {formatParisTime(row.at)}
              </td>
              <td className={`${cellClass} break-all`}>{row.actor}</td>
              <td className={cellClass}>{auditActionLabel(row.action)}</td>
              <td className={`${cellClass} text-xs`}>
                {row.entityType === "application" && row.entityId ? (
                  <Link href={`/admin/candidatures/${row.entityId}`} className="text-france underline">
                    candidature
                  </Link>
                ) : row.entityType === "user" && row.entityId && row.action.startsWith("account.") ? (
                  <Link href={`/admin/candidats/${row.entityId}`} className="text-france underline">
                    compte du candidat
                  </Link>
                ) : (
                  row.entityType
                )}
              </td>
              <td className={`${cellClass} max-w-md break-words text-xs`}>{row.details ? JSON.stringify(row.details) : "—"}</td>
              <td className={`${cellClass} text-xs`}>{row.address ?? "—"}</td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
      <Pagination page={result.page} pages={result.pages} href={(page) => `/admin/journal?${journalQuery(filters, { page })}`} />
    </div>
  );
}
