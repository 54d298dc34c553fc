"use server";

import { formInput, formState, serverAction } from "@/app/_data/action";
import { redirect } from "next/navigation";
import { z } from "zod";
import { tokenShape } from "@/lib/auth/tokens";
import { acceptInvitation } from "@/lib/staff/team";

export type InvitationState = { errors: Partial<Record<"password" | "passwordConfirmation" | "token", string>>; attempt: number };

const form = z.object({
  token: z.string().regex(tokenShape),
  password: z.string({ message: "Indiquez un mot de passe." }).max(1024, "Ce mot de passe est trop long."),
  passwordConfirmation: z.string({ message: "Confirmez votre mot de passe." }).max(1024, "Ce mot de passe est trop long."),
});

/** The invited staff member chooses their password, then signs in on the staff sign-in page. */
export const choosePassword = serverAction("public", [formState<InvitationState>(), formInput], async (_caller, previous, formData): Promise<InvitationState> => {
  const attempt = previous.attempt + 1;
  const parsed = form.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: { token: "Ce lien n'est pas valide. Demandez une nouvelle invitation." }, attempt };
  if (parsed.data.password !== parsed.data.passwordConfirmation) return { errors: { passwordConfirmation: "Les deux mots de passe ne sont pas identiques." }, attempt };
  const result = await acceptInvitation(parsed.data.token, parsed.data.password);
  if (!result.ok) return { errors: { [result.field]: result.message }, attempt };
  redirect("/admin/connexion?active=1");
});
