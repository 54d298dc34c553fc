import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/app/_data/session";
import { Facts } from "@/components/admin/facts";
import { ProvisionalPassword } from "@/components/admin/provisional-password";
import { PageTitle } from "@/components/ui/page-title";
import { staffStatusLabel } from "@/lib/applications/status";
import { getDb } from "@/lib/db/client";
import { formatFrenchDate } from "@/lib/format/date";
import { loadCandidate } from "@/lib/staff/candidates";
import { giveProvisionalPassword } from "../actions";

export const metadata: Metadata = { title: "Candidat" };

export default async function CandidatePage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  const candidate = await loadCandidate(getDb(), staff, id);
  if (!candidate) notFound();
  const facts: [string, string | null][] = [
    ["Civilité", candidate.civility],
    ["Date de naissance", candidate.birthDate ? formatFrenchDate(candidate.birthDate) : null],
    ["Lieu de naissance", candidate.birthPlace],
    ["Nationalité", candidate.nationality],
    ["Identifiant", candidate.identifier],
    ["Courriel", candidate.email ? `${candidate.email}${candidate.emailVerified ? "" : " (non confirmée)"}` : "Sans adresse électronique"],
    ["Téléphone", candidate.phone],
    ["Informations complémentaires", candidate.misc],
    ["Inscrit le", formatFrenchDate(candidate.createdAt)],
    ["Dernière connexion", candidate.lastLoginAt ? formatFrenchDate(candidate.lastLoginAt) : "jamais"],
  ];
  return (
    <div className="max-w-4xl space-y-8">
      <Link href="/admin/candidats" className="inline-flex min-h-11 items-center text-sm text-france underline">
        ‹ Retour aux candidats
      </Link>
      <PageTitle>{candidate.name}</PageTitle>
      <Facts rows={facts} labelWidth="14rem" />

      <section aria-labelledby="candidatures" className="space-y-3 border-t border-line pt-4">
        <h2 id="candidatures" className="text-lg font-bold">
          Candidatures ({candidate.applications.length})
        </h2>
        {candidate.applications.length === 0 ? (
          <p className="italic">Aucune candidature déposée.</p>
        ) : (
          <ul className="space-y-2">
            {candidate.applications.map((application) => (
              <li key={application.id}>
                <Link href={`/admin/candidatures/${application.id}`} className="font-medium text-france underline">
                  {application.postType.label}
                </Link>{" "}
                — {staffStatusLabel(application.status, application.missing.length === 0)}, déposée le {formatFrenchDate(application.submittedAt)}, valable
                jusqu&apos;au {formatFrenchDate(application.validUntil)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="diplomes" className="space-y-3 border-t border-line pt-4">
        <h2 id="diplomes" className="text-lg font-bold">
          Diplômes ({candidate.diplomas.length})
        </h2>
        {candidate.diplomas.length === 0 ? (
          <p className="italic">Aucun diplôme indiqué.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {candidate.diplomas.map((diploma) => (
              <li key={diploma.id}>
                {diploma.label} — {diploma.diplomaType.label}
                {diploma.obtainedOn ? `, obtenu le ${formatFrenchDate(diploma.obtainedOn)}` : ""}
                {diploma.file ? (
                  <>
                    {" "}
                    —{" "}
                    <a href={`/admin/fichiers/${diploma.file.id}`} className="text-france underline" download>
                      télécharger le PDF
                    </a>
                  </>
                ) : (
                  " — sans fichier"
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="acces" className="space-y-3 border-t border-line pt-4">
        <h2 id="acces" className="text-lg font-bold">
          Accès au compte
        </h2>
        {candidate.email ? (
          <p>
            Ce candidat a une adresse électronique : s&apos;il a oublié son mot de passe, il utilise « Mot de passe perdu » sur la page
            d&apos;accueil.
          </p>
        ) : (
          <>
            <p>
              Sans adresse électronique, un candidat qui a perdu son mot de passe et ses codes de secours ne peut s&apos;en sortir seul.
              {candidate.mustChangePassword ? " Un mot de passe provisoire lui a déjà été donné et n'a pas encore été changé." : ""}
            </p>
            <ProvisionalPassword action={giveProvisionalPassword.bind(null, candidate.id)} candidate={candidate.name} />
          </>
        )}
      </section>
    </div>
  );
}
