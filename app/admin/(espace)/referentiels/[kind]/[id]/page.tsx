import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/app/_data/session";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/lib/db/client";
import { isReferentialKind, referentialCatalog } from "@/lib/referentials/catalog";
import { findReferentialEntry, listReferential } from "@/lib/referentials/referentials";
import { saveEntry, toggleEntry } from "../../actions";
import { EntryForm } from "../../forms";

export const metadata: Metadata = { title: "Entrée d'un référentiel" };

/** One entry: edit it, or take it out of (or back into) what candidates are offered. */
export default async function ReferentialEntryPage({ params, searchParams }: { params: Promise<{ kind: string; id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const admin = await requireAdmin();
  const [{ kind, id }, flags] = await Promise.all([params, searchParams]);
  if (!isReferentialKind(kind)) notFound();
  const db = getDb();
  const [entry, postTypes] = await Promise.all([findReferentialEntry(db, admin, kind, id), kind === "pieces" ? listReferential(db, admin, "postes") : Promise.resolve([])]);
  if (!entry) notFound();
  const catalog = referentialCatalog[kind];
  // An attachment type stays with its post type: its files were given for that post.
  const fields = catalog.fields.filter((field) => field.input !== "postType");
  const postType = postTypes.find((candidate) => candidate.id === entry.values.postTypeId);
  const used = entry.usage > 0;
  return (
    <div className="max-w-3xl space-y-8">
      <Link href={`/admin/referentiels/${kind}`} className="inline-flex min-h-11 items-center text-sm text-france underline">
        ‹ {catalog.title}
      </Link>
      <PageTitle>{entry.label}</PageTitle>
      <p>
        {catalog.title} — {entry.active ? "proposé aux candidats" : "désactivé : plus proposé aux candidats"} — {entry.usage.toLocaleString("fr-FR")} utilisation
        {entry.usage > 1 ? "s" : ""}
        {postType ? ` — pour le poste « ${postType.label} »` : ""}
      </p>
      {flags.desactive ? (
        <Alert tone="success" role="status">
          Désactivé : les candidats ne le voient plus dans leurs choix ; les candidatures qui le portent le gardent.
        </Alert>
      ) : null}
      {flags.reactive ? (
        <Alert tone="success" role="status">
          Réactivé : de nouveau proposé aux candidats.
        </Alert>
      ) : null}

      <section aria-labelledby="modifier" className="space-y-3">
        <h2 id="modifier" className="text-xl font-bold">
          Modifier
        </h2>
        {used ? (
          <p className="text-sm">
            Un changement de libellé s&apos;affiche aussi {entry.usage === 1 ? "dans le dossier qui porte" : `dans les ${entry.usage.toLocaleString("fr-FR")} dossiers qui portent`} cette entrée.
          </p>
        ) : null}
        <EntryForm action={saveEntry.bind(null, kind, entry.id)} fields={fields} saved={entry.values} idPrefix="modif-" submitLabel="Enregistrer" />
      </section>

      <section aria-labelledby="proposer" className="space-y-3 border-t border-line pt-6">
        <h2 id="proposer" className="text-xl font-bold">
          Proposer aux candidats
        </h2>
        {entry.active ? (
          <ConfirmDialog
            trigger="Désactiver"
            triggerLabel={`Désactiver « ${entry.label} »`}
            title={`Désactiver « ${entry.label} » ?`}
            confirmLabel="Désactiver"
            pendingLabel="Désactivation…"
            action={toggleEntry}
            hidden={{ kind, id: entry.id, actif: "non" }}
          >
            <p>
              Les candidats ne le verront plus dans leurs choix.
              {entry.usage === 1 ? " Le dossier qui le porte le garde et l'affiche." : used ? ` Les ${entry.usage.toLocaleString("fr-FR")} dossiers qui le portent le gardent et l'affichent.` : ""} Vous pourrez le réactiver.
            </p>
          </ConfirmDialog>
        ) : (
          <ConfirmDialog
            trigger="Réactiver"
            triggerLabel={`Réactiver « ${entry.label} »`}
            title={`Réactiver « ${entry.label} » ?`}
            confirmLabel="Réactiver"
            pendingLabel="Réactivation…"
            tone="neutral"
            action={toggleEntry}
            hidden={{ kind, id: entry.id, actif: "oui" }}
          >
            <p>Les candidats le verront de nouveau dans leurs choix.</p>
          </ConfirmDialog>
        )}
      </section>
    </div>
  );
}
