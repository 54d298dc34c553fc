"use client";

import { useActionState } from "react";
import { NewPasswordFields } from "@/components/accounts/new-password-fields";
import {
  MiscField,
  PersonalDetailsFields,
  personalDetailsLabels,
  PhoneField,
  type PersonalDetailsValues,
} from "@/components/accounts/personal-details-fields";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RequiredNote, TextField } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { changeEmail, newRecoveryCodes, removeAccount, saveProfile, updatePassword, type FormState, type RecoveryCodesState } from "./actions";

const initial: FormState = { errors: {}, attempt: 0 };

function Success({ state }: { state: FormState }) {
  return state.ok && state.message ? (
    <Alert tone="success" role="status">
      {state.message}
    </Alert>
  ) : null;
}

export function ProfileForm({
  saved,
  countries,
  hasEmail,
}: {
  saved: PersonalDetailsValues;
  countries: { code: string; name: string }[];
  hasEmail: boolean;
}) {
  const [state, action] = useActionState(saveProfile, initial);
  const values = state.values ?? saved;
  return (
    <form key={state.attempt} action={action} noValidate className="space-y-4">
      <Success state={state} />
      <ErrorSummary errors={state.errors} labels={personalDetailsLabels} />
      <RequiredNote />
      <PersonalDetailsFields values={values} errors={state.errors} countries={countries} />
      <PhoneField values={values} errors={state.errors} required={!hasEmail} />
      <MiscField values={values} errors={state.errors} />
      <SubmitButton pendingLabel="Enregistrement…">Enregistrer mes informations</SubmitButton>
    </form>
  );
}

export function EmailForm({ hasEmail }: { hasEmail: boolean }) {
  const [state, action] = useActionState(changeEmail, initial);
  return (
    <form key={state.attempt} action={action} noValidate className="space-y-4">
      <Success state={state} />
      <ErrorSummary
        errors={state.errors}
        labels={{ newEmail: hasEmail ? "Nouvelle adresse électronique" : "Adresse électronique", currentPassword: "Votre mot de passe actuel" }}
        targets={{ currentPassword: "emailCurrentPassword" }}
      />
      <TextField
        id="newEmail"
        name="newEmail"
        type="email"
        label={hasEmail ? "Nouvelle adresse électronique" : "Adresse électronique"}
        hint={hasEmail ? undefined : "Une fois confirmée, elle deviendra votre identifiant de connexion."}
        autoComplete="email"
        required
        defaultValue={state.values?.newEmail}
        error={state.errors.newEmail}
      />
      <TextField
        id="emailCurrentPassword"
        name="currentPassword"
        type="password"
        label="Votre mot de passe actuel"
        autoComplete="current-password"
        required
        error={state.errors.currentPassword}
      />
      <SubmitButton pendingLabel="Envoi…">Recevoir un lien de confirmation</SubmitButton>
    </form>
  );
}

export function PasswordForm() {
  const [state, action] = useActionState(updatePassword, initial);
  return (
    <form key={state.attempt} action={action} noValidate className="space-y-4">
      <Success state={state} />
      <ErrorSummary
        errors={state.errors}
        labels={{ currentPassword: "Mot de passe actuel", password: "Nouveau mot de passe", passwordConfirmation: "Confirmez le nouveau mot de passe" }}
        targets={{ password: "newPassword", passwordConfirmation: "newPasswordConfirmation" }}
      />
      <TextField id="currentPassword" name="currentPassword" type="password" label="Mot de passe actuel" autoComplete="current-password" required error={state.errors.currentPassword} />
      <NewPasswordFields
        ids={{ password: "newPassword", confirmation: "newPasswordConfirmation" }}
        labels={{ password: "Nouveau mot de passe", confirmation: "Confirmez le nouveau mot de passe" }}
        hint="Au moins 8 caractères, avec des majuscules, des minuscules et un caractère spécial."
        errors={state.errors}
      />
      <SubmitButton pendingLabel="Enregistrement…">Changer de mot de passe</SubmitButton>
    </form>
  );
}

export function RecoveryCodesForm() {
  const [state, action] = useActionState(newRecoveryCodes, initial as RecoveryCodesState);
  if (state.codes) {
    return (
      <div className="space-y-3">
        <Success state={state} />
        <ul aria-label="Vos nouveaux codes de secours" className="grid grid-cols-2 gap-2 font-mono text-lg sm:grid-cols-4">
          {state.codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <p>Chaque code ne sert qu&apos;une fois. Imprimez-les ou recopiez-les maintenant : ils ne seront plus affichés.</p>
        <button type="button" onClick={() => window.print()} className="min-h-6 text-france underline">
          Imprimer mes codes
        </button>
      </div>
    );
  }
  return (
    <form key={state.attempt} action={action} noValidate className="space-y-4">
      <ErrorSummary errors={state.errors} labels={{ regeneratePassword: "Votre mot de passe, pour confirmer" }} />
      <TextField
        id="regeneratePassword"
        name="regeneratePassword"
        type="password"
        label="Votre mot de passe, pour confirmer"
        autoComplete="current-password"
        required
        error={state.errors.regeneratePassword}
      />
      <SubmitButton variant="secondary" pendingLabel="Génération…">
        Générer de nouveaux codes de secours
      </SubmitButton>
    </form>
  );
}

export function DeleteAccountForm() {
  const [state, action] = useActionState(removeAccount, initial);
  return (
    <details className="border border-marianne p-4" open={Boolean(state.errors.deletePassword)}>
      <summary className="cursor-pointer font-bold text-marianne">Supprimer mon compte</summary>
      <form key={state.attempt} action={action} noValidate className="mt-4 space-y-4">
        <p>
          La suppression est <strong>définitive</strong> : votre compte, vos candidatures, vos diplômes et tous les fichiers
          que vous avez déposés seront effacés. Nos services ne pourront plus étudier votre candidature.
        </p>
        <ErrorSummary errors={state.errors} labels={{ deletePassword: "Votre mot de passe, pour confirmer" }} />
        <TextField
          id="deletePassword"
          name="deletePassword"
          type="password"
          label="Votre mot de passe, pour confirmer"
          autoComplete="current-password"
          required
          error={state.errors.deletePassword}
        />
        <button type="submit" className="inline-flex min-h-11 items-center bg-marianne px-5 py-2 font-medium text-white hover:opacity-90">
          Supprimer définitivement mon compte
        </button>
      </form>
    </details>
  );
}
