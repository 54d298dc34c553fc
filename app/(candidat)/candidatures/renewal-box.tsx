import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ApplicationDetail } from "@/lib/applications/queries";
import { formatFrenchDate } from "@/lib/format/date";
import { canKeepFromSpace, deletionDate } from "@/lib/renewals/rules";
import { keepApplication } from "./actions";

/**
 * From 30 days before the end of validity: the deadline and "Maintenir ma candidature". For
 * candidates without email this is the notice itself.
 */
export function RenewalBox({ application, graceDays, validityMonths }: { application: ApplicationDetail; graceDays: number; validityMonths: number }) {
  if (!canKeepFromSpace(application)) return null;
  const deadline = application.renewalNoticeSentAt ? deletionDate(application.renewalNoticeSentAt, graceDays) : null;
  return (
    <Alert tone={deadline ? "error" : "caution"} title={deadline ? "Votre candidature attend votre réponse" : "Votre candidature arrive à échéance"}>
      <div className="space-y-3">
        <p>
          Votre candidature {application.postType.label} {deadline ? "était" : "est"} valable jusqu&apos;au{" "}
          <strong>{formatFrenchDate(application.validUntil)}</strong>.{" "}
          {deadline ? (
            <strong>Sans réponse de votre part avant le {formatFrenchDate(deadline)}, elle sera supprimée.</strong>
          ) : (
            "Vous pouvez dès maintenant la maintenir."
          )}
        </p>
        <form action={keepApplication}>
          <input type="hidden" name="applicationId" value={application.id} />
          <SubmitButton pendingLabel="Enregistrement…">Maintenir ma candidature</SubmitButton>
        </form>
        <p className="text-sm">La candidature sera alors valable {validityMonths} mois à compter d&apos;aujourd&apos;hui.</p>
      </div>
    </Alert>
  );
}
