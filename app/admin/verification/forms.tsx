"use client";

import { useActionState } from "react";
import { PasskeyButton } from "@/components/admin/passkeys";
import { TextField } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { passkeyVerificationOptions, verifyWithCode, verifyWithPasskey, type CodeState } from "./actions";

export function PasskeyVerification({ next }: { next: string }) {
  return <PasskeyButton label="Utiliser ma clé d'accès" getOptions={passkeyVerificationOptions} submit={(challengeId, response) => verifyWithPasskey(challengeId, response, next)} />;
}

/** One code form: the app's 6 digits, or a recovery code. */
export function CodeVerification({ method, next }: { method: "totp" | "recovery"; next: string }) {
  const [state, action] = useActionState(verifyWithCode, { attempt: 0 } as CodeState);
  const totp = method === "totp";
  const id = totp ? "code-application" : "code-secours";
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="methode" value={method} />
      <input type="hidden" name="suivant" value={next} />
      <TextField
        key={state.attempt}
        id={id}
        name="code"
        label={totp ? "Code à 6 chiffres de votre application" : "Code de secours"}
        hint={totp ? "Le code affiché maintenant par votre application d'authentification (il change toutes les 30 secondes)." : "Un des codes notés lors de l'activation, par exemple 7K2M-Q9XD-4HPA-WB3N. Il ne servira plus ensuite."}
        inputMode={totp ? "numeric" : "text"}
        autoComplete={totp ? "one-time-code" : "off"}
        autoCapitalize={totp ? undefined : "characters"}
        spellCheck={false}
        maxLength={totp ? 7 : 24}
        required
        error={state.message}
        autoFocus={state.attempt > 0}
      />
      <SubmitButton variant={totp ? "primary" : "secondary"} pendingLabel="Vérification…">
        {totp ? "Vérifier le code" : "Utiliser ce code de secours"}
      </SubmitButton>
    </form>
  );
}
