"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { setNewPassword, type NewPasswordState } from "./actions";

export function NewPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(setNewPassword, { errors: {} } as NewPasswordState);
  return (
    <form action={action} noValidate className="space-y-4">
      {state.errors.token ? (
        <Alert tone="error" role="alert">
          {state.errors.token}
        </Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <TextField
        id="password"
        name="password"
        type="password"
        label="Nouveau mot de passe"
        hint="Au moins 8 caractères, avec des majuscules, des minuscules et un caractère spécial."
        autoComplete="new-password"
        required
        error={state.errors.password}
      />
      <TextField
        id="passwordConfirmation"
        name="passwordConfirmation"
        type="password"
        label="Confirmez le nouveau mot de passe"
        autoComplete="new-password"
        required
        error={state.errors.passwordConfirmation}
      />
      <SubmitButton pendingLabel="Enregistrement…">Enregistrer le nouveau mot de passe</SubmitButton>
    </form>
  );
}
