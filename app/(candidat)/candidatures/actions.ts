"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { formInput, formState, serverAction } from "@/app/_data/action";
import { createApplication, updateApplication } from "@/lib/applications/commands";
import { deleteApplication } from "@/lib/applications/removal";
import { confirmAttachmentUpload, deleteAttachment, startAttachmentUpload } from "@/lib/applications/attachments";
import { readApplicationForm, type RawApplicationForm } from "@/lib/applications/form-fields";
import { getDb } from "@/lib/db/client";
import { replyAsCandidate } from "@/lib/messages/messages";
import { keepOwnApplication } from "@/lib/renewals/renewals";
import { declaredFileSchema } from "@/lib/uploads/uploads";
import { idSchema } from "@/lib/validation";

export type ApplicationFormState = { errors: Partial<Record<string, string>>; values?: RawApplicationForm; attempt: number };

const notFoundMessage = "Cette candidature est introuvable.";

/** "Valider" on a new application. Each action checks the session and ownership itself. */
export const submitNewApplication = serverAction("candidate", [formState<ApplicationFormState>(), formInput], async (user, previous, form): Promise<ApplicationFormState> => {
  const values = readApplicationForm(form);
  const result = await createApplication(user.id, values);
  if (!result.ok) return { errors: result.errors, values, attempt: previous.attempt + 1 };
  revalidatePath("/", "layout");
  redirect(`/candidatures/${result.id}?enregistree=1`);
});

/** "Valider" on "Modifier". */
export const submitApplicationChanges = serverAction("candidate", [idSchema, formState<ApplicationFormState>(), formInput], async (user, id, previous, form): Promise<ApplicationFormState> => {
  const values = readApplicationForm(form);
  const result = await updateApplication(user.id, id, values);
  if (!result.ok && "notFound" in result) notFound();
  if (!result.ok) return { errors: result.errors, values, attempt: previous.attempt + 1 };
  revalidatePath("/", "layout");
  redirect(`/candidatures/${result.id}?enregistree=1`);
});

/** "Supprimer", from the confirmation dialog. */
export const removeApplication = serverAction("candidate", [formInput], async (user, form): Promise<void> => {
  const id = idSchema.safeParse(form.get("applicationId"));
  if (!id.success || !(await deleteApplication(user.id, id.data))) notFound();
  revalidatePath("/", "layout");
  redirect("/candidatures?supprimee=1");
});

const ids = z.object({ applicationId: idSchema, attachmentTypeId: idSchema });

/** Upload step 1: a presigned POST for this application's attachment type. */
export const startAttachment = serverAction("candidate", [z.unknown(), z.unknown()], async (user, target, file) => {
  const parsedTarget = ids.safeParse(target);
  const declared = declaredFileSchema.safeParse(file);
  if (!parsedTarget.success || !declared.success) return { ok: false as const, message: "Ce fichier ne peut pas être déposé : son nom ou sa taille est invalide." };
  const result = await startAttachmentUpload(user.id, parsedTarget.data.applicationId, parsedTarget.data.attachmentTypeId, declared.data);
  if (!result.ok) return { ok: false as const, message: "notFound" in result ? notFoundMessage : result.message };
  return result;
});

/** Upload step 2: the server checks what storage received, then links it. */
export const confirmAttachment = serverAction("candidate", [z.unknown(), z.unknown()], async (user, target, fileId) => {
  const parsedTarget = ids.safeParse(target);
  const parsedFile = idSchema.safeParse(fileId);
  if (!parsedTarget.success || !parsedFile.success) return { ok: false as const, message: notFoundMessage };
  const result = await confirmAttachmentUpload(user.id, parsedTarget.data.applicationId, parsedTarget.data.attachmentTypeId, parsedFile.data);
  if (!result.ok) return { ok: false as const, message: "notFound" in result ? notFoundMessage : result.message };
  revalidatePath("/", "layout");
  return { ok: true as const };
});

/** "Supprimer" a document, from its confirmation dialog. */
export const removeAttachment = serverAction("candidate", [formInput], async (user, form): Promise<void> => {
  const target = ids.safeParse(Object.fromEntries(form));
  if (!target.success) notFound();
  const result = await deleteAttachment(user.id, target.data.applicationId, target.data.attachmentTypeId);
  if (!result.ok && "notFound" in result) notFound();
  revalidatePath("/", "layout");
  redirect(`/candidatures/${target.data.applicationId}${result.ok ? "?piece=supprimee" : "?piece=verrouillee"}`);
});

/** "Maintenir ma candidature" from the candidate's space (from 30 days before the end of validity). */
export const keepApplication = serverAction("candidate", [formInput], async (user, form): Promise<void> => {
  const applicationId = idSchema.safeParse(form.get("applicationId"));
  if (!applicationId.success) notFound();
  const result = await keepOwnApplication(user.id, applicationId.data);
  if (!result.ok && result.reason === "not_found") notFound();
  revalidatePath("/", "layout");
  redirect(`/candidatures/${applicationId.data}?${result.ok ? "maintenue=1" : "maintien=impossible"}`);
});

export type ReplyState = { ok?: boolean; message?: string; errors: Partial<Record<string, string>>; attempt: number };

/** "Répondre" in the "Messages" block of an application. */
export const replyToService = serverAction("candidate", [idSchema, formState<ReplyState>(), formInput], async (user, id, previous, form): Promise<ReplyState> => {
  const attempt = previous.attempt + 1;
  const result = await replyAsCandidate(getDb(), user.id, id, String(form.get("reponse") ?? "").slice(0, 10_000));
  if (!result.ok && "notFound" in result) notFound();
  if (!result.ok) return { errors: { reponse: result.error }, attempt };
  revalidatePath(`/candidatures/${id}`);
  return { ok: true, message: "Votre réponse est envoyée au service de recrutement.", errors: {}, attempt };
});
