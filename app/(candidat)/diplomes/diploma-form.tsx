"use client";

import { useActionState, useState } from "react";
import { FileLink } from "@/components/uploads/file-link";
import { PdfUpload } from "@/components/uploads/pdf-upload";
import { DateField } from "@/components/ui/date-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Fieldset, RequiredNote, SelectField, TextField } from "@/components/ui/form";
import { FormActions } from "@/components/ui/form-actions";
import { diplomaFieldLabels, type RawDiplomaForm } from "@/lib/diplomas/form-fields";
import { formatFileSize } from "@/lib/format/date";
import { startDiplomaFile, verifyDiplomaFile, type DiplomaFormState } from "./actions";

type Option = { value: string; label: string };

/** The guide's two parts, "Diplôme" and "Etablissement". The file goes to storage first. */
export function DiplomaForm({
  action,
  initial,
  diplomaTypes,
  countries,
  currentFile,
  cancelHref,
}: {
  action: (state: DiplomaFormState, formData: FormData) => Promise<DiplomaFormState>;
  initial: RawDiplomaForm;
  diplomaTypes: Option[];
  countries: Option[];
  currentFile?: { id: string; name: string; size: number } | null;
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(action, { errors: {}, attempt: 0 });
  const values = state.values ?? initial;
  const errors = state.errors;
  // A file checked during this visit; kept across a refused submission.
  const [uploaded, setUploaded] = useState<{ id: string; name: string; size: number } | null>(
    values.fileId && values.fileId !== currentFile?.id ? { id: values.fileId, name: state.values?.fileName || "fichier.pdf", size: 0 } : null,
  );
  const [removeFile, setRemoveFile] = useState(values.removeFile);
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-8">
      <ErrorSummary errors={errors} labels={diplomaFieldLabels} />
      <RequiredNote />
      <Fieldset legend="Diplôme">
        <TextField id="label" name="label" label="Libellé" required defaultValue={values.label} error={errors.label} hint="Par exemple : Baccalauréat professionnel ASSP" />
        <SelectField id="diplomaTypeId" name="diplomaTypeId" label="Type de diplôme" required options={diplomaTypes} defaultValue={values.diplomaTypeId} error={errors.diplomaTypeId} />
        <DateField
          id="obtainedOn"
          label="Date d'obtention (JJ/MM/AAAA)"
          hint="Sur un téléphone, tapez les 8 chiffres : 01072015."
          defaultValue={values.obtainedOn}
          error={errors.obtainedOn}
        />
        <div id="file" tabIndex={-1} className={`space-y-2 ${errors.file ? "border-l-2 border-marianne pl-3" : ""}`}>
          <p className="font-medium">
            Fichier scanné ou photographié de votre diplôme (Les pdf ne doivent pas excéder 20 Mo maximum)
          </p>
          <p className="text-sm text-muted">
            Facultatif, mais envoyer votre diplôme permet d&apos;instruire votre dossier plus rapidement. Sur un téléphone, vous
            pouvez le photographier : les photos sont assemblées en un seul PDF.
          </p>
          {uploaded ? (
            <p>
              Nouveau fichier : <strong>{uploaded.name}</strong>
              {uploaded.size ? ` (${formatFileSize(uploaded.size)})` : ""}, enregistré avec le diplôme quand vous cliquerez sur
              « Valider ».
            </p>
          ) : currentFile ? (
            <div className="space-y-1">
              <p>
                Fichier actuel :{" "}
                <FileLink file={currentFile} />
              </p>
              <label className="flex min-h-11 items-center gap-3">
                <input type="checkbox" name="removeFile" checked={removeFile} onChange={(event) => setRemoveFile(event.target.checked)} className="size-5 accent-france" />
                Retirer ce fichier
              </label>
            </div>
          ) : (
            <p className="text-sm italic">Aucun fichier.</p>
          )}
          <input type="hidden" name="fileId" value={uploaded?.id ?? ""} />
          <input type="hidden" name="fileName" value={uploaded?.name ?? ""} />
          <PdfUpload
            label="diplôme"
            actionLabel={currentFile || uploaded ? "Remplacer par un PDF" : "Choisir un PDF"}
            start={startDiplomaFile}
            confirm={verifyDiplomaFile}
            onUploaded={(file) => {
              setUploaded(file);
              setRemoveFile(false);
            }}
            photos={{ pdfName: "diplome-photos" }}
          />
          {errors.file ? (
            <p id="file-erreur" className="text-sm font-medium text-marianne">
              {errors.file}
            </p>
          ) : null}
        </div>
      </Fieldset>
      <Fieldset legend="Etablissement">
        <TextField id="institution" name="institution" label="Etablissement" required defaultValue={values.institution} error={errors.institution} hint="Lycée, université, organisme de formation…" />
        <SelectField id="country" name="country" label="Pays" required options={countries} defaultValue={values.country || "FR"} error={errors.country} placeholder="Choisir un pays" />
        <TextField id="city" name="city" label="Ville" required defaultValue={values.city} error={errors.city} autoComplete="address-level2" />
      </Fieldset>
      <FormActions cancelHref={cancelHref} />
    </form>
  );
}
