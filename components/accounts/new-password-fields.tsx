"use client";

import { useState, type ReactNode } from "react";
import { TextField } from "@/components/ui/form";
import { PasswordStrength } from "@/components/ui/password-strength";

const noPersonalData: string[] = [];

/**
 * A new password, its strength meter and its confirmation. The meter reads the field's own
 * state, so when a refused form is redrawn with empty password fields the meter empties too
 * (mount this inside the form that is re-keyed per attempt).
 */
export function NewPasswordFields({
  ids = { password: "password", confirmation: "passwordConfirmation" },
  labels,
  hint,
  errors,
  personalData = noPersonalData,
}: {
  ids?: { password: string; confirmation: string };
  labels: { password: string; confirmation: string };
  hint?: ReactNode;
  errors: Partial<Record<string, string>>;
  /** Names and address typed in the same form: a password built from them is refused. */
  personalData?: string[];
}) {
  const [password, setPassword] = useState("");
  return (
    <>
      <div>
        <TextField
          id={ids.password}
          name="password"
          type="password"
          label={labels.password}
          hint={hint}
          autoComplete="new-password"
          required
          maxLength={128}
          error={errors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <PasswordStrength password={password} personalData={personalData} />
      </div>
      <TextField
        id={ids.confirmation}
        name="passwordConfirmation"
        type="password"
        label={labels.confirmation}
        autoComplete="new-password"
        required
        maxLength={128}
        error={errors.passwordConfirmation}
      />
    </>
  );
}
