"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { NewPasswordFields } from "@/components/accounts/new-password-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { setNewPassword, type NewPasswordState } from "./actions";

export function NewPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(setNewPassword, { errors: {}, attempt: 0 } as NewPasswordState);
  return (
    <form key={state.attempt} action={action} noValidate className="space-y-4">
      {state.errors.token ? (
        <Alert tone="error" role="alert">
          {state.errors.token}
        </Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields
        labels={{ password: "Nouveau mot de passe", confirmation: "Confirmez le nouveau mot de passe" }}
        hint="Au moins 8 caractères, avec des majuscules, des minuscules et un caractère spécial."
        errors={state.errors}
      />
      <SubmitButton pendingLabel="Enregistrement…">Enregistrer le nouveau mot de passe</SubmitButton>
    </form>
  );
}
