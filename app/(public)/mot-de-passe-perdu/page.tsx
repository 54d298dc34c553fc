import type { Metadata } from "next";
import { PageTitle } from "@/components/ui/page-title";
import { RecoveryCodeForm, ResetRequestForm } from "./forms";

export const metadata: Metadata = { title: "Mot de passe perdu" };

export default function LostPasswordPage() {
  return (
    <div className="max-w-3xl space-y-8">
      <PageTitle>Mot de passe perdu</PageTitle>
      <section aria-labelledby="avec-courriel" className="space-y-4">
        <h2 id="avec-courriel" className="text-xl font-bold">
          Vous vous êtes inscrit avec une adresse électronique
        </h2>
        <p>Indiquez-la : nous vous enverrons un lien pour choisir un nouveau mot de passe.</p>
        <ResetRequestForm />
      </section>
      <section aria-labelledby="sans-courriel" className="space-y-4 border-t border-line pt-6">
        <h2 id="sans-courriel" className="text-xl font-bold">
          Vous vous êtes inscrit sans adresse électronique
        </h2>
        <p>
          Utilisez l&apos;un des codes de secours qui vous ont été donnés à l&apos;inscription. Si vous les avez perdus,
          contactez l&apos;assistance (voir la page Aide) : nos services pourront réinitialiser votre mot de passe.
        </p>
        <RecoveryCodeForm />
      </section>
    </div>
  );
}
