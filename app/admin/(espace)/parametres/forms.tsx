"use client";

import { useActionState } from "react";
import { FormOutcome } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextAreaField, TextField } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import type { CampaignState, ParametersState, SecondFactorState } from "./actions";

type Field = { key: string; label: string; kind: "text" | "email" | "number"; hint?: string };

export function SettingsForm({
  action,
  fields,
  saved,
}: {
  action: (state: ParametersState, formData: FormData) => Promise<ParametersState>;
  fields: Field[];
  saved: Record<string, string>;
}) {
  const [state, formAction] = useActionState(action, { errors: {}, attempt: 0 });
  const values = state.values ?? saved;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-4">
      <FormOutcome success={state.ok ? state.message : null} />
      <ErrorSummary errors={state.errors} labels={Object.fromEntries(fields.map((field) => [field.key, field.label]))} />
      <div className="grid gap-4 md:grid-cols-2">
        {fields.map((field) => (
          <TextField
            key={field.key}
            id={field.key}
            name={field.key}
            type={field.kind === "number" ? "text" : field.kind}
            inputMode={field.kind === "number" ? "numeric" : undefined}
            label={field.label}
            hint={field.hint}
            required
            defaultValue={values[field.key] ?? ""}
            error={state.errors[field.key]}
          />
        ))}
      </div>
      <SubmitButton pendingLabel="Enregistrement…">Enregistrer les paramètres</SubmitButton>
    </form>
  );
}

export function CampaignForm({
  action,
  label,
  open,
  message,
}: {
  action: (state: CampaignState, formData: FormData) => Promise<CampaignState>;
  label: string;
  open: boolean;
  message: string;
}) {
  const [state, formAction] = useActionState(action, { attempt: 0 });
  const id = label.replace(/\W+/g, "-").toLowerCase();
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-3 border border-line p-4">
      <fieldset className="space-y-2">
        <legend className="font-bold">{label}</legend>
        <FormOutcome success={state.ok ? state.message : null} error={state.error} />
        <label className="flex min-h-11 items-center gap-3">
          <input type="radio" name="ouverte" value="oui" defaultChecked={open} className="size-5 accent-france" />
          Ouverte : les candidats peuvent déposer une candidature
        </label>
        <label className="flex min-h-11 items-center gap-3">
          <input type="radio" name="ouverte" value="non" defaultChecked={!open} className="size-5 accent-france" />
          Fermée : plus de nouvelle candidature (celles déposées restent)
        </label>
        <TextAreaField
          id={`message-${id}`}
          name="message"
          label="Message aux candidats quand la campagne est fermée"
          hint="Par exemple : « La campagne de recrutement rouvrira le 1er mars. »"
          maxLength={500}
          defaultValue={message}
        />
      </fieldset>
      <SubmitButton pendingLabel="Enregistrement…" variant="secondary">{`Enregistrer : ${label}`}</SubmitButton>
    </form>
  );
}

/** Second factor mandatory per role. */
export function SecondFactorForm({
  action,
  admins,
  gestionnaires,
}: {
  action: (state: SecondFactorState, formData: FormData) => Promise<SecondFactorState>;
  admins: boolean;
  gestionnaires: boolean;
}) {
  const [state, formAction] = useActionState(action, { attempt: 0 });
  return (
    <form key={state.attempt} action={formAction} className="space-y-3">
      <FormOutcome success={state.message} error={state.error} />
      <fieldset className="space-y-2">
        <legend className="font-medium">Obligatoire pour :</legend>
        <label className="flex min-h-11 items-center gap-3">
          <input type="checkbox" name="administrateurs" defaultChecked={admins} className="size-5 accent-france" />
          les administrateurs
        </label>
        <label className="flex min-h-11 items-center gap-3">
          <input type="checkbox" name="gestionnaires" defaultChecked={gestionnaires} className="size-5 accent-france" />
          les gestionnaires
        </label>
      </fieldset>
      <SubmitButton pendingLabel="Enregistrement…" variant="secondary">
        Enregistrer : double authentification
      </SubmitButton>
    </form>
  );
}
