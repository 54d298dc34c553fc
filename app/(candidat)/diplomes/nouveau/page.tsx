import type { Metadata } from "next";
import { requireCandidate } from "@/app/_data/session";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/lib/db/client";
import { submitNewDiploma } from "../actions";
import { DiplomaForm } from "../diploma-form";
import { diplomaFormOptions } from "../options";

export const metadata: Metadata = { title: "Ajouter un diplôme" };

export default async function NewDiplomaPage() {
  await requireCandidate();
  const options = await diplomaFormOptions(getDb());
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>Ajouter un diplôme</PageTitle>
      <p>Complétez les informations relatives à votre diplôme et à l&apos;établissement qui l&apos;a délivré.</p>
      <DiplomaForm
        action={submitNewDiploma}
        {...options}
        initial={{ label: "", diplomaTypeId: "", obtainedOn: "", institution: "", country: "FR", city: "", fileId: "", removeFile: false }}
        cancelHref="/diplomes"
      />
    </div>
  );
}
