import type { Metadata } from "next";
import Link from "next/link";
import { requireCandidate } from "@/app/_data/session";
import { getRequestSettings } from "@/app/_data/settings";
import { Alert } from "@/components/ui/alert";
import { HelpAside } from "@/components/ui/help-aside";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { primaryButtonClass } from "@/components/ui/form";
import { PageTitle } from "@/components/ui/page-title";
import { loadApplications, openPostTypesFor } from "@/lib/applications/queries";
import { getDb } from "@/lib/db/client";
import { removeApplication } from "./actions";
import { ApplicationFacts } from "./application-summary";
import { ClosedCampaigns } from "./closed-campaigns";

export const metadata: Metadata = { title: "Mes candidatures" };

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<{ supprimee?: string }> }) {
  const user = await requireCandidate();
  const [list, open, settings, params] = await Promise.all([
    loadApplications(getDb(), user.id),
    openPostTypesFor(getDb(), user.id),
    getRequestSettings(),
    searchParams,
  ]);
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="space-y-6">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <PageTitle>Mes candidatures</PageTitle>
          {open.length > 0 ? (
            <Link href="/candidatures/nouvelle" className={primaryButtonClass}>
              <span aria-hidden="true" className="mr-2 text-xl leading-none">
                +
              </span>
              Ajouter une candidature
            </Link>
          ) : null}
        </div>
        {params.supprimee ? (
          <Alert tone="success" role="status">
            Votre candidature a été supprimée, avec ses pièces jointes. Vos diplômes sont conservés.
          </Alert>
        ) : null}
        {list.length === 0 ? (
          <Alert title="Vous n'avez pas encore de candidature">
            {open.length > 0 ? (
              <p>
                Cliquez sur « Ajouter une candidature », choisissez vos types d&apos;enseignement, vos zones géographiques et vos
                quotités, puis déposez votre pièce d&apos;identité au format PDF.
              </p>
            ) : (
              <ClosedCampaigns fallback="Aucun recrutement n'est ouvert pour le moment. Revenez plus tard ou consultez la page d'aide." />
            )}
          </Alert>
        ) : (
          <ul className="space-y-6">
            {list.map((application) => (
              <li key={application.id} className="border border-line p-4 sm:p-6">
                <article aria-labelledby={`candidature-${application.id}`} className="space-y-4">
                  <h2 id={`candidature-${application.id}`} className="text-xl font-bold">
                    {application.postType.label}
                  </h2>
                  <div className="flex flex-wrap gap-2">
                    <Link href={`/candidatures/${application.id}`} className="inline-flex min-h-11 items-center px-2 font-medium text-france underline hover:no-underline">
                      Afficher<span className="sr-only"> la candidature {application.postType.label}</span>
                    </Link>
                    <ConfirmDialog
                      trigger="Supprimer"
                      triggerLabel={`Supprimer la candidature ${application.postType.label}`}
                      title={`Supprimer la candidature ${application.postType.label} ?`}
                      confirmLabel="Supprimer définitivement"
                      action={removeApplication}
                      hidden={{ applicationId: application.id }}
                    >
                      <p>
                        Seront effacés définitivement : vos choix (types d&apos;enseignement, zones, quotités), votre inscription
                        universitaire
                        {application.attachments.some((slot) => slot.file)
                          ? ` et vos pièces jointes (${application.attachments
                              .filter((slot) => slot.file)
                              .map((slot) => slot.label)
                              .join(", ")})`
                          : ""}
                        .
                      </p>
                      <p>Nos services ne pourront plus étudier cette candidature. Vos diplômes sont conservés.</p>
                    </ConfirmDialog>
                  </div>
                  <ApplicationFacts application={application} completeHref={`/candidatures/${application.id}`} />
                </article>
              </li>
            ))}
          </ul>
        )}
      </div>
      <HelpAside id="aide-candidatures">
        <p>Voici la liste de vos candidatures.</p>
        <h3 className="font-bold">Ajouter une candidature</h3>
        <p>
          Cliquez sur le bouton + pour ajouter une candidature. Des informations complémentaires (pièces jointes,
          informations…) pourront vous être demandées pour compléter votre candidature.
        </p>
        <h3 className="font-bold">Modifier une candidature</h3>
        <p>Cliquez sur « Afficher » pour voir et modifier une candidature.</p>
        <h3 className="font-bold">Supprimer une candidature</h3>
        <p>Cliquez sur « Supprimer » ; une confirmation vous sera demandée.</p>
        <h3 className="font-bold">Validité</h3>
        <p>
          Chaque candidature est valable {settings.validityMonths} mois. Un courriel vous sera envoyé à l&apos;issue de ces{" "}
          {settings.validityMonths} mois pour savoir si vous
          souhaitez la maintenir. <strong>En l&apos;absence de réponse, votre candidature sera supprimée.</strong>
        </p>
      </HelpAside>
    </div>
  );
}
