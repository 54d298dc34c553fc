import type { Metadata } from "next";
import Link from "next/link";
import { requireCandidate } from "@/app/_data/session";
import { getRequestSettings } from "@/app/_data/settings";
import { Alert } from "@/components/ui/alert";
import { primaryButtonClass } from "@/components/ui/form";
import { PageTitle } from "@/components/ui/page-title";
import { loadApplications, openPostTypesFor } from "@/lib/applications/queries";
import { nextStep } from "@/lib/applications/status";
import { diplomaSummary } from "@/lib/diplomas/diplomas";
import { getDb } from "@/lib/db/client";
import { ApplicationFacts } from "../candidatures/application-summary";
import { ClosedCampaigns } from "../candidatures/closed-campaigns";
import { RenewalBox } from "../candidatures/renewal-box";

export const metadata: Metadata = { title: "Mon tableau de bord" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ bienvenue?: string; mot_de_passe?: string }> }) {
  const [user, params] = await Promise.all([requireCandidate(), searchParams]);
  const db = getDb();
  const [applications, open, diplomas, settings] = await Promise.all([
    loadApplications(db, user.id),
    openPostTypesFor(db, user.id),
    diplomaSummary(db, user.id),
    getRequestSettings(),
  ]);
  const unread = applications.filter((application) => application.unreadFromService > 0);
  const next = nextStep(applications);
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>Mon tableau de bord</PageTitle>
      {params.bienvenue ? (
        <Alert tone="success" role="status">
          Votre adresse électronique est confirmée : bienvenue dans votre espace candidat.
        </Alert>
      ) : null}
      {params.mot_de_passe ? (
        <Alert tone="success" role="status">
          Votre nouveau mot de passe est enregistré.
        </Alert>
      ) : null}
      <p className="text-lg">Bonjour {user.displayName},</p>

      {unread.length > 0 ? (
        <section aria-labelledby="messages" className="space-y-2 border-l-4 border-france bg-info-light px-4 py-3">
          <h2 id="messages" className="text-xl font-bold">
            Messages
          </h2>
          <ul className="space-y-1">
            {unread.map((item) => (
              <li key={item.id}>
                <Link href={`/candidatures/${item.id}#messages`} className="inline-flex min-h-11 items-center font-medium text-france underline">
                  {item.unreadFromService === 1 ? "Un nouveau message" : `${item.unreadFromService} nouveaux messages`} du service de recrutement au sujet
                  de votre candidature {item.postType.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="suite" className="space-y-3">
        <h2 id="suite" className="text-xl font-bold">
          Et maintenant ?
        </h2>
        {next.kind === "file" ? (
          open.length > 0 ? (
            <>
              <p>
                Déposez votre candidature : choisissez vos types d&apos;enseignement, vos zones géographiques et vos quotités, puis
                joignez votre pièce d&apos;identité au format PDF (20 Mo au maximum).
              </p>
              <Link href="/candidatures/nouvelle" className={primaryButtonClass}>
                <span aria-hidden="true" className="mr-2 text-xl leading-none">
                  +
                </span>
                Ajouter une candidature
              </Link>
            </>
          ) : (
            <ClosedCampaigns fallback="Aucun recrutement n'est ouvert pour le moment." />
          )
        ) : next.kind === "complete" ? (
          <p>
            {next.incomplete === 1 ? "Une candidature est incomplète" : `${next.incomplete} candidatures sont incomplètes`} : nos services ne
            pourront l&apos;étudier qu&apos;une fois complétée. Les points manquants sont listés ci-dessous.
          </p>
        ) : next.kind === "wait" ? (
          <p>
            {next.open === 1 ? "Votre candidature est complète : nos services l'étudieront." : "Vos candidatures sont complètes : nos services les étudieront."}{" "}
            Chaque candidature reste valable jusqu&apos;à la date indiquée ; avant son échéance, un courriel vous demandera si vous souhaitez la
            maintenir.
          </p>
        ) : (
          <p>Vous n&apos;avez plus de candidature en cours : chacune a été retirée ou a reçu la décision de nos services, indiquée ci-dessous.</p>
        )}
      </section>

      {applications.length > 0 ? (
        <section aria-labelledby="mes-candidatures" className="space-y-4">
          <h2 id="mes-candidatures" className="text-xl font-bold">
            Mes candidatures
          </h2>
          <ul className="space-y-4">
            {applications.map((application) => (
              <li key={application.id} className="space-y-3 border border-line p-4">
                <RenewalBox application={application} graceDays={settings.graceDays} validityMonths={settings.validityMonths} />
                <ApplicationFacts application={application} completeHref={`/candidatures/${application.id}`} />
                <Link href={`/candidatures/${application.id}`} className="mt-2 inline-block font-medium text-france underline">
                  Afficher<span className="sr-only"> la candidature {application.postType.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="mes-diplomes" className="space-y-2">
        <h2 id="mes-diplomes" className="text-xl font-bold">
          Mes diplômes
        </h2>
        <p>
          {diplomas.count === 0
            ? "Aucun diplôme enregistré : indiquez ceux que vous avez obtenus, avec leur scan, pour que nos services instruisent votre dossier plus vite."
            : `${diplomas.count === 1 ? "1 diplôme enregistré" : `${diplomas.count} diplômes enregistrés`}${
                diplomas.withoutFile === 0
                  ? ", chacun avec son fichier."
                  : diplomas.withoutFile === diplomas.count
                    ? diplomas.count === 1
                      ? ", sans fichier : ajoutez son scan ou des photos."
                      : ", sans fichier : ajoutez leur scan ou des photos."
                    : ` ; ${diplomas.withoutFile} sans fichier : ajoutez leur scan ou des photos.`
              }`}
        </p>
        <p className="flex flex-wrap gap-x-6">
          <Link href="/diplomes/nouveau" className="inline-flex min-h-11 items-center font-medium text-france underline">
            Ajouter un diplôme
          </Link>
          {diplomas.count > 0 ? (
            <Link href="/diplomes" className="inline-flex min-h-11 items-center font-medium text-france underline">
              Voir mes diplômes
            </Link>
          ) : null}
        </p>
      </section>

      <p>
        Vérifiez vos informations personnelles dans{" "}
        <Link href="/compte" className="text-france underline">
          votre compte
        </Link>
        .
      </p>
    </div>
  );
}
