"use client";

import { useActionState } from "react";
import { PasskeyEnrolForm } from "@/components/admin/passkeys";
import { RecoveryCodes } from "@/components/admin/recovery-codes";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { addPasskey, newRecoveryCodes, passkeyEnrolmentOptions, totpStep, type CodesState, type TotpState } from "./actions";

export function PasskeyEnrolment({ continueHref }: { continueHref: string | null }) {
  return <PasskeyEnrolForm getOptions={passkeyEnrolmentOptions} submit={addPasskey} continueHref={continueHref} />;
}

/** The secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/** An authenticator app: a QR code (or the key typed by hand), then a first code to confirm. */
export function TotpEnrolment({ replacing, continueHref }: { replacing: boolean; continueHref: string | null }) {
  const [state, action] = useActionState(totpStep, { attempt: 0 } as TotpState);
  if (state.done) {
    return state.recoveryCodes ? (
      <RecoveryCodes codes={state.recoveryCodes} intro="Application d'authentification activée." continueHref={continueHref} />
    ) : (
      <Alert tone="success" role="status">
        Application d&apos;authentification activée : elle vous donnera un code à chaque connexion avec mot de passe.
      </Alert>
    );
  }
  if (!state.enrolment) {
    return (
      <form action={action}>
        <input type="hidden" name="etape" value="debut" />
        <SubmitButton variant="secondary" pendingLabel="Préparation…">
          {replacing ? "Remplacer par une nouvelle application" : "Configurer une application"}
        </SubmitButton>
      </form>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="etape" value="code" />
      <ol className="list-decimal space-y-4 pl-5">
        <li>
          <p>Dans votre application (FreeOTP, Aegis, Microsoft ou Google Authenticator…), ajoutez un compte en scannant ce QR code :</p>
          <div className="mt-2 w-48 border border-line bg-white p-1" role="img" aria-label="QR code à scanner avec l'application d'authentification" dangerouslySetInnerHTML={{ __html: state.enrolment.qrSvg }} />
          <p className="mt-2">
            ou en saisissant cette clé : <code className="break-all font-mono text-lg tracking-wider">{grouped(state.enrolment.secret)}</code>
          </p>
        </li>
        <li>
          <TextField
            key={state.attempt}
            id="code-confirmation"
            name="code"
            label="Code à 6 chiffres affiché par l'application"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            error={state.message}
            autoFocus
          />
        </li>
      </ol>
      <SubmitButton pendingLabel="Vérification…">Activer l&apos;application</SubmitButton>
    </form>
  );
}

export function RegenerateCodes() {
  const [state, action] = useActionState(newRecoveryCodes, { attempt: 0 } as CodesState);
  if (state.codes) return <RecoveryCodes codes={state.codes} intro="Nouveaux codes de secours : les anciens ne fonctionnent plus." continueHref={null} />;
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm("Générer de nouveaux codes ? Les codes actuels cesseront de fonctionner.")) event.preventDefault();
      }}
    >
      <SubmitButton variant="secondary" pendingLabel="Génération…">
        Générer de nouveaux codes de secours
      </SubmitButton>
    </form>
  );
}
