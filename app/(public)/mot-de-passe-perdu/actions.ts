"use server";

import { formInput, formState, serverAction } from "@/app/_data/action";
import { z } from "zod";
import { resetAfterResponse, tooManyMailRequests } from "@/app/_data/mail-requests";
import { resetPasswordWithRecoveryCode } from "@/lib/accounts/password-reset";
import { tryAgainAt } from "@/lib/auth/allowance";

export type ResetRequestState = { sent: boolean; error?: string; identifier?: string };

/**
 * Same answer, in the same time, whether or not the identifier has an account: the lookup and
 * the mail happen after the response is sent.
 */
export const requestReset = serverAction("public", [formState<ResetRequestState>(), formInput], async (_caller, _previous, formData): Promise<ResetRequestState> => {
  const identifier = z.string().trim().min(1).max(320).safeParse(formData.get("identifier"));
  if (!identifier.success) return { sent: false, error: "Indiquez votre identifiant (votre adresse électronique)." };
  const until = await resetAfterResponse(identifier.data);
  if (until) return { sent: false, identifier: identifier.data, error: `${tooManyMailRequests} : ${tryAgainAt(until)}.` };
  return { sent: true };
});

export type RecoveryState = {
  done: boolean;
  errors: Partial<Record<"identifier" | "code" | "password" | "passwordConfirmation", string>>;
  identifier?: string;
};

const recoveryForm = z.object({
  identifier: z
    .string({ message: "Indiquez l'identifiant qui vous a été donné à l'inscription." })
    .trim()
    .min(1, "Indiquez l'identifiant qui vous a été donné à l'inscription.")
    .max(64, "Cet identifiant est trop long : il ressemble à aesh-k7m3-q9xp."),
  code: z
    .string({ message: "Indiquez l'un de vos codes de secours." })
    .trim()
    .min(1, "Indiquez l'un de vos codes de secours.")
    .max(32, "Ce code est trop long : il ressemble à K7M3Q-9XPAD."),
  password: z.string({ message: "Indiquez un mot de passe." }).max(1024, "Ce mot de passe est trop long."),
  passwordConfirmation: z.string({ message: "Confirmez votre mot de passe." }).max(1024, "Ce mot de passe est trop long."),
});

/** Without email: a one-time recovery code and a new password. */
export const recoverWithCode = serverAction("public", [formState<RecoveryState>(), formInput], async (_caller, _previous, formData): Promise<RecoveryState> => {
  const parsed = recoveryForm.safeParse(Object.fromEntries(formData));
  const identifier = String(formData.get("identifier") ?? "").slice(0, 64);
  if (!parsed.success) {
    const errors: RecoveryState["errors"] = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as keyof RecoveryState["errors"]] ??= issue.message;
    return { done: false, errors, identifier };
  }
  if (parsed.data.password !== parsed.data.passwordConfirmation) {
    return { done: false, errors: { passwordConfirmation: "Les deux mots de passe ne sont pas identiques." }, identifier };
  }
  const result = await resetPasswordWithRecoveryCode(parsed.data);
  if (result.ok) return { done: true, errors: {} };
  return { done: false, errors: { [result.field === "token" ? "code" : result.field]: result.message }, identifier };
});
