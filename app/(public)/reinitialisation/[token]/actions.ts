"use server";

import { formInput, formState, serverAction } from "@/app/_data/action";
import { redirect } from "next/navigation";
import { z } from "zod";
import { resetPasswordWithToken } from "@/lib/accounts/password-reset";
import { tokenShape } from "@/lib/auth/tokens";

/** `attempt` re-keys the form, so the emptied password fields and their meter start afresh. */
export type NewPasswordState = { errors: Partial<Record<"password" | "passwordConfirmation" | "token", string>>; attempt: number };

const newPasswordForm = z.object({
  token: z.string().regex(tokenShape),
  password: z.string().max(1024),
  passwordConfirmation: z.string().max(1024),
});

/** Sets the new password, ends every open session of the account, then sends to the login. */
export const setNewPassword = serverAction("public", [formState<NewPasswordState>(), formInput], async (_caller, previous, formData): Promise<NewPasswordState> => {
  const attempt = previous.attempt + 1;
  const parsed = newPasswordForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: { token: "Ce lien n'est pas valide. Demandez un nouveau lien depuis « Mot de passe perdu »." }, attempt };
  if (parsed.data.password !== parsed.data.passwordConfirmation) {
    return { errors: { passwordConfirmation: "Les deux mots de passe ne sont pas identiques." }, attempt };
  }
  const result = await resetPasswordWithToken(parsed.data.token, parsed.data.password);
  if (!result.ok) return { errors: { [result.field === "code" ? "token" : result.field]: result.message }, attempt };
  redirect("/?motdepasse=change");
});
