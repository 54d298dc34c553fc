"use client";

import Link from "next/link";
import { useActionState } from "react";
import { TextField } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { login, resendFromLogin, type LoginState } from "./login-actions";

/** "VOUS ÊTES DÉJÀ INSCRIT" — Identification. */
export function LoginForm({ next }: { next?: string }) {
  const [state, action] = useActionState(login, {} as LoginState);
  const [resendState, resend] = useActionState(resendFromLogin, {} as LoginState);
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate>
        {state.message ? (
          <div role="alert" className="border-l-4 border-marianne bg-marianne-light px-4 py-3">
            {state.message}
          </div>
        ) : null}
        <TextField
          id="identifier"
          name="identifier"
          label="Identifiant"
          hint="Votre adresse électronique, ou l'identifiant qui vous a été donné à l'inscription."
          autoComplete="username"
          defaultValue={state.identifier}
          required
        />
        <TextField id="password" name="password" type="password" label="Votre mot de passe" autoComplete="current-password" required />
        {next ? <input type="hidden" name="suivant" value={next} /> : null}
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pendingLabel="Connexion…">Connecter</SubmitButton>
          <Link href="/mot-de-passe-perdu" className="text-france underline">
            Mot de passe perdu
          </Link>
        </div>
      </form>
      {state.unverified ? (
        <form action={resend} className="space-y-2">
          <input type="hidden" name="identifier" value={state.identifier ?? ""} />
          <SubmitButton variant="secondary" pendingLabel="Envoi…">
            Renvoyer le message
          </SubmitButton>
          {resendState.resent ? (
            <p role="status" className="text-sm">
              {resendState.message}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
