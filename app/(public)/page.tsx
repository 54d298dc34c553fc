import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser, safeNextPath, staffHome } from "@/app/_data/session";
import { getRequestSettings } from "@/app/_data/settings";
import { Alert } from "@/components/ui/alert";
import { primaryButtonClass } from "@/components/ui/form";
import { PageTitle } from "@/components/ui/page-title";
import { LoginForm } from "./login-form";

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const [settings, user, params] = await Promise.all([getRequestSettings(), getCurrentUser(), searchParams]);
  if (user?.role === "candidate") redirect(safeNextPath(params.suivant));
  if (user) redirect(params.suivant?.startsWith("/admin") ? safeNextPath(params.suivant, staffHome) : staffHome);
  const next = params.suivant ? safeNextPath(params.suivant) : undefined;
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <p className="text-sm font-bold uppercase text-france">{settings.serviceName}</p>
        <PageTitle>Recrutement des accompagnants des élèves en situation de handicap (AESH)</PageTitle>
        <p className="max-w-3xl text-lg">
          Bienvenue sur la plateforme de candidature aux fonctions d&apos;AESH de l&apos;
          {settings.academyName.replace(/^Académie/, "académie")}. Identifiez-vous pour accéder à votre espace candidat.
        </p>
      </div>

      {params.deconnecte ? (
        <Alert tone="success" role="status">
          Vous êtes déconnecté. À bientôt !
        </Alert>
      ) : null}
      {params.compte === "supprime" ? (
        <Alert tone="success" role="status">
          Votre compte et vos données ont été supprimés. Un courriel vous le confirme.
        </Alert>
      ) : null}
      {params.motdepasse ? (
        <Alert tone="success" role="status">
          Votre nouveau mot de passe est enregistré. Connectez-vous avec lui.
        </Alert>
      ) : null}
      {next ? (
        <Alert tone="info" role="status">
          Connectez-vous pour accéder à cette page.
        </Alert>
      ) : null}

      <div className="grid gap-8 md:grid-cols-2">
        <section aria-labelledby="inscription" className="space-y-4 border border-line p-6">
          <h2 id="inscription" className="text-xl font-bold uppercase">
            Vous souhaitez vous inscrire
          </h2>
          <p>Créez votre compte pour déposer votre candidature, avec ou sans adresse électronique.</p>
          <Link href="/inscription" className={primaryButtonClass}>
            Continuer
          </Link>
        </section>
        <section aria-labelledby="identification" className="space-y-4 border border-line p-6">
          <h2 id="identification" className="text-xl font-bold uppercase">
            Vous êtes déjà inscrit
          </h2>
          <h3 className="font-bold">Identification</h3>
          <LoginForm next={next} />
        </section>
      </div>

      <section className="max-w-3xl">
        <Alert tone="info" title="Avant de commencer">
          <ul className="list-disc space-y-1 pl-5">
            <li>
              Préparez vos documents au format <strong>PDF</strong> : pièce d&apos;identité, et si vous le souhaitez CV,
              lettre de motivation et diplômes.
            </li>
            <li>
              Chaque fichier doit peser <strong>20 Mo au maximum</strong>. Un diplôme peut aussi être photographié avec
              votre téléphone.
            </li>
            <li>Chaque candidature est valable {settings.validityMonths} mois et peut être prolongée à votre demande.</li>
          </ul>
        </Alert>
      </section>
    </div>
  );
}
