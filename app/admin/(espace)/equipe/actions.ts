"use server";

import { formInput, formState, serverAction } from "@/app/_data/action";
import { z } from "zod";
import { resetMemberFactors } from "@/lib/staff/factors";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { inviteStaff, resendInvitation, setMemberActive, updateMember } from "@/lib/staff/team";
import { idSchema } from "@/lib/validation";

export type TeamFormState = { ok?: boolean; message?: string; errors: Partial<Record<string, string>>; values?: Record<string, string | string[]>; attempt: number };

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "").slice(0, 320);
const codes = (formData: FormData) => formData.getAll("departements").map(String).slice(0, 50);

/** "Inviter": admins only, checked here and in lib. */
export const invite = serverAction("admin", [formState<TeamFormState>(), formInput], async (admin, previous, formData): Promise<TeamFormState> => {
  const values = { email: text(formData, "email"), role: text(formData, "role"), departements: codes(formData) };
  const attempt = previous.attempt + 1;
  const result = await inviteStaff(admin, values);
  if (!result.ok && "notFound" in result) notFound();
  if (!result.ok) return { errors: result.errors, values, attempt };
  revalidatePath("/admin/equipe");
  return { ok: true, message: `Invitation envoyée à ${values.email.trim().toLowerCase()} : le lien est valable 48 heures.`, errors: {}, attempt };
});

export const saveMember = serverAction("admin", [z.unknown(), formState<TeamFormState>(), formInput], async (admin, userId, previous, formData): Promise<TeamFormState> => {
  const id = idSchema.safeParse(userId);
  if (!id.success) notFound();
  const attempt = previous.attempt + 1;
  const values = { role: text(formData, "role"), departements: codes(formData) };
  const result = await updateMember(admin, id.data, values);
  if (!result.ok && "notFound" in result) notFound();
  if (!result.ok) return { errors: result.errors, values, attempt };
  revalidatePath("/admin/equipe", "layout");
  return { ok: true, message: "Rôle et départements enregistrés : ils valent dès sa prochaine page.", errors: {}, attempt };
});

/** Deactivate or reactivate, from a confirmation dialog. */
export const toggleMember = serverAction("admin", [formInput], async (admin, formData): Promise<void> => {
  const id = idSchema.safeParse(formData.get("userId"));
  if (!id.success) notFound();
  const active = formData.get("actif") === "oui";
  const result = await setMemberActive(admin, id.data, active);
  if (!result.ok && "notFound" in result) notFound();
  revalidatePath("/admin/equipe", "layout");
  redirect(`/admin/equipe/${id.data}?${result.ok ? (active ? "reactive=1" : "desactive=1") : "refuse=1"}`);
});

export const resend = serverAction("admin", [formInput], async (admin, formData): Promise<void> => {
  const id = idSchema.safeParse(formData.get("userId"));
  if (!id.success) notFound();
  const result = await resendInvitation(admin, id.data);
  if (!result.ok && "notFound" in result) notFound();
  redirect(`/admin/equipe/${id.data}?${result.ok ? "renvoyee=1" : "refuse=1"}`);
});

/** "Réinitialiser la double authentification" of a colleague who lost their devices and codes. */
export const resetFactors = serverAction("admin", [formInput], async (admin, formData): Promise<void> => {
  const id = idSchema.safeParse(formData.get("userId"));
  if (!id.success) notFound();
  const done = await resetMemberFactors(admin, id.data);
  revalidatePath("/admin/equipe", "layout");
  redirect(`/admin/equipe/${id.data}?${done ? "reinitialise=1" : "refuse=1"}`);
});
