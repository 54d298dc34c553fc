import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/app/_data/session";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/lib/db/client";
import { referentialCatalog, referentialKinds } from "@/lib/referentials/catalog";
import { listReferential } from "@/lib/referentials/referentials";

export const metadata: Metadata = { title: "Référentiels" };

/** The reference lists candidates choose from, each with how many entries are offered. */
export default async function ReferentialsPage() {
  const admin = await requireAdmin();
  const db = getDb();
  const lists = await Promise.all(referentialKinds.map(async (kind) => ({ kind, entries: await listReferential(db, admin, kind) })));
  return (
    <div className="max-w-4xl space-y-6">
      <PageTitle>Référentiels</PageTitle>
      <p>
        Les listes que les candidats voient dans leurs formulaires. Une entrée déjà choisie n&apos;est jamais supprimée : désactivée, elle n&apos;est plus proposée mais reste affichée
        dans les candidatures qui la portent. L&apos;ouverture des campagnes se règle dans <Link href="/admin/parametres" className="text-france underline">Paramètres</Link>.
      </p>
      <ul className="grid gap-4 sm:grid-cols-2">
        {lists.map(({ kind, entries }) => {
          const active = entries.filter((entry) => entry.active).length;
          return (
            <li key={kind} className="border border-line p-4">
              <h2 className="text-lg font-bold">
                <Link href={`/admin/referentiels/${kind}`} className="text-france underline">
                  {referentialCatalog[kind].title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-muted">{referentialCatalog[kind].hint}</p>
              <p className="mt-2 text-sm">
                {active} proposé{active > 1 ? "s" : ""}
                {entries.length > active ? `, ${entries.length - active} désactivé${entries.length - active > 1 ? "s" : ""}` : ""}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
