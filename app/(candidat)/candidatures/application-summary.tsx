import Link from "next/link";
import type { ApplicationDetail } from "@/lib/applications/applications";
import { statusLabels } from "@/lib/applications/status";
import { formatFrenchDate } from "@/lib/format/date";

/** Status, completeness and validity of one application, as the list and the dashboard show it. */
export function ApplicationFacts({ application, completeHref }: { application: ApplicationDetail; completeHref?: string }) {
  return (
    <div className="space-y-2">
      <p>
        Vous avez candidaté pour la discipline <strong>{application.postType.label}</strong>
      </p>
      <p>
        <span className="font-medium">Statut :</span> {statusLabels[application.status]}
      </p>
      {application.missing.length === 0 ? (
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

/** The guide's sentence, while the application is alive. */
export function ValidityNotice({ application }: { application: Pick<ApplicationDetail, "status" | "validUntil"> }) {
  if (application.status !== "submitted" && application.status !== "in_review") return null;
  return (
    <p>
      Votre candidature a été prise en compte par nos services. Votre candidature est valable jusqu&apos;au{" "}
      <strong>{formatFrenchDate(application.validUntil)}</strong>
    </p>
  );
}
