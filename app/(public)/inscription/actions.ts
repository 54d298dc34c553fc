"use server";

import { booleanState, formInput, formState, serverAction } from "@/app/_data/action";
import { z } from "zod";
import { resendVerification, registerCandidate } from "@/lib/accounts/registration";
import { parseRegistration, type FieldErrors } from "@/lib/accounts/registration-schema";

export type RegistrationValues = Record<string, string | boolean>;

export type RegistrationState =
  | { status: "editing"; errors: FieldErrors; values: RegistrationValues; attempt: number }
  | { status: "verification-sent"; email: string }
  | { status: "identifier-created"; identifier: string; recoveryCodes: string[] };

const textFields = [
  "email",
  "emailConfirmation",
  "civility",
  "usageName",
  "birthName",
  "firstName",
  "birthDate",
  "birthPlace",
  "nationality",
  "phone",
  "misc",
] as const;

/** "Valider" on the registration form. Typed values come back on error, never the passwords. */
export const register = serverAction("public", [formState<RegistrationState>(), formInput], async (_caller, previous, formData): Promise<RegistrationState> => {
  const text = (name: string) => String(formData.get(name) ?? "").slice(0, 2000);
  const raw = {
    ...Object.fromEntries(textFields.map((name) => [name, text(name)])),
    noEmail: formData.get("noEmail") === "on",
    password: text("password"),
    passwordConfirmation: text("passwordConfirmation"),
  } as Parameters<typeof parseRegistration>[0];
  const parsed = parseRegistration(raw);
  if (!parsed.ok) {
    const values: RegistrationValues = Object.fromEntries(textFields.map((name) => [name, text(name)]));
    values.noEmail = raw.noEmail;
    const attempt = previous.status === "editing" ? previous.attempt + 1 : 1;
    return { status: "editing", errors: parsed.errors, values, attempt };
  }
  const outcome = await registerCandidate(parsed.data);
  return outcome.kind === "verification-sent"
    ? { status: "verification-sent", email: outcome.email }
    : { status: "identifier-created", identifier: outcome.identifier, recoveryCodes: outcome.recoveryCodes };
});

/** "Renvoyer le message" after registering: a new link if that address still awaits confirmation. */
export const resend = serverAction("public", [booleanState, formInput], async (_caller, _previous, formData): Promise<boolean> => {
  const email = z.email().safeParse(String(formData.get("email") ?? "").trim().toLowerCase());
  if (email.success) await resendVerification(email.data);
  return true;
});
