"use client";

import { browserSupportsWebAuthn, startAuthentication, startRegistration } from "@simplewebauthn/browser";
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { useId, useState, useSyncExternalStore, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField, primaryButtonClass, secondaryButtonClass } from "@/components/ui/form";
import { RecoveryCodes } from "./recovery-codes";

/**
 * Passkeys in the browser (@simplewebauthn/browser): the server gives a challenge, the
 * browser asks the authenticator (PIN, fingerprint, face, security key), the server checks
 * the answer. What the browser refuses is said in French.
 */

export type PasskeyOptions<T = PublicKeyCredentialRequestOptionsJSON> = { ok: true; challengeId: string; options: T } | { ok: false; message: string };
export type PasskeyOutcome = { ok: true; recoveryCodes?: string[] | null } | { ok: false; message: string };

function browserRefusal(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "AbortError") return "La clé d'accès n'a pas été utilisée (demande annulée ou délai dépassé). Réessayez.";
  if (name === "InvalidStateError") return "Cet appareil porte déjà une clé d'accès pour votre compte.";
  if (name === "SecurityError") return "Ce navigateur refuse les clés d'accès sur cette adresse.";
  return "Votre navigateur n'a pas pu utiliser de clé d'accès. Réessayez, ou utilisez une autre méthode.";
}

const neverChanges = () => () => {};

/** Whether this browser offers passkeys; null while rendered on the server (the button waits). */
function useWebAuthnSupport(): boolean | null {
  return useSyncExternalStore(neverChanges, browserSupportsWebAuthn, () => null);
}

function Unsupported() {
  return <p className="text-sm text-muted">Ce navigateur ne gère pas les clés d&apos;accès : utilisez une autre méthode ci-dessous.</p>;
}

/** A button that answers a passkey challenge: the sign-in, or the second step after a password. */
export function PasskeyButton({
  label,
  pendingLabel = "En attente de votre clé d'accès…",
  getOptions,
  submit,
}: {
  label: string;
  pendingLabel?: string;
  getOptions: () => Promise<PasskeyOptions>;
  submit: (challengeId: string, response: string) => Promise<PasskeyOutcome>;
}) {
  const supported = useWebAuthnSupport();
  const [message, setMessage] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, startTransition] = useTransition();
  if (supported === false) return <Unsupported />;
  const run = () =>
    startTransition(async () => {
      setMessage(null);
      const options = await getOptions();
      if (!options.ok) {
        setMessage(options.message);
      } else {
        try {
          const response = await startAuthentication({ optionsJSON: options.options });
          const outcome = await submit(options.challengeId, JSON.stringify(response));
          if (!outcome.ok) setMessage(outcome.message);
        } catch (error) {
          setMessage(browserRefusal(error));
        }
      }
      setAttempt((value) => value + 1);
    });
  return (
    <div className="space-y-3">
      {message ? (
        <Alert key={attempt} tone="error" role="alert">
          {message}
        </Alert>
      ) : null}
      <button type="button" onClick={run} disabled={pending || supported === null} aria-disabled={pending} className={primaryButtonClass}>
        {pending ? pendingLabel : label}
      </button>
    </div>
  );
}

/** "Ajouter une clé d'accès": a name, then the authenticator creates the passkey. */
export function PasskeyEnrolForm({
  getOptions,
  submit,
  continueHref,
}: {
  getOptions: () => Promise<PasskeyOptions<PublicKeyCredentialCreationOptionsJSON>>;
  submit: (challengeId: string, response: string, label: string) => Promise<PasskeyOutcome>;
  continueHref: string | null;
}) {
  const supported = useWebAuthnSupport();
  const id = useId();
  const [label, setLabel] = useState("");
  const [state, setState] = useState<{ attempt: number; outcome?: PasskeyOutcome }>({ attempt: 0 });
  const [pending, startTransition] = useTransition();
  if (supported === false) return <Unsupported />;
  const run = () =>
    startTransition(async () => {
      let outcome: PasskeyOutcome;
      if (!label.trim()) {
        outcome = { ok: false, message: "Donnez un nom à cette clé d'accès, par exemple « Ordinateur du bureau »." };
      } else {
        const options = await getOptions();
        if (!options.ok) outcome = options;
        else {
          try {
            const response = await startRegistration({ optionsJSON: options.options });
            outcome = await submit(options.challengeId, JSON.stringify(response), label);
          } catch (error) {
            outcome = { ok: false, message: browserRefusal(error) };
          }
        }
      }
      if (outcome.ok) setLabel("");
      setState((previous) => ({ attempt: previous.attempt + 1, outcome }));
    });
  const outcome = state.outcome;
  if (outcome?.ok && outcome.recoveryCodes) return <RecoveryCodes codes={outcome.recoveryCodes} intro="Clé d'accès enregistrée." continueHref={continueHref} />;
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        run();
      }}
    >
      {outcome ? (
        <Alert key={state.attempt} tone={outcome.ok ? "success" : "error"} role={outcome.ok ? "status" : "alert"}>
          {outcome.ok ? "Clé d'accès enregistrée : vous pourrez vous connecter avec elle." : outcome.message}
        </Alert>
      ) : null}
      <TextField
        id={`${id}-nom`}
        name="label"
        label="Nom de la clé d'accès"
        hint="Pour la reconnaître dans la liste : « Ordinateur du bureau », « Téléphone », « Clé USB »…"
        value={label}
        onChange={(event) => setLabel(event.target.value)}
        maxLength={60}
        required
        error={outcome && !outcome.ok && !label.trim() ? outcome.message : undefined}
      />
      <button type="submit" disabled={pending || supported === null} aria-disabled={pending} className={secondaryButtonClass}>
        {pending ? "En attente de votre appareil…" : "Ajouter une clé d'accès"}
      </button>
    </form>
  );
}
