"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextAreaField } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";

export type TextPostState = { ok?: boolean; message?: string; errors: Partial<Record<string, string>>; attempt: number };

/** One text to send (a message to the candidate, a private note), with its outcome announced. */
export function TextPostForm({
  action,
  name,
  label,
  hint,
  submitLabel,
  maxLength = 5000,
}: {
  action: (state: TextPostState, formData: FormData) => Promise<TextPostState>;
  name: string;
  label: string;
  hint?: string;
  submitLabel: string;
  maxLength?: number;
}) {
  const [state, formAction] = useActionState(action, { errors: {}, attempt: 0 });
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-3 print:hidden">
      {state.ok && state.message ? (
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
      ) : null}
      <ErrorSummary errors={state.errors} labels={{ [name]: label }} />
      <TextAreaField id={name} name={name} label={label} hint={hint} maxLength={maxLength} rows={4} error={state.errors[name]} />
      <SubmitButton pendingLabel="Envoi…">{submitLabel}</SubmitButton>
    </form>
  );
}
