import type { Metadata } from "next";
import Link from "next/link";
import { getRequestSettings } from "@/app/_data/settings";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/lib/db/client";
import { formatFrenchDate } from "@/lib/format/date";
import { describeRenewal } from "@/lib/renewals/renewals";
import { renewalFailures } from "./messages";
import { RenewalChoice } from "./renewal-choice";

export const metadata: Metadata = { title: "Renouvellement de votre candidature", referrer: "no-referrer" };

/** Reached from the renewal mail. The GET only shows (mail scanners follow links); the buttons act. */
export default async function RenewalPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [renewal, settings] = await Promise.all([describeRenewal(getDb(), token), getRequestSettings()]);
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>Renouvellement de votre candidature</PageTitle>
      {renewal.ok && renewal.status === "submitted" ? (
        <>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="font-medium">Candidature :</dt>
            <dd>{renewal.postType}</dd>
            <dt className="font-medium">Déposée le :</dt>
            <dd>{formatFrenchDate(renewal.submittedAt)}</dd>
            <dt className="font-medium">Valable jusqu&apos;au :</dt>
            <dd>{formatFrenchDate(renewal.validUntil)}</dd>
          </dl>
          <p>
            Chaque candidature est valable {settings.validityMonths} mois. Souhaitez-vous maintenir la vôtre ?
            {renewal.deadline ? (
              <>
                {" "}
                <strong>Sans réponse avant le {formatFrenchDate(renewal.deadline)}, elle sera supprimée.</strong>
              </>
            ) : null}
          </p>
          <RenewalChoice token={token} postType={renewal.postType} />
        </>
      ) : (
        <>
          <Alert tone={renewal.ok || renewal.reason === "used" ? "info" : "error"} role="alert">
            {renewal.ok ? renewalFailures.closed : renewalFailures[renewal.reason]}
          </Alert>
          <p>
            <Link href="/" className="text-france underline">
              Me connecter à mon espace candidat
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
