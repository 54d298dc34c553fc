"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { resetPasswordWithToken } from "@/lib/accounts/password-reset";
import { tokenShape } from "@/lib/auth/tokens";

export type NewPasswordState = { errors: Partial<Record<"password" | "passwordConfirmation" | "token", string>> };

const newPasswordForm = z.object({
  token: z.string().regex(tokenShape),
  password: z.string().max(1024),
  passwordConfirmation: z.string().max(1024),
});

/** Sets the new password, ends every open session of the account, then sends to the login. */
export async function setNewPassword(_previous: NewPasswordState, formData: FormData): Promise<NewPasswordState> {
  const parsed = newPasswordForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: { token: "Ce lien n'est pas valide. Demandez un nouveau lien depuis « Mot de passe perdu »." } };
  if (parsed.data.password !== parsed.data.passwordConfirmation) {
    return { errors: { passwordConfirmation: "Les deux mots de passe ne sont pas identiques." } };
  }
  const result = await resetPasswordWithToken(parsed.data.token, parsed.data.password);
  if (!result.ok) return { errors: { [result.field === "code" ? "token" : result.field]: result.message } };
  redirect("/?motdepasse=change");
}
