"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { formInput, formState, serverAction } from "@/app/_data/action";
import { createDiploma, deleteDiploma, startDiplomaUpload, updateDiploma, verifyDiplomaUpload } from "@/lib/diplomas/diplomas";
import { readDiplomaForm, type RawDiplomaForm } from "@/lib/diplomas/form-fields";
import { declaredFileSchema } from "@/lib/uploads/uploads";
import { idSchema } from "@/lib/validation";
import { z } from "zod";

export type DiplomaFormState = {
  errors: Partial<Record<string, string>>;
  values?: RawDiplomaForm & { fileName?: string };
  attempt: number;
};

function kept(form: FormData) {
  return { ...readDiplomaForm(form), fileName: String(form.get("fileName") ?? "").slice(0, 255) };
}

/** "Valider" on "Ajouter un diplôme". Each action checks the session and ownership itself. */
export const submitNewDiploma = serverAction("candidate", [formState<DiplomaFormState>(), formInput], async (user, previous, form): Promise<DiplomaFormState> => {
  const values = kept(form);
  const result = await createDiploma(user.id, values);
  if (!result.ok) return { errors: "errors" in result ? result.errors : {}, values, attempt: previous.attempt + 1 };
  revalidatePath("/", "layout");
  redirect("/diplomes?enregistre=1");
});

/** "Valider" on "Modifier". */
export const submitDiplomaChanges = serverAction("candidate", [idSchema, formState<DiplomaFormState>(), formInput], async (user, id, previous, form): Promise<DiplomaFormState> => {
  const values = kept(form);
  const result = await updateDiploma(user.id, id, values);
  if (!result.ok && "notFound" in result) notFound();
  if (!result.ok) return { errors: result.errors, values, attempt: previous.attempt + 1 };
  revalidatePath("/", "layout");
  redirect("/diplomes?enregistre=1");
});

/** "Supprimer", from the confirmation dialog. */
export const removeDiploma = serverAction("candidate", [formInput], async (user, form): Promise<void> => {
  const id = idSchema.safeParse(form.get("diplomaId"));
  if (!id.success || !(await deleteDiploma(user.id, id.data))) notFound();
  revalidatePath("/", "layout");
  redirect("/diplomes?supprime=1");
});

/** Upload step 1: a presigned POST for the diploma's file. */
export const startDiplomaFile = serverAction("candidate", [z.unknown()], async (user, file) => {
  const declared = declaredFileSchema.safeParse(file);
  if (!declared.success) return { ok: false as const, message: "Ce fichier ne peut pas être déposé : son nom ou sa taille est invalide." };
  return startDiplomaUpload(user.id, declared.data);
});

/** Upload step 2: the server checks what storage received; "Valider" then links it. */
export const verifyDiplomaFile = serverAction("candidate", [z.unknown()], async (user, fileId) => {
  const id = idSchema.safeParse(fileId);
  if (!id.success) return { ok: false as const, message: "Ce fichier est introuvable." };
  return verifyDiplomaUpload(user.id, id.data);
});
