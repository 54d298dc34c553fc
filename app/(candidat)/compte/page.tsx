import type { Metadata } from "next";
import { requireCandidate } from "@/app/_data/session";
import { PageTitle } from "@/components/ui/page-title";
import { countryName } from "@/lib/accounts/countries";
import { civilityLabels } from "@/lib/accounts/personal-details";
import { findProfile } from "@/lib/accounts/profile";
import { getDb } from "@/lib/db/client";
import { formatFrenchDate } from "@/lib/format/date";

export const metadata: Metadata = { title: "Mon compte" };

export default async function AccountPage() {
  const user = await requireCandidate();
  const profile = await findProfile(getDb(), user.id);
  if (!profile) return null;
  const rows: [string, string][] = [
    ["Identifiant", profile.identifier],
    ["Courriel", profile.email ?? "Aucune adresse électronique"],
    ["Civilité", profile.civility ? civilityLabels[profile.civility] : ""],
    ["Nom d'usage", profile.usageName ?? ""],
    ["Nom patronymique", profile.birthName ?? ""],
    ["Prénom", profile.firstName ?? ""],
    ["Date de naissance", profile.birthDate ? formatFrenchDate(profile.birthDate) : ""],
    ["Lieu de naissance", profile.birthPlace ?? ""],
    ["Nationalité", countryName(profile.nationality)],
    ["Téléphone", profile.phone ?? ""],
    ["Informations complémentaires", profile.misc ?? ""],
    ["Compte créé le", formatFrenchDate(profile.createdAt)],
  ];
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>Mon compte</PageTitle>
      <section aria-labelledby="informations" className="space-y-3">
        <h2 id="informations" className="text-xl font-bold">
          Mes informations personnelles
        </h2>
        <dl className="divide-y divide-line border-y border-line">
          {rows.map(([label, value]) => (
            <div key={label} className="grid gap-1 py-2 sm:grid-cols-3">
              <dt className="font-medium">{label}</dt>
              <dd className="sm:col-span-2">{value || "—"}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
