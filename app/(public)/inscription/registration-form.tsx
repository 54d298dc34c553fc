"use client";

import Link from "next/link";
import { useActionState, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { NewPasswordFields } from "@/components/accounts/new-password-fields";
import { MiscField, PersonalDetailsFields, personalDetailsLabels, PhoneField, textValue } from "@/components/accounts/personal-details-fields";
import { Alert, FormOutcome } from "@/components/ui/alert";
import { Fieldset, RequiredNote, TextField } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FieldErrors } from "@/lib/accounts/registration-schema";
import { register, resend, type RegistrationState, type RegistrationValues } from "./actions";

// In the order of the form, which the error summary follows.
const { phone: phoneLabel, misc: miscLabel, ...identityLabels } = personalDetailsLabels;
const labels: Record<string, string> = {
  email: "Courriel",
  emailConfirmation: "Confirmez votre courriel",
  phone: phoneLabel!,
  password: "Mot de passe",
  passwordConfirmation: "Confirmez votre mot de passe",
  ...identityLabels,
  misc: miscLabel!,
};

/** The first thing read once the account exists: focused, so the outcome is announced. */
function Outcome({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} role="status" className={className}>
      {children}
    </div>
  );
}

const initialState: RegistrationState = { status: "editing", errors: {}, values: {}, attempt: 0 };

