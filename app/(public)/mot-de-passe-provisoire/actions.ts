"use server";

import { formInput, formState, serverAction } from "@/app/_data/action";
import { redirect } from "next/navigation";
import { z } from "zod";
import { replaceProvisionalPassword } from "@/lib/accounts/password-reset";
import { signIn } from "@/lib/auth/auth";

export type ProvisionalState = { errors: Partial<Record<"password" | "passwordConfirmation", string>>; attempt: number };

const form = z.object({
  password: z.string({ message: "Indiquez un mot de passe." }).max(1024, "Ce mot de passe est trop long."),
  passwordConfirmation: z.string({ message: "Confirmez votre mot de passe." }).max(1024, "Ce mot de passe est trop long."),
});

/** The temporary password given by staff is replaced by one the candidate chooses. */
export const replaceTemporaryPassword = serverAction("provisional-candidate", [formState<ProvisionalState>(), formInput], async (user, previous, formData): Promise<ProvisionalState> => {
  const attempt = previous.attempt + 1;
  const parsed = form.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: { password: parsed.error.issues[0]!.message }, attempt };
  if (parsed.data.password !== parsed.data.passwordConfirmation) {
    return { errors: { passwordConfirmation: "Les deux mots de passe ne sont pas identiques." }, attempt };
  }
  if (!user.mustChangePassword) redirect("/tableau-de-bord");
  const result = await replaceProvisionalPassword(user.id, parsed.data.password);
  if (!result.ok) return { errors: { password: result.message }, attempt };
  // Every session ended with the change: this one goes on with the new password.
  await signIn("password", { identifier: user.identifier, password: parsed.data.password, redirectTo: "/tableau-de-bord?mot_de_passe=change" });
  return { errors: {}, attempt };
});
