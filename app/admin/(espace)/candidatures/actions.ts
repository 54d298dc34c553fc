"use server";

import { formInput, formState, serverAction } from "@/app/_data/action";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { after } from "next/server";
import { getDb } from "@/lib/db/client";
import { deliverEmails } from "@/lib/mail/outbox";
import { sendStaffMessage } from "@/lib/messages/messages";
import { applicationsInPerimeter, filteredApplicationIds } from "@/lib/staff/applications";
import { revealRqth } from "@/lib/staff/candidature";
import { addNote, changeStatus, extendValidity, maxBulkApplications } from "@/lib/staff/decisions";
import { applicationFiltersQuery, hasFilter, parseApplicationFilters } from "@/lib/staff/list-filters";
import { idSchema } from "@/lib/validation";

/**
 * Staff actions on candidatures. Each checks the staff session itself (the layout's check does
 * not protect an action), and lib/staff checks the role and the record's perimeter again.
 */

export type StaffFormState = {
  ok?: boolean;
  message?: string;
  errors: Partial<Record<string, string>>;
  values?: { status: string; reason: string };
  attempt: number;
};

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "").slice(0, 10_000);

/** Decision mails leave after the response: up to 500 of them must not hold the page. */
const deliverAfterResponse = (mailIds: string[]) => after(() => deliverEmails({ ids: mailIds, limit: mailIds.length }).then(() => undefined));

function decisionMessage(changed: number, skipped: number): string {
  const done = changed === 1 ? "1 candidature a changé de statut" : `${changed.toLocaleString("fr-FR")} candidatures ont changé de statut`;
  const left = skipped === 0 ? "" : ` ; ${skipped} laissée${skipped > 1 ? "s" : ""} telle${skipped > 1 ? "s" : ""} quelle${skipped > 1 ? "s" : ""} (retirée par le candidat ou déjà dans ce statut)`;
  return `${done}${left}. Les candidats ayant une adresse électronique en sont informés par courriel ; les autres le verront dans leur espace.`;
}

/** "Changer le statut" of one candidature, from its page. */
export const changeApplicationStatus = serverAction("staff", [z.unknown(), formState<StaffFormState>(), formInput], async (staff, applicationId, previous, formData): Promise<StaffFormState> => {
  const id = idSchema.safeParse(applicationId);
  if (!id.success) notFound();
  const attempt = previous.attempt + 1;
  const values = { status: text(formData, "status"), reason: text(formData, "reason") };
  const result = await changeStatus(staff, [id.data], values, { deliver: deliverAfterResponse });
  if (!result.ok && "notFound" in result) notFound();
  if (!result.ok) return { errors: result.errors, values, attempt };
  revalidatePath("/admin", "layout");
  if (result.changed === 0) return { errors: { status: "Cette candidature est déjà dans ce statut, ou a été retirée par le candidat." }, values, attempt };
  return { ok: true, message: decisionMessage(result.changed, result.skipped), errors: {}, attempt };
});

/** "Changer le statut" of the checked candidatures, or of the whole filtered list (500 at most). */
export const changeStatusInBulk = serverAction("staff", [formState<StaffFormState>(), formInput], async (staff, previous, formData): Promise<StaffFormState> => {
  const attempt = previous.attempt + 1;
  const db = getDb();
  const values = { status: text(formData, "status"), reason: text(formData, "reason") };
  let ids: string[];
  if (formData.get("scope") === "liste") {
    const filters = parseApplicationFilters(new URLSearchParams(text(formData, "query")));
    // "The whole list" means a filtered one, never the whole académie by a forged request.
    if (!hasFilter(filters)) return { errors: { selection: "Filtrez d'abord la liste, ou cochez les candidatures concernées." }, values, attempt };
    ids = await filteredApplicationIds(db, staff, filters, maxBulkApplications + 1);
    if (ids.length > maxBulkApplications) {
      return { errors: { selection: `La liste filtrée compte plus de ${maxBulkApplications} candidatures : affinez les filtres.` }, values, attempt };
    }
  } else {
    ids = await applicationsInPerimeter(db, staff, formData.getAll("ids").map(String).slice(0, maxBulkApplications + 1));
  }
  const result = await changeStatus(staff, ids, values, { deliver: deliverAfterResponse });
  if (!result.ok && "notFound" in result) return { errors: { selection: "Ces candidatures sont introuvables." }, values, attempt };
  if (!result.ok) return { errors: result.errors, values, attempt };
  revalidatePath("/admin", "layout");
  return { ok: true, message: decisionMessage(result.changed, result.skipped), errors: {}, attempt };
});

/** "Envoyer" a message to the candidate (who is mailed that it awaits). */
export const sendMessageToCandidate = serverAction("staff", [z.unknown(), formState<StaffFormState>(), formInput], async (staff, applicationId, previous, formData): Promise<StaffFormState> => {
  const id = idSchema.safeParse(applicationId);
  if (!id.success) notFound();
  const attempt = previous.attempt + 1;
  const result = await sendStaffMessage(staff, id.data, text(formData, "body"));
  if (!result.ok && "notFound" in result) notFound();
  if (!result.ok) return { errors: { body: result.error }, attempt };
  revalidatePath(`/admin/candidatures/${id.data}`);
  return { ok: true, message: result.mailed ? "Message envoyé. Le candidat est prévenu par courriel qu'un message l'attend." : "Message envoyé. Le candidat, sans adresse électronique, le verra à sa prochaine connexion.", errors: {}, attempt };
});

/** "Ajouter une note": private, staff only. */
export const addPrivateNote = serverAction("staff", [z.unknown(), formState<StaffFormState>(), formInput], async (staff, applicationId, previous, formData): Promise<StaffFormState> => {
  const id = idSchema.safeParse(applicationId);
  if (!id.success) notFound();
  const attempt = previous.attempt + 1;
  const result = await addNote(staff, id.data, text(formData, "note"));
  if (!result.ok && "notFound" in result) notFound();
  if (!result.ok) return { errors: { note: result.error }, attempt };
  revalidatePath(`/admin/candidatures/${id.data}`);
  return { ok: true, message: "Note ajoutée. Elle n'est visible que de l'équipe.", errors: {}, attempt };
});

/** "Prolonger d'un mois", from the confirmation dialog. */
export const extendByOneMonth = serverAction("staff", [formInput], async (staff, formData): Promise<void> => {
  const id = idSchema.safeParse(formData.get("applicationId"));
  if (!id.success) notFound();
  const result = await extendValidity(staff, id.data);
  if (!result.ok && "notFound" in result) notFound();
  revalidatePath("/admin", "layout");
  // The list's filters travel with the candidature ("précédente / suivante"): keep them, re-encoded.
  const back = applicationFiltersQuery(parseApplicationFilters(new URLSearchParams(text(formData, "back"))));
  redirect(`/admin/candidatures/${id.data}?${result.ok ? `prolongee=${result.validUntil}` : "prolongation=impossible"}${back ? `&${back}` : ""}`);
});

/** "Afficher la réponse du candidat" (RQTH): returned to this page only, and journaled. */
export const showRqth = serverAction("staff", [z.unknown()], async (staff, applicationId): Promise<string> => {
  const id = idSchema.safeParse(applicationId);
  if (!id.success) notFound();
  const label = await revealRqth(getDb(), staff, id.data);
  if (label === null) notFound();
  return label;
});
