"use client";

import { useActionState } from "react";
import {
  ContactFields,
  PersonalDetailsFields,
  personalDetailsLabels,
  type PersonalDetailsValues,
} from "@/components/accounts/personal-details-fields";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RequiredNote, TextField } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { changeEmail, removeAccount, saveProfile, updatePassword, type FormState } from "./actions";

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
      <ContactFields values={values} errors={state.errors} phoneRequired={!hasEmail} />
      <SubmitButton pendingLabel="Enregistrement…">Enregistrer mes informations</SubmitButton>
    </form>
  );
}

export function EmailForm({ hasEmail }: { hasEmail: boolean }) {
  const [state, action] = useActionState(changeEmail, initial);
  return (
    <form key={state.attempt} action={action} noValidate className="space-y-4">
      <Success state={state} />
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
      <TextField id="currentPassword" name="currentPassword" type="password" label="Mot de passe actuel" autoComplete="current-password" required error={state.errors.currentPassword} />
      <TextField
        id="newPassword"
        name="password"
        type="password"
        label="Nouveau mot de passe"
        hint="Au moins 8 caractères, avec des majuscules, des minuscules et un caractère spécial."
        autoComplete="new-password"
        required
        error={state.errors.password}
      />
      <TextField id="newPasswordConfirmation" name="passwordConfirmation" type="password" label="Confirmez le nouveau mot de passe" autoComplete="new-password" required error={state.errors.passwordConfirmation} />
      <SubmitButton pendingLabel="Enregistrement…">Changer de mot de passe</SubmitButton>
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
