import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/app/_data/session";
import { cellClass, ScrollTable } from "@/components/admin/scroll-table";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/lib/db/client";
import { isReferentialKind, referentialCatalog } from "@/lib/referentials/catalog";
import { listReferential, type ReferentialEntry } from "@/lib/referentials/referentials";
import { importZones, moveEntry, saveEntry } from "../actions";
import { EntryForm, ZonesImportForm } from "../forms";

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }): Promise<Metadata> {
  const { kind } = await params;
  return { title: isReferentialKind(kind) ? referentialCatalog[kind].title : "Référentiels" };
}

const moveButtonClass = "inline-flex size-11 items-center justify-center border border-line bg-white text-lg hover:bg-france-light focus-visible:outline-2";

/** One reference list: its order (Monter / Descendre), what uses each entry, and the add form. */
export default async function ReferentialPage({ params, searchParams }: { params: Promise<{ kind: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const admin = await requireAdmin();
  const [{ kind }, query] = await Promise.all([params, searchParams]);
  if (!isReferentialKind(kind)) notFound();
  const catalog = referentialCatalog[kind];
  const db = getDb();
  const [entries, postTypes] = await Promise.all([listReferential(db, admin, kind), kind === "pieces" ? listReferential(db, admin, "postes") : Promise.resolve([])]);
  const postTypeLabel = new Map(postTypes.map((postType) => [postType.id, postType.label]));
  const columns = catalog.fields.filter((field) => field.name !== "label");
  const groupOf = (entry: ReferentialEntry) => (kind === "pieces" ? String(entry.values.postTypeId) : "");
  const display = (entry: ReferentialEntry, name: string, input: string) => {
    const value = entry.values[name];
    if (input === "checkbox") return value ? "Oui" : "Non";
    if (input === "postType") return postTypeLabel.get(String(value)) ?? "";
    return value === "" ? "—" : String(value);
  };

  return (
    <div className="max-w-6xl space-y-8">
      <Link href="/admin/referentiels" className="inline-flex min-h-11 items-center text-sm text-france underline">
        ‹ Tous les référentiels
      </Link>
      <PageTitle>{catalog.title}</PageTitle>
      <p>{catalog.hint}</p>
      <ScrollTable caption={`${catalog.title}, dans l'ordre proposé aux candidats`} headers={["Ordre", "Libellé", ...columns.map((field) => field.label), "Utilisations", "État"]}>
        {entries.map((entry) => {
          const siblings = entries.filter((other) => groupOf(other) === groupOf(entry));
          const position = siblings.indexOf(entry);
          const canUp = position > 0;
          const canDown = position < siblings.length - 1;
          const moved = query.deplace === entry.id;
          const focusUp = moved && ((query.sens === "haut" && canUp) || (query.sens === "bas" && !canDown));
          const focusDown = moved && !focusUp && canDown;
          return (
            <tr key={entry.id} className={entry.active ? undefined : "text-muted"}>
              <td className={`${cellClass} whitespace-nowrap`}>
                <div className="flex gap-1">
                  {canUp ? (
                    <form action={moveEntry}>
                      <input type="hidden" name="kind" value={kind} />
                      <input type="hidden" name="id" value={entry.id} />
                      <input type="hidden" name="sens" value="haut" />
                      <button type="submit" className={moveButtonClass} aria-label={`Monter « ${entry.label} »`} autoFocus={focusUp}>
                        <span aria-hidden="true">↑</span>
                      </button>
                    </form>
                  ) : (
                    <span className="size-11" />
                  )}
                  {canDown ? (
                    <form action={moveEntry}>
                      <input type="hidden" name="kind" value={kind} />
                      <input type="hidden" name="id" value={entry.id} />
                      <input type="hidden" name="sens" value="bas" />
                      <button type="submit" className={moveButtonClass} aria-label={`Descendre « ${entry.label} »`} autoFocus={focusDown}>
                        <span aria-hidden="true">↓</span>
                      </button>
                    </form>
                  ) : null}
                </div>
              </td>
              <td className={cellClass}>
                <Link href={`/admin/referentiels/${kind}/${entry.id}`} className="font-medium text-france underline">
                  {entry.label}
                </Link>
              </td>
              {columns.map((field) => (
                <td key={field.name} className={cellClass}>
                  {display(entry, field.name, field.input)}
                </td>
              ))}
              <td className={cellClass}>{entry.usage.toLocaleString("fr-FR")}</td>
              <td className={cellClass}>{entry.active ? "Proposé" : "Désactivé"}</td>
            </tr>
          );
        })}
      </ScrollTable>
      {moved(query.deplace, entries) ? (
        <p role="status" className="sr-only">
          Ordre enregistré.
        </p>
      ) : null}

      <section aria-labelledby="ajouter" className="max-w-2xl space-y-3 border-t border-line pt-6">
        <h2 id="ajouter" className="text-xl font-bold">
          Ajouter : {catalog.singular}
        </h2>
        <EntryForm
          action={saveEntry.bind(null, kind, null)}
          fields={catalog.fields}
          saved={{}}
          postTypes={postTypes.filter((postType) => postType.active).map((postType) => ({ value: postType.id, label: postType.label }))}
          idPrefix="ajout-"
          submitLabel="Ajouter"
        />
      </section>

      {kind === "zones" ? (
        <section aria-labelledby="importer" className="max-w-4xl space-y-3 border-t border-line pt-6">
          <h2 id="importer" className="text-xl font-bold">
            Importer des zones depuis un fichier
          </h2>
          <ZonesImportForm action={importZones} />
        </section>
      ) : null}
    </div>
  );
}

const moved = (id: string | undefined, entries: ReferentialEntry[]) => Boolean(id && entries.some((entry) => entry.id === id));
