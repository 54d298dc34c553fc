"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { recoverWithCode, requestReset, type RecoveryState, type ResetRequestState } from "./actions";

export function ResetRequestForm() {
  const [state, action] = useActionState(requestReset, { sent: false } as ResetRequestState);
  if (state.sent) {
    return (
      <Alert tone="success" role="status">
        Si un compte correspond à cet identifiant, un message contenant un lien pour choisir un nouveau mot de passe vient
        d&apos;être envoyé à son adresse électronique. Le lien est valable une heure. Pensez à regarder dans le dossier
        « spam » ou « courrier indésirable ».
      </Alert>
    );
  }
  return (
    <form action={action} noValidate className="space-y-4">
      <TextField id="identifier" name="identifier" type="email" label="Identifiant" hint="Votre adresse électronique." autoComplete="username" required error={state.error} />
      <SubmitButton pendingLabel="Envoi…">Recevoir un lien</SubmitButton>
    </form>
  );
}

export function RecoveryCodeForm() {
  const [state, action] = useActionState(recoverWithCode, { done: false, errors: {} } as RecoveryState);
  if (state.done) {
    return (
      <Alert tone="success" role="status">
        <p>Votre nouveau mot de passe est enregistré et le code utilisé ne servira plus.</p>
        <Link href="/" className="text-france underline">
          Me connecter
        </Link>
      </Alert>
    );
  }
  return (
    <form action={action} noValidate className="space-y-4">
      <TextField id="recovery-identifier" name="identifier" label="Identifiant" hint="Par exemple aesh-k7m3-q9xp." autoComplete="username" required defaultValue={state.identifier} error={state.errors.identifier} />
      <TextField id="code" name="code" label="Code de secours" hint="L'un des codes affichés à votre inscription, par exemple K7M3Q-9XPAD." autoComplete="one-time-code" required error={state.errors.code} />
      <TextField id="new-password" name="password" type="password" label="Nouveau mot de passe" autoComplete="new-password" required error={state.errors.password} />
      <TextField id="new-password-confirmation" name="passwordConfirmation" type="password" label="Confirmez le nouveau mot de passe" autoComplete="new-password" required error={state.errors.passwordConfirmation} />
      <SubmitButton pendingLabel="Enregistrement…">Enregistrer le nouveau mot de passe</SubmitButton>
    </form>
  );
}
