"use client";

import { useActionState } from "react";
import { NewPasswordFields } from "@/components/accounts/new-password-fields";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { choosePassword, type InvitationState } from "./actions";

export function InvitationForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(choosePassword, { errors: {}, attempt: 0 } as InvitationState);
  return (
    <form key={state.attempt} action={action} noValidate className="space-y-4">
      {state.errors.token ? (
        <Alert tone="error" role="alert">
          {state.errors.token}
        </Alert>
      ) : null}
      <ErrorSummary errors={{ password: state.errors.password, passwordConfirmation: state.errors.passwordConfirmation }} labels={{ password: "Mot de passe", passwordConfirmation: "Confirmez votre mot de passe" }} />
      <input type="hidden" name="token" value={token} />
      <p>
        Identifiant : <strong className="break-all">{email}</strong>
      </p>
      <NewPasswordFields
        labels={{ password: "Mot de passe", confirmation: "Confirmez votre mot de passe" }}
        hint="Au moins 8 caractères, avec des majuscules, des minuscules et un caractère spécial ; une phrase de plusieurs mots est plus sûre."
        errors={state.errors}
        personalData={[email]}
      />
      <SubmitButton pendingLabel="Enregistrement…">Activer mon accès</SubmitButton>
    </form>
  );
}
