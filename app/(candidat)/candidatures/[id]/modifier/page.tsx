import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCandidate } from "@/app/_data/session";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { findApplication, loadFormOptions, requirementsOf } from "@/lib/applications/queries";
import { canEditForm, lockedReason } from "@/lib/applications/status";
import { getDb } from "@/lib/db/client";
import { submitApplicationChanges } from "../../actions";
import { ApplicationForm } from "../../application-form";

export const metadata: Metadata = { title: "Modifier ma candidature" };

export default async function EditApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireCandidate();
  const { id } = await params;
  const db = getDb();
  const application = await findApplication(db, user.id, id);
  if (!application) notFound();
  const [options, requirements] = await Promise.all([loadFormOptions(db), requirementsOf(db, application.postType.id)]);
  // Rows an admin retired since stay offered to those who chose them.
  const withChosen = <T extends { id: string }>(offered: T[], chosen: T[]) => [...offered, ...chosen.filter((item) => !offered.some((o) => o.id === item.id))];
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>Ma candidature {application.postType.label}</PageTitle>
      <p className="text-lg">Modifier votre candidature</p>
      {canEditForm(application.status) ? (
        <ApplicationForm
          action={submitApplicationChanges.bind(null, application.id)}
          options={{
            ...options,
            teachingTypes: withChosen(options.teachingTypes, application.teachingTypes),
            zones: withChosen(options.zones, application.zones),
            workingTimes: withChosen(options.workingTimes, application.workingTimes),
          }}
          requirements={requirements}
          initial={{
            postTypeId: application.postType.id,
            teachingType1: application.teachingTypes.find((choice) => choice.rank === 1)?.id ?? "",
            teachingType2: application.teachingTypes.find((choice) => choice.rank === 2)?.id ?? "",
            zones: application.zones.map((zone) => zone.id),
            workingTimes: application.workingTimes.map((time) => time.id),
            rqth: application.rqth ?? "",
            university: application.university ?? "",
            component: application.component ?? "",
            program: application.program ?? "",
            curriculum: application.curriculum ?? "",
            level: application.level ?? "",
            ine: application.ine ?? "",
          }}
          cancelHref={`/candidatures/${application.id}`}
        />
      ) : (
        <Alert title="Cette candidature ne peut plus être modifiée">
          <p>{lockedReason(application.status)}</p>
          <p className="mt-2">
            <Link href={`/candidatures/${application.id}`} className="text-france underline">
              Retour à ma candidature
            </Link>
          </p>
        </Alert>
      )}
    </div>
  );
}