export function RegistrationForm({ countries }: { countries: { code: string; name: string }[] }) {
  const [state, action] = useActionState(register, initialState);
  const [resent, resendAction] = useActionState(resend, false);
  const editing: { errors: FieldErrors; values: RegistrationValues; attempt: number; refusal?: string } =
    state.status === "editing" ? state : { errors: {}, values: {}, attempt: 0 };
  const [noEmail, setNoEmail] = useState(Boolean(editing.values.noEmail));
  const [names, setNames] = useState({ email: "", birthName: "", usageName: "", firstName: "" });
  const personalData = useMemo(() => Object.values(names), [names]);

  if (state.status === "verification-sent") {
    return (
      <div className="max-w-3xl space-y-4">
        <Outcome className="space-y-4">
          <h2 className="text-xl font-bold">Votre compte est créé : confirmez votre adresse</h2>
          <p>
            Un message vient d&apos;être envoyé à <strong className="break-words">{state.email}</strong> pour valider la création
            de votre compte. Ouvrez-le et cliquez sur le lien pour accéder une première fois à votre espace candidat. Le lien
            est valable 48 heures.
          </p>
        </Outcome>
        <p className="border-l-4 border-warning bg-warning-light px-4 py-3">
          <strong>Attention :</strong> ce message peut se trouver dans votre dossier « spam » ou « courrier indésirable ».
        </p>
        <form action={resendAction} className="space-y-2">
          <input type="hidden" name="email" value={state.email} />
          <SubmitButton variant="secondary" pendingLabel="Envoi…">
            Renvoyer le message
          </SubmitButton>
          {resent ? (
            <Alert tone="success" role="status">
              Un nouveau message vient d&apos;être envoyé. Le lien précédent ne fonctionne plus.
            </Alert>
          ) : null}
        </form>
      </div>
    );
  }

  if (state.status === "identifier-created") {
    return (
      <div className="max-w-3xl space-y-4">
        <Outcome className="space-y-2 border-l-4 border-success bg-success-light px-4 py-3">
          <h2 className="text-xl font-bold">Votre compte est créé</h2>
          <p>
            Votre identifiant est : <strong className="font-mono text-xl tracking-wide">{state.identifier}</strong>
          </p>
          <p>Notez-le : il vous sera demandé à chaque connexion, avec votre mot de passe.</p>
        </Outcome>
        <section aria-labelledby="codes" className="space-y-2 border border-line p-4">
          <h3 id="codes" className="font-bold">
            Vos codes de secours
          </h3>
          <p>
            Sans adresse électronique, ces codes sont le seul moyen de choisir un nouveau mot de passe si vous oubliez le
            vôtre. Chaque code ne sert qu&apos;une fois. Imprimez cette page ou recopiez-les, et gardez-les en lieu sûr :
            ils ne seront plus jamais affichés.
          </p>
          <ul className="grid grid-cols-2 gap-2 font-mono text-lg sm:grid-cols-4">
            {state.recoveryCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
          <button type="button" onClick={() => window.print()} className="text-france underline">
            Imprimer mes codes
          </button>
        </section>
        <p>
          <Link href="/" className="text-france underline">
            J&apos;ai noté mon identifiant et mes codes : me connecter
          </Link>
        </p>
      </div>
    );
  }

  const { errors, values, attempt, refusal } = editing;
  const text = (name: string) => textValue(values, name);
  return (
    // A new key per attempt remounts the fields with the values sent back (React's reset of a
    // <select> after a form action ignores its defaultValue).
    <form key={attempt} action={action} noValidate className="max-w-3xl space-y-6">
      <ErrorSummary errors={errors} labels={labels} />
      <FormOutcome error={refusal} />
      <RequiredNote />

      <Fieldset legend="Identifiant">
        <p className="border-l-4 border-warning bg-caution-light px-4 py-3 text-sm">
          Une adresse électronique et un mot de passe sont nécessaires pour vous connecter. Si vous n&apos;avez pas
          d&apos;adresse électronique, un identifiant vous sera généré.
        </p>
        <div className="flex items-start gap-3">
          <input
            id="noEmail"
            name="noEmail"
            type="checkbox"
            className="mt-1 h-5 w-5"
            aria-describedby="noEmail-consequence"
            // Uncontrolled: React resets the form after each submission, and the DOM must then
            // show what was sent (returned in `values`), as the email fields below do.
            defaultChecked={Boolean(values.noEmail)}
            onChange={(event) => setNoEmail(event.target.checked)}
          />
          <label htmlFor="noEmail">Vous n&apos;avez pas d&apos;adresse électronique (un identifiant vous sera généré)</label>
        </div>
        <p id="noEmail-consequence" aria-live="polite" className={noEmail ? "text-sm font-medium" : "sr-only"}>
          {noEmail
            ? "Sans adresse électronique, votre numéro de téléphone devient obligatoire : il est demandé juste en dessous."
            : ""}
        </p>
        {noEmail ? null : (
          <>
            <TextField
              id="email"
              name="email"
              type="email"
              label="Courriel"
              autoComplete="email"
              required
              defaultValue={text("email")}
              error={errors.email}
              onChange={(event) => setNames((current) => ({ ...current, email: event.target.value }))}
            />
            <TextField
              id="emailConfirmation"
              name="emailConfirmation"
              type="email"
              label="Confirmez votre courriel"
              autoComplete="email"
              required
              defaultValue={text("emailConfirmation")}
              error={errors.emailConfirmation}
              onPaste={(event) => event.preventDefault()}
            />
          </>
        )}
        <PhoneField values={values} errors={errors} required={noEmail} />
      </Fieldset>

      <Fieldset legend="Mot de passe">
        <p className="border-l-4 border-warning bg-caution-light px-4 py-3 text-sm">
          Au moins 8 caractères, avec des majuscules, des minuscules et au moins un caractère spécial. Évitez les mots
          courants et vos données personnelles ; une phrase de plusieurs mots est plus sûre et plus facile à retenir.
        </p>
        <NewPasswordFields
          labels={{ password: "Mot de passe", confirmation: "Confirmez votre mot de passe" }}
          errors={errors}
          personalData={personalData}
        />
      </Fieldset>

      <Fieldset legend="Vous">
        <PersonalDetailsFields
          values={values}
          errors={errors}
          countries={countries}
          onNameChange={(field, value) => setNames((current) => ({ ...current, [field]: value }))}
        />
      </Fieldset>

      <Fieldset legend="Divers">
        <MiscField values={values} errors={errors} />
      </Fieldset>

      <SubmitButton pendingLabel="Création du compte…">Valider</SubmitButton>
    </form>
  );
}
