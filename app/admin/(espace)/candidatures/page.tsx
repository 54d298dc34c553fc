import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/app/_data/session";
import { cellClass, ScrollTable } from "@/components/admin/scroll-table";
import { StatusChangeForm } from "@/components/admin/status-change-form";
import { Pagination } from "@/components/admin/pagination";
import { SortHeader } from "@/components/admin/sort-header";
import { DateField } from "@/components/ui/date-field";
import { primaryButtonClass, secondaryButtonClass, SelectField, TextField } from "@/components/ui/form";
import { PageTitle } from "@/components/ui/page-title";
import { staffStatusLabel, statusWords } from "@/lib/applications/status";
import { getDb } from "@/lib/db/client";
import { formatFrenchDate } from "@/lib/format/date";
import { listApplications } from "@/lib/staff/applications";
import { maxBulkApplications } from "@/lib/staff/decisions";
import { loadFilterOptions } from "@/lib/staff/filter-options";
import { applicationFiltersQuery, applicationStatuses, hasFilter, parseApplicationFilters } from "@/lib/staff/list-filters";
import { changeStatusInBulk } from "./actions";

export const metadata: Metadata = { title: "Candidatures" };

const statusOptions = applicationStatuses.map((status) => ({ value: status, label: statusWords[status] }));

/**
 * The list a gestionnaire lives in: filters, search, sort and page all in the URL (bookmark,
 * share, come back), the total always shown, bulk decisions and exports of what is filtered.
 */
