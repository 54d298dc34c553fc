import type { Metadata } from "next";
import Link from "next/link";
import { requireCandidate } from "@/app/_data/session";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { loadFormOptions, openPostTypesFor } from "@/lib/applications/queries";
import { getDb } from "@/lib/db/client";
import { submitNewApplication } from "../actions";
import { ApplicationForm } from "../application-form";
import { ClosedCampaigns } from "../closed-campaigns";

export const metadata: Metadata = { title: "Nouvelle candidature" };

export default async function NewApplicationPage() {
  const user = await requireCandidate();
  const db = getDb();
  const [open, options] = await Promise.all([openPostTypesFor(db, user.id), loadFormOptions(db)]);
  return (
    <div className="max-w-3xl space-y-6">
      {/* The guide's title; with several posts open, the post is chosen in the form. */}
      <PageTitle>{open.length === 1 ? `Ma candidature ${open[0]!.label}` : "Ma candidature"}</PageTitle>
      {open.length === 0 ? (
        <Alert title="Aucune candidature ne peut être ajoutée">
          <ClosedCampaigns fallback="Vous avez déjà candidaté à chaque poste ouvert, ou aucun recrutement n'est ouvert en ce moment." />
          <p>
            <Link href="/candidatures" className="text-france underline">
              Retour à mes candidatures
            </Link>
          </p>
        </Alert>
      ) : (
        <ApplicationForm
          action={submitNewApplication}
          options={options}
          postTypes={open}
          initial={{ postTypeId: "", teachingType1: "", teachingType2: "", zones: [], workingTimes: [], rqth: "", university: "", component: "", program: "", curriculum: "", level: "", ine: "" }}
          cancelHref="/candidatures"
        />
      )}
    </div>
  );
}
