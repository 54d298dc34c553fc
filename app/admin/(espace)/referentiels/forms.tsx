"use client";

import { useActionState } from "react";
import { cellClass, ScrollTable } from "@/components/admin/scroll-table";
import { Alert, FormOutcome } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RequiredNote, SelectField, TextField } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FieldDefinition } from "@/lib/referentials/catalog";
import type { EntryFormState, ZonesImportState } from "./actions";

/** The add and edit form of any reference list, drawn from its field definitions. */
export function EntryForm({
  action,
  fields,
  saved,
  postTypes = [],
  idPrefix,
  submitLabel,
}: {
  action: (state: EntryFormState, formData: FormData) => Promise<EntryFormState>;
  fields: FieldDefinition[];
  saved: Record<string, string | boolean>;
  postTypes?: { value: string; label: string }[];
  idPrefix: string;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, { errors: {}, attempt: 0 });
  // After a refusal the form shows what was typed; after an addition it starts again empty.
  const values: Record<string, string | boolean> = state.values ? Object.fromEntries(fields.map((field) => [field.name, field.input === "checkbox" ? state.values?.[field.name] === "on" : (state.values?.[field.name] ?? "")])) : saved;
  const labels = Object.fromEntries(fields.map((field) => [field.name, field.label]));
  const targets = Object.fromEntries(fields.map((field) => [field.name, `${idPrefix}${field.name}`]));
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-4">
      <FormOutcome success={state.ok ? state.message : null} />
      <ErrorSummary errors={state.errors} labels={labels} targets={targets} />
      {fields.some((field) => field.required) ? <RequiredNote /> : null}
      {fields.map((field) => {
        const id = `${idPrefix}${field.name}`;
        const value = values[field.name];
        if (field.input === "checkbox") {
          return (
            <label key={field.name} htmlFor={id} className="flex min-h-11 items-center gap-3">
              <input id={id} type="checkbox" name={field.name} defaultChecked={value === true} className="size-5 accent-france" />
              {field.label}
            </label>
          );
        }
        if (field.input === "postType") {
          return (
            <SelectField key={field.name} id={id} name={field.name} label={field.label} required={field.required} options={postTypes} defaultValue={String(value ?? "")} error={state.errors[field.name]} />
          );
        }
        return (
          <div key={field.name} className="max-w-xl">
            <TextField
              id={id}
              name={field.name}
              label={field.label}
              hint={field.hint}
              required={field.required}
              inputMode={field.input === "number" ? "decimal" : undefined}
              autoComplete="off"
              defaultValue={String(value ?? "")}
              error={state.errors[field.name]}
            />
          </div>
        );
      })}
      <SubmitButton pendingLabel="Enregistrement…">{submitLabel}</SubmitButton>
    </form>
  );
}

const outcomeClass: Record<string, string> = { création: "font-bold text-success", modification: "font-bold", réactivation: "font-bold", inchangée: "text-muted" };

/** Zones from a CSV file: an "Aperçu" that writes nothing, then "Importer" the same content. */
export function ZonesImportForm({ action }: { action: (state: ZonesImportState, formData: FormData) => Promise<ZonesImportState> }) {
  const [state, formAction] = useActionState(action, { ok: false, lines: [], errors: [], attempt: 0 });
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-3">
        <input type="hidden" name="etape" value="apercu" />
        <div>
          <label htmlFor="zones-fichier" className="block font-medium">
            Fichier CSV des zones
          </label>
          <p id="zones-fichier-aide" className="mt-0.5 text-sm text-muted">
            Une ligne de titres <code>code;libellé;département</code>, puis une zone par ligne (séparateur « ; » ou « , », enregistré depuis un tableur). Une zone dont le code existe
            est mise à jour ; les autres sont ajoutées en fin de liste. 200 Ko au plus.
          </p>
          <input
            id="zones-fichier"
            name="fichier"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby="zones-fichier-aide"
            className="mt-2 block w-full max-w-xl text-sm file:mr-3 file:min-h-11 file:border file:border-france file:bg-white file:px-4 file:text-france"
          />
        </div>
        <SubmitButton variant="secondary" pendingLabel="Lecture…">
          Voir l&apos;aperçu
        </SubmitButton>
      </form>

      {state.attempt > 0 ? (
        <div className="space-y-3">
          {state.applied ? (
            <Alert tone="success" role="status">
              {state.message}
            </Alert>
          ) : null}
          {state.errors.length ? (
            <Alert tone="error" role="alert" title="Rien n'a été importé : corrigez le fichier puis refaites l'aperçu.">
              <ul className="list-disc pl-5">
                {state.errors.map((error) => (
                  <li key={`${error.line}-${error.message}`}>{error.line > 0 ? `Ligne ${error.line} : ${error.message}` : error.message}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {state.lines.length ? (
            <ScrollTable caption={state.applied ? "Zones importées" : "Aperçu de l'import"} headers={["Ligne", "Code", "Libellé", "Département", state.applied ? "Fait" : "Ce qui sera fait"]} minWidth="32rem">
              {state.lines.map((line) => (
                <tr key={line.line}>
                  <td className={cellClass}>{line.line}</td>
                  <td className={cellClass}>{line.code}</td>
                  <td className={cellClass}>{line.label}</td>
                  <td className={cellClass}>{line.department}</td>
                  <td className={`${cellClass} ${outcomeClass[line.outcome] ?? ""}`}>{line.outcome}</td>
                </tr>
              ))}
            </ScrollTable>
          ) : null}
          {state.ok && !state.applied && state.content ? (
            <form action={formAction}>
              <input type="hidden" name="etape" value="importer" />
              <input type="hidden" name="contenu" value={state.content} />
              <SubmitButton pendingLabel="Import…">{state.lines.length === 1 ? "Importer cette ligne" : `Importer ces ${state.lines.length} lignes`}</SubmitButton>
            </form>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
