"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { requestNewLink, type ResendState } from "./actions";

export function ResendForm() {
  const [state, action] = useActionState(requestNewLink, { sent: false } as ResendState);
  if (state.sent) {
    return (
      <Alert tone="success" role="status">
        Si cette adresse attend sa confirmation, un nouveau message vient de lui être envoyé. Pensez à regarder dans le
        dossier « spam » ou « courrier indésirable ».
      </Alert>
    );
  }
  return (
    <form action={action} noValidate className="space-y-4">
      <TextField id="email" name="email" type="email" label="Courriel" autoComplete="email" required defaultValue={state.email} error={state.error} />
      <SubmitButton pendingLabel="Envoi…">Renvoyer le message</SubmitButton>
    </form>
  );
}
