"use client";

import { useActionState } from "react";
import { NewPasswordFields } from "@/components/accounts/new-password-fields";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { replaceTemporaryPassword, type ProvisionalState } from "./actions";

export function ProvisionalPasswordForm() {
  const [state, action] = useActionState(replaceTemporaryPassword, { errors: {}, attempt: 0 } as ProvisionalState);
  return (
    <form key={state.attempt} action={action} noValidate className="space-y-4">
      <ErrorSummary errors={state.errors} labels={{ password: "Nouveau mot de passe", passwordConfirmation: "Confirmez le nouveau mot de passe" }} />
      <NewPasswordFields
        labels={{ password: "Nouveau mot de passe", confirmation: "Confirmez le nouveau mot de passe" }}
        hint="Au moins 8 caractères, avec des majuscules, des minuscules et un caractère spécial."
        errors={state.errors}
      />
      <SubmitButton pendingLabel="Enregistrement…">Enregistrer mon mot de passe</SubmitButton>
    </form>
  );
}
