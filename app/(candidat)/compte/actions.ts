"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formInput, formState, serverAction } from "@/app/_data/action";
import { changePassword, deleteAccount, profileSchema, requestEmailChange, updateProfile } from "@/lib/accounts/account";
import { signIn, signOut } from "@/lib/auth/auth";
import { regenerateRecoveryCodes } from "@/lib/accounts/recovery-codes";
import { fieldErrors } from "@/lib/validation";

export type FormState = { ok?: boolean; message?: string; errors: Partial<Record<string, string>>; values?: Record<string, string>; attempt: number };

const profileFields = ["civility", "usageName", "birthName", "firstName", "birthDate", "birthPlace", "nationality", "phone", "misc"] as const;

/** "Mes informations personnelles". Each action checks the session itself. */
export const saveProfile = serverAction("candidate", [formState<FormState>(), formInput], async (user, previous, form): Promise<FormState> => {
  const values = Object.fromEntries(profileFields.map((name) => [name, String(form.get(name) ?? "").slice(0, 2000)]));
  const parsed = profileSchema.safeParse(values);
  const attempt = previous.attempt + 1;
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values, attempt };
  if (!user.email && !parsed.data.phone) {
    return { errors: { phone: "Sans adresse électronique, indiquez un numéro de téléphone pour que nos services puissent vous joindre." }, values, attempt };
  }
  await updateProfile(user.id, parsed.data);
  revalidatePath("/", "layout");
  return { ok: true, message: "Vos informations sont enregistrées.", errors: {}, attempt };
});

/** "Changer d'adresse électronique": a link to the new address, a notice to the old one. */
export const changeEmail = serverAction("candidate", [formState<FormState>(), formInput], async (user, previous, form): Promise<FormState> => {
  const input = z.object({ newEmail: z.string().max(254), currentPassword: z.string().max(1024) }).safeParse(Object.fromEntries(form));
  const attempt = previous.attempt + 1;
  if (!input.success) return { errors: { newEmail: "Indiquez une adresse électronique valide." }, attempt };
  const result = await requestEmailChange(user.id, input.data.newEmail, input.data.currentPassword);
  if (!result.ok) return { errors: result.errors, values: { newEmail: input.data.newEmail }, attempt };
  return {
    ok: true,
    message: `Un message vient d'être envoyé à ${input.data.newEmail.trim().toLowerCase()} : cliquez sur le lien qu'il contient pour confirmer la nouvelle adresse. D'ici là, l'adresse actuelle reste valable.`,
    errors: {},
    attempt,
  };
});

/** "Changer de mot de passe": other sessions end; this one continues with the new password. */
export const updatePassword = serverAction("candidate", [formState<FormState>(), formInput], async (user, previous, form): Promise<FormState> => {
  const input = z
    .object({ currentPassword: z.string().max(1024), password: z.string().max(1024), passwordConfirmation: z.string().max(1024) })
    .safeParse(Object.fromEntries(form));
  const attempt = previous.attempt + 1;
  if (!input.success) return { errors: { password: "Indiquez un nouveau mot de passe." }, attempt };
  if (input.data.password !== input.data.passwordConfirmation) {
    return { errors: { passwordConfirmation: "Les deux mots de passe ne sont pas identiques." }, attempt };
  }
  const result = await changePassword(user.id, input.data);
  if (!result.ok) return { errors: result.errors, attempt };
  await signIn("password", { identifier: user.identifier, password: input.data.password, redirect: false });
  return { ok: true, message: "Votre mot de passe est changé. Vos autres sessions ont été fermées.", errors: {}, attempt };
});

/** "Supprimer mon compte", confirmed by the password. */
export const removeAccount = serverAction("candidate", [formState<FormState>(), formInput], async (user, previous, form): Promise<FormState> => {
  const password = z.string().max(1024).safeParse(form.get("deletePassword"));
  const attempt = previous.attempt + 1;
  if (!password.success || !password.data) return { errors: { deletePassword: "Indiquez votre mot de passe pour confirmer." }, attempt };
  const result = await deleteAccount(user.id, password.data);
  if (!result.ok) return { errors: result.errors, attempt };
  await signOut({ redirectTo: "/?compte=supprime" });
  return { ok: true, errors: {}, attempt };
});

export type RecoveryCodesState = FormState & { codes?: string[] };

/** "Générer de nouveaux codes de secours" (accounts without email), confirmed by the password. */
export const newRecoveryCodes = serverAction("candidate", [formState<RecoveryCodesState>(), formInput], async (user, previous, form): Promise<RecoveryCodesState> => {
  const attempt = previous.attempt + 1;
  if (user.email) return { errors: { regeneratePassword: "Avec une adresse électronique, « Mot de passe perdu » vous envoie un lien : pas besoin de codes de secours." }, attempt };
  const password = z.string().max(1024).safeParse(form.get("regeneratePassword"));
  if (!password.success || !password.data) return { errors: { regeneratePassword: "Indiquez votre mot de passe pour confirmer." }, attempt };
  const result = await regenerateRecoveryCodes(user.id, password.data);
  if (!result.ok) return { errors: result.errors, attempt };
  revalidatePath("/compte");
  return { ok: true, message: "Vos nouveaux codes de secours sont prêts : les précédents ne fonctionnent plus.", errors: {}, attempt, codes: result.codes };
});
