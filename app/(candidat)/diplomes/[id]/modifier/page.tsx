import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireCandidate } from "@/app/_data/session";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/lib/db/client";
import { findDiploma } from "@/lib/diplomas/diplomas";
import { formatFrenchDate } from "@/lib/format/date";
import { submitDiplomaChanges } from "../../actions";
import { DiplomaForm } from "../../diploma-form";
import { diplomaFormOptions } from "../../options";

export const metadata: Metadata = { title: "Modifier un diplôme" };

export default async function EditDiplomaPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireCandidate();
  const { id } = await params;
  const db = getDb();
  const diploma = await findDiploma(db, user.id, id);
  if (!diploma) notFound();
  const options = await diplomaFormOptions(db, diploma.diplomaType);
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>Modifier un diplôme</PageTitle>
      <DiplomaForm
        action={submitDiplomaChanges.bind(null, diploma.id)}
        {...options}
        currentFile={diploma.file}
        initial={{
          label: diploma.label,
          diplomaTypeId: diploma.diplomaType.id,
          obtainedOn: diploma.obtainedOn ? formatFrenchDate(diploma.obtainedOn) : "",
          institution: diploma.institution,
          country: diploma.country,
          city: diploma.city,
          fileId: "",
          removeFile: false,
        }}
        cancelHref="/diplomes"
      />
    </div>
  );
}
