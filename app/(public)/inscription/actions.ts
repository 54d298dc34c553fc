"use server";

import { booleanState, formInput, formState, serverAction } from "@/app/_data/action";
import { z } from "zod";
import { requestAddressSubject } from "@/app/_data/session";
import { resendAfterResponse } from "@/app/_data/mail-requests";
import { registerCandidate } from "@/lib/accounts/registration";
import { tryAgainAt } from "@/lib/auth/allowance";
import { parseRegistration, type FieldErrors } from "@/lib/accounts/registration-schema";

export type RegistrationValues = Record<string, string | boolean>;

export type RegistrationState =
  | { status: "editing"; errors: FieldErrors; values: RegistrationValues; attempt: number; refusal?: string }
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
  const kept = () => {
    const values: RegistrationValues = Object.fromEntries(textFields.map((name) => [name, text(name)]));
    values.noEmail = raw.noEmail;
    return { values, attempt: previous.status === "editing" ? previous.attempt + 1 : 1 };
  };
  if (!parsed.ok) return { status: "editing", errors: parsed.errors, ...kept() };
  const outcome = await registerCandidate(parsed.data, { addressSubject: await requestAddressSubject() });
  if (outcome.kind === "refused") {
    return {
      status: "editing",
      errors: {},
      ...kept(),
      refusal: `Trop d'inscriptions ont été demandées depuis votre connexion ou sur la plateforme ces dernières minutes. Votre compte n'a pas été créé : ${tryAgainAt(outcome.until)}.`,
    };
  }
  return outcome.kind === "verification-sent"
    ? { status: "verification-sent", email: outcome.email }
    : { status: "identifier-created", identifier: outcome.identifier, recoveryCodes: outcome.recoveryCodes };
});

/** "Renvoyer le message" after registering: a new link if that address still awaits confirmation. */
export const resend = serverAction("public", [booleanState, formInput], async (_caller, _previous, formData): Promise<boolean> => {
  const email = z.email().safeParse(String(formData.get("email") ?? "").trim().toLowerCase());
  if (email.success) await resendAfterResponse(email.data);
  return true;
});
