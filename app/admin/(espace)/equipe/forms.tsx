"use client";

import { useActionState } from "react";
import { MemberFields } from "@/components/admin/member-fields";
import { FormOutcome } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import type { TeamFormState } from "./actions";

const labels = { email: "Adresse électronique", role: "Rôle", departements: "Départements", form: "Compte" };

export function InviteForm({ action, departements }: { action: (state: TeamFormState, formData: FormData) => Promise<TeamFormState>; departements: string[] }) {
  const [state, formAction] = useActionState(action, { errors: {}, attempt: 0 });
  const values = state.values ?? {};
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-4">
      <FormOutcome success={state.ok ? state.message : null} />
      <ErrorSummary errors={state.errors} labels={labels} targets={{ role: "invite-role" }} />
      <TextField id="email" name="email" type="email" label="Adresse électronique" required autoComplete="off" defaultValue={typeof values.email === "string" ? values.email : ""} error={state.errors.email} />
      <MemberFields idPrefix="invite-" departements={departements} values={{ role: typeof values.role === "string" ? values.role : undefined, departements: Array.isArray(values.departements) ? values.departements : [] }} errors={state.errors} />
      <SubmitButton pendingLabel="Envoi…">Inviter</SubmitButton>
    </form>
  );
}

export function MemberForm({
  action,
  departements,
  saved,
}: {
  action: (state: TeamFormState, formData: FormData) => Promise<TeamFormState>;
  departements: string[];
  saved: { role: string; departements: string[] };
}) {
  const [state, formAction] = useActionState(action, { errors: {}, attempt: 0 });
  const values = state.values ? { role: String(state.values.role), departements: Array.isArray(state.values.departements) ? state.values.departements : [] } : saved;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-4">
      <FormOutcome success={state.ok ? state.message : null} />
      <ErrorSummary errors={state.errors} labels={labels} targets={{ role: "member-role" }} />
      <MemberFields idPrefix="member-" departements={departements} values={values} errors={state.errors} />
      <SubmitButton pendingLabel="Enregistrement…">Enregistrer</SubmitButton>
    </form>
  );
}
