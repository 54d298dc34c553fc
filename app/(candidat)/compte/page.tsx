import type { Metadata } from "next";
import { requireCandidate } from "@/app/_data/session";
import { PageTitle } from "@/components/ui/page-title";
import { frenchCountryOptions } from "@/lib/accounts/countries";
import { findProfile } from "@/lib/accounts/profile";
import { recoveryCodeStatus } from "@/lib/accounts/recovery-codes";
import { getDb } from "@/lib/db/client";
import { formatFrenchDate } from "@/lib/format/date";
import { DeleteAccountForm, EmailForm, PasswordForm, ProfileForm, RecoveryCodesForm } from "./account-forms";

export const metadata: Metadata = { title: "Mon compte" };

export default async function AccountPage() {
  const user = await requireCandidate();
  const [profile, recovery] = await Promise.all([findProfile(getDb(), user.id), recoveryCodeStatus(getDb(), user.id)]);
  if (!profile) return null;
  const saved = {
    civility: profile.civility ?? "",
    usageName: profile.usageName ?? "",
    birthName: profile.birthName ?? "",
    firstName: profile.firstName ?? "",
    birthDate: profile.birthDate ? formatFrenchDate(profile.birthDate) : "",
    birthPlace: profile.birthPlace ?? "",
    nationality: profile.nationality ?? "",
    phone: profile.phone ?? "",
    misc: profile.misc ?? "",
  };
  return (
    <div className="max-w-3xl space-y-10">
      <div className="space-y-2">
        <PageTitle>Mon compte</PageTitle>
        <p>
          Identifiant de connexion : <strong className="break-all">{profile.identifier}</strong> — compte créé le {formatFrenchDate(profile.createdAt)}.
        </p>
      </div>

      <section aria-labelledby="informations" className="space-y-4">
        <h2 id="informations" className="text-xl font-bold">
          Mes informations personnelles
        </h2>
        <ProfileForm saved={saved} countries={frenchCountryOptions()} hasEmail={Boolean(profile.email)} />
      </section>

      <section aria-labelledby="courriel" className="space-y-4 border-t border-line pt-6">
        <h2 id="courriel" className="text-xl font-bold">
          Mon adresse électronique
        </h2>
        <p>{profile.email ? <>Adresse actuelle : <strong className="break-all">{profile.email}</strong></> : "Vous n'avez pas encore indiqué d'adresse électronique."}</p>
        <EmailForm hasEmail={Boolean(profile.email)} />
      </section>

      <section aria-labelledby="mot-de-passe" className="space-y-4 border-t border-line pt-6">
        <h2 id="mot-de-passe" className="text-xl font-bold">
          Mon mot de passe
        </h2>
        <PasswordForm />
      </section>

      {profile.email ? null : (
        <section aria-labelledby="codes-secours" className="space-y-4 border-t border-line pt-6">
          <h2 id="codes-secours" className="text-xl font-bold">
            Mes codes de secours
          </h2>
          <p>
            Sans adresse électronique, un code de secours est le seul moyen de choisir un nouveau mot de passe si vous oubliez
            le vôtre. Il vous en reste <strong>{recovery.left}</strong>.{" "}
            {recovery.legacy
              ? "Vos codes datent d'avant une amélioration de leur protection : générez-en de nouveaux."
              : "Si vous les avez perdus, ou s'il en reste peu, générez-en de nouveaux : les précédents cesseront de fonctionner."}
          </p>
          <RecoveryCodesForm />
        </section>
      )}

      <section aria-labelledby="donnees" className="space-y-4 border-t border-line pt-6">
        <h2 id="donnees" className="text-xl font-bold">
          Mes données
        </h2>
        <p>Téléchargez tout ce que la plateforme conserve à votre sujet, dans un fichier au format JSON.</p>
        <p>
          <a href="/compte/donnees" className="inline-flex min-h-11 items-center text-france underline" download>
            Télécharger mes données (fichier JSON)
          </a>
        </p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
