import Link from "next/link";
import type { ApplicationDetail } from "@/lib/applications/queries";
import { canEditAttachments, candidateStatusLabel, isTakenIntoAccount } from "@/lib/applications/status";
import { formatFrenchDate } from "@/lib/format/date";

/**
 * Status, completeness and validity of one application, as the list and the dashboard show it.
 * Completeness only while it is open: a withdrawn or decided application has nothing to complete.
 */
export function ApplicationFacts({ application, completeHref }: { application: ApplicationDetail; completeHref?: string }) {
  return (
    <div className="space-y-2">
      <p>
        Vous avez candidaté pour la discipline <strong>{application.postType.label}</strong>
      </p>
      <p>
        <span className="font-medium">Statut :</span> {candidateStatusLabel(application.status, application.missing.length === 0)}
      </p>
      {!canEditAttachments(application.status) ? null : application.missing.length === 0 ? (
        <p className="font-medium text-success">Votre candidature est complète.</p>
      ) : (
        <div className="border-l-4 border-warning bg-caution-light px-3 py-2">
          <p className="font-medium">
            Incomplète : {application.missing.length === 1 ? "1 point à compléter" : `${application.missing.length} points à compléter`}
          </p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {application.missing.map((item) => (
              <li key={item.key}>{item.message}</li>
            ))}
          </ul>
          {completeHref ? (
            <Link href={completeHref} className="mt-1 inline-block font-medium text-france underline">
              Compléter<span className="sr-only"> la candidature {application.postType.label}</span>
            </Link>
          ) : null}
        </div>
      )}
      <ValidityNotice application={application} />
    </div>
  );
}

/**
 * The guide's sentence ("prise en compte … valable jusqu'au"), only for a complete application.
 * An incomplete one runs on the same validity (counted from its filing): it is kept until then,
 * and the renewal mail will ask whether to keep it.
 */
export function ValidityNotice({ application }: { application: Pick<ApplicationDetail, "status" | "validUntil" | "missing"> }) {
  if (isTakenIntoAccount(application.status, application.missing.length === 0)) {
    return (
      <p>
        Votre candidature a été prise en compte par nos services. Votre candidature est valable jusqu&apos;au{" "}
        <strong>{formatFrenchDate(application.validUntil)}</strong>
      </p>
    );
  }
  if (application.status !== "submitted") return null;
  return (
    <p>
      Tant qu&apos;elle est incomplète, votre candidature n&apos;est pas prise en compte par nos services. Elle est conservée
      jusqu&apos;au <strong>{formatFrenchDate(application.validUntil)}</strong> : complétez-la d&apos;ici là.
    </p>
  );
}