export default async function ApplicationsListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff();
  const filters = parseApplicationFilters(await searchParams);
  const db = getDb();
  const [result, options] = await Promise.all([listApplications(db, staff, filters), loadFilterOptions(db)]);
  const query = applicationFiltersQuery(filters);
  const listQuery = applicationFiltersQuery(filters, { page: 1 });
  const french = (iso: string | null) => (iso ? formatFrenchDate(iso) : "");
  const filtered = hasFilter(filters);
  return (
    <div className="space-y-6">
      <PageTitle>Candidatures</PageTitle>
      {/* Filters above the list; beside it, and sticky, on a wide screen. */}
      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-[20rem_minmax(0,1fr)]">
        <form
          method="get"
          role="search"
          aria-label="Filtrer les candidatures"
          className="grid h-fit gap-x-4 gap-y-3 bg-surface p-4 sm:grid-cols-2 lg:grid-cols-4 2xl:sticky 2xl:top-4 2xl:grid-cols-1"
        >
          <TextField
            id="q"
            name="q"
            type="search"
            label="Rechercher"
            hint="Nom, identifiant, courriel ou INE."
            defaultValue={filters.q ?? ""}
          />
          <SelectField id="poste" name="poste" label="Poste" placeholder="Tous les postes" options={options.postTypes} defaultValue={filters.postType ?? ""} />
          <SelectField id="statut" name="statut" label="Statut" placeholder="Tous les statuts" options={statusOptions} defaultValue={filters.status ?? ""} />
          <SelectField
            id="complete"
            name="complete"
            label="Complétude"
            placeholder="Complètes et incomplètes"
            options={[
              { value: "oui", label: "Complètes" },
              { value: "non", label: "Incomplètes" },
            ]}
            defaultValue={filters.complete === null ? "" : filters.complete ? "oui" : "non"}
          />
          <SelectField id="zone" name="zone" label="Zone" placeholder="Toutes les zones" options={options.zones} defaultValue={filters.zone ?? ""} />
          <SelectField
            id="voeu"
            name="voeu"
            label="La zone est"
            placeholder=""
            options={[
              { value: "1", label: "le premier vœu" },
              { value: "tous", label: "l'un des vœux" },
            ]}
            defaultValue={filters.zoneRank}
          />
          <SelectField id="quotite" name="quotite" label="Quotité" placeholder="Toutes les quotités" options={options.workingTimes} defaultValue={filters.workingTime ?? ""} />
          <SelectField id="enseignement" name="enseignement" label="Type d'enseignement" placeholder="Tous les types" options={options.teachingTypes} defaultValue={filters.teachingType ?? ""} />
          <DateField id="depuis" label="Déposée à partir du" defaultValue={french(filters.submittedFrom)} />
          <DateField id="jusqua" label="Déposée jusqu'au" defaultValue={french(filters.submittedTo)} />
          <DateField id="valide_avant" label="Fin de validité avant le" defaultValue={french(filters.validBefore)} />
          <label className="flex min-h-11 items-center gap-3 self-end">
            <input type="checkbox" name="non_lus" value="1" defaultChecked={filters.unread} className="size-5 accent-france" />
            Avec des messages non lus
          </label>
          {filters.sort !== "-depot" ? <input type="hidden" name="tri" value={filters.sort} /> : null}
          <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-1">
            <button type="submit" className={primaryButtonClass}>
              Filtrer
            </button>
            <Link href="/admin/candidatures" className={secondaryButtonClass}>
              Réinitialiser
            </Link>
          </div>
        </form>

        <div className="min-w-0 space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-lg font-bold" role="status">
              {result.total === 0
                ? "Aucune candidature"
                : result.total === 1
                  ? "1 candidature"
                  : `${result.total.toLocaleString("fr-FR")} candidatures`}
              {filtered ? (result.total > 1 ? " correspondent aux filtres" : " correspond aux filtres") : ""}
            </p>
            <form method="post" action="/admin/candidatures/export" className="flex flex-wrap items-center gap-3">
              <input type="hidden" name="query" value={listQuery} />
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" name="rqth" value="1" className="size-5 accent-france" />
                Inclure la RQTH (donnée de santé, export journalisé)
              </label>
              <button type="submit" name="format" value="csv" className={secondaryButtonClass}>
                Exporter en CSV
              </button>
              <button type="submit" name="format" value="xlsx" className={secondaryButtonClass}>
                Exporter en XLSX
              </button>
            </form>
          </div>

          {result.total === 0 ? (
            <p className="italic">Aucune candidature ne correspond. Élargissez les filtres ou réinitialisez-les.</p>
          ) : (
            <ScrollTable
              caption={`Candidatures, page ${result.page} sur ${result.pages}`}
              minWidth="60rem"
              sorted={{ column: filters.sort.endsWith("nom") ? 1 : filters.sort.endsWith("validite") ? 7 : 6, direction: filters.sort.startsWith("-") ? "descending" : "ascending" }}
              headers={[
                <span key="select" className="sr-only">
                  Sélection
                </span>,
                <SortHeader key="nom" label="Candidat" sortKey="nom" filters={filters} />,
                "Poste",
                "Statut",
                "Zone (1er vœu)",
                "Quotité (1er vœu)",
                <SortHeader key="depot" label="Déposée le" sortKey="depot" filters={filters} />,
                <SortHeader key="validite" label="Valable jusqu'au" sortKey="validite" filters={filters} />,
                "Messages",
              ]}
            >
              {result.rows.map((row) => (
                <tr key={row.id} className="hover:bg-surface">
                  <td className={cellClass}>
                    <input
                      type="checkbox"
                      name="ids"
                      value={row.id}
                      form="selection"
                      aria-label={`Sélectionner ${row.candidate}`}
                      className="size-5 accent-france"
                    />
                  </td>
                  <td className={cellClass}>
                    <Link href={`/admin/candidatures/${row.id}${query ? `?${query}` : ""}`} prefetch={false} className="font-medium text-france underline">
                      {row.candidate}
                    </Link>
                    <span className="block break-all text-muted">{row.email ?? row.identifier}</span>
                  </td>
                  <td className={`${cellClass} text-xs`}>{row.postType}</td>
                  <td className={cellClass}>{staffStatusLabel(row.status, row.complete)}</td>
                  <td className={cellClass}>{row.firstZone ?? "—"}</td>
                  <td className={cellClass}>{row.firstWorkingTime ?? "—"}</td>
                  <td className={`${cellClass} whitespace-nowrap tabular-nums`}>{formatFrenchDate(row.submittedAt)}</td>
                  <td className={`${cellClass} whitespace-nowrap tabular-nums`}>{formatFrenchDate(row.validUntil)}</td>
                  <td className={cellClass}>{row.unread ? <strong>{row.unread} non lu{row.unread > 1 ? "s" : ""}</strong> : "—"}</td>
                </tr>
              ))}
            </ScrollTable>
          )}

          <Pagination page={result.page} pages={result.pages} href={(page) => `/admin/candidatures?${applicationFiltersQuery(filters, { page })}`} />

          {result.total > 0 ? (
            <section aria-labelledby="actions-groupees" className="space-y-3 border-t border-line pt-4">
              <h2 id="actions-groupees" className="text-lg font-bold">
                Actions groupées
              </h2>
              <StatusChangeForm id="selection" action={changeStatusInBulk} filteredTotal={result.total}>
                <fieldset className="space-y-1">
                  <legend className="font-medium">Candidatures concernées</legend>
                  <label className="flex min-h-11 items-center gap-3">
                    <input type="radio" name="scope" value="selection" defaultChecked className="size-5 accent-france" />
                    Les candidatures cochées dans la liste
                  </label>
                  <label className="flex min-h-11 items-center gap-3">
                    <input
                      type="radio"
                      name="scope"
                      value="liste"
                      disabled={!filtered || result.total > maxBulkApplications}
                      className="size-5 accent-france"
                    />
                    Toute la liste filtrée ({result.total.toLocaleString("fr-FR")})
                    {!filtered ? " — filtrez d'abord la liste" : result.total > maxBulkApplications ? ` — plus de ${maxBulkApplications} : affinez les filtres` : ""}
                  </label>
                </fieldset>
                <input type="hidden" name="query" value={listQuery} />
                <p className="text-sm">
                  <button
                    type="submit"
                    formAction="/admin/candidatures/export"
                    formMethod="post"
                    formEncType="application/x-www-form-urlencoded"
                    name="format"
                    value="xlsx"
                    className="min-h-11 text-france underline"
                  >
                    Exporter les candidatures concernées (XLSX)
                  </button>
                </p>
              </StatusChangeForm>
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
