"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireCandidate } from "@/app/_data/session";
import { createDiploma, deleteDiploma, startDiplomaUpload, updateDiploma, verifyDiplomaUpload } from "@/lib/diplomas/diplomas";
import { readDiplomaForm, type RawDiplomaForm } from "@/lib/diplomas/form-schema";
import { declaredFileSchema } from "@/lib/uploads/uploads";
import { idSchema } from "@/lib/validation";

export type DiplomaFormState = {
  errors: Partial<Record<string, string>>;
  values?: RawDiplomaForm & { fileName?: string };
  attempt: number;
};

function kept(formData: FormData) {
  return { ...readDiplomaForm(formData), fileName: String(formData.get("fileName") ?? "").slice(0, 255) };
}

/** "Valider" on "Ajouter un diplôme". Each action checks the session and ownership itself. */
export async function submitNewDiploma(previous: DiplomaFormState, formData: FormData): Promise<DiplomaFormState> {
  const user = await requireCandidate();
  const values = kept(formData);
  const result = await createDiploma(user.id, values);
  if (!result.ok) return { errors: "errors" in result ? result.errors : {}, values, attempt: previous.attempt + 1 };
  revalidatePath("/", "layout");
  redirect("/diplomes?enregistre=1");
}

/** "Valider" on "Modifier". */
export async function submitDiplomaChanges(diplomaId: unknown, previous: DiplomaFormState, formData: FormData): Promise<DiplomaFormState> {
  const user = await requireCandidate();
  const id = idSchema.safeParse(diplomaId);
  if (!id.success) notFound();
  const values = kept(formData);
  const result = await updateDiploma(user.id, id.data, values);
  if (!result.ok && "notFound" in result) notFound();
  if (!result.ok) return { errors: result.errors, values, attempt: previous.attempt + 1 };
  revalidatePath("/", "layout");
  redirect("/diplomes?enregistre=1");
}

/** "Supprimer", from the confirmation dialog. */
export async function removeDiploma(formData: FormData): Promise<void> {
  const user = await requireCandidate();
  const id = idSchema.safeParse(formData.get("diplomaId"));
  if (!id.success || !(await deleteDiploma(user.id, id.data))) notFound();
  revalidatePath("/", "layout");
  redirect("/diplomes?supprime=1");
}

/** Upload step 1: a presigned POST for the diploma's file. */
export async function startDiplomaFile(file: unknown) {
  const user = await requireCandidate();
  const declared = declaredFileSchema.safeParse(file);
  if (!declared.success) return { ok: false as const, message: "Ce fichier ne peut pas être déposé : son nom ou sa taille est invalide." };
  return startDiplomaUpload(user.id, declared.data);
}

/** Upload step 2: the server checks what storage received; "Valider" then links it. */
export async function verifyDiplomaFile(fileId: unknown) {
  const user = await requireCandidate();
  const id = idSchema.safeParse(fileId);
  if (!id.success) return { ok: false as const, message: "Ce fichier est introuvable." };
  return verifyDiplomaUpload(user.id, id.data);
}
