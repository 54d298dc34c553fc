import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { personActor, recordAudit } from "../audit/audit";
import { getDb, type Queryable, type Transaction } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { applications, statusEvents } from "../db/schema";
import { initialValidity } from "../renewals/rules";
import type { Settings } from "../settings/definitions";
import { loadSettings } from "../settings/settings";
import { fieldErrors, isUuid } from "../validation";
import { unofferedChoices, writeChoices, type ChoiceKind, type ChosenIds } from "./choices";
import { applicationFormSchema, type ApplicationForm } from "./form-schema";
import { type RawApplicationForm } from "./form-fields";
import { loadApplicationDetails, openPostTypesFor } from "./queries";
import { canEditForm } from "./status";

/** What candidates do to their applications: file one ("Valider"), modify it. */

export type FormResult = { ok: true; id: string } | { ok: false; errors: Partial<Record<string, string>> };

const unofferedMessages: Record<ChoiceKind, [field: string, message: string]> = {
  teachingTypes: ["teachingType1", "Ce type d'enseignement n'est plus proposé : choisissez-en un autre dans la liste."],
  zones: ["zones", "Une des zones choisies n'est plus proposée : retirez-la et choisissez-en une autre."],
  workingTimes: ["workingTimes", "Une des quotités choisies n'est plus proposée : retirez-la et choisissez-en une autre."],
};

function chosenIds(data: ApplicationForm): ChosenIds {
  return {
    teachingTypes: [data.teachingType1, data.teachingType2].filter((id): id is string => Boolean(id)),
    zones: data.zones,
    workingTimes: data.workingTimes,
  };
}

/** Parses the form and checks each chosen reference row is offered (or already chosen here). */
async function validateForm(
  tx: Queryable,
  raw: RawApplicationForm,
  settings: Settings,
  applicationId?: string,
): Promise<{ ok: true; data: ApplicationForm } | { ok: false; errors: Partial<Record<string, string>> }> {
  const parsed = applicationFormSchema(settings).safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const refused = await unofferedChoices(tx, chosenIds(parsed.data), applicationId);
  if (refused.length === 0) return { ok: true, data: parsed.data };
  return { ok: false, errors: Object.fromEntries(refused.map((kind) => unofferedMessages[kind])) };
}

const fields = (data: ApplicationForm) => ({
  rqth: data.rqth,
  university: data.university,
  component: data.component,
  program: data.program,
  curriculum: data.curriculum,
  level: data.level,
  ine: data.ine,
});

/**
 * Keeps `applications.complete` equal to what `missingItems` says, for staff filters and
 * counts over many rows. Called in the transaction of every change that can alter it.
 */
export async function refreshCompleteness(tx: Queryable, applicationIds: string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  const details = await loadApplicationDetails(tx, { ids: applicationIds });
  const complete = details.filter((detail) => detail.missing.length === 0).map((detail) => detail.id);
  const incomplete = details.filter((detail) => detail.missing.length > 0).map((detail) => detail.id);
  if (complete.length) await tx.update(applications).set({ complete: true }).where(and(inArray(applications.id, complete), eq(applications.complete, false)));
  if (incomplete.length) await tx.update(applications).set({ complete: false }).where(and(inArray(applications.id, incomplete), eq(applications.complete, true)));
}

/** "Valider" on a new application: accepted even when incomplete; valid for the set months. */
export async function createApplication(userId: string, raw: RawApplicationForm): Promise<FormResult> {
  try {
    return await getDb().transaction(async (tx) => {
      const settings = await loadSettings(tx);
      const open = await openPostTypesFor(tx, userId);
      if (!open.some((postType) => postType.id === raw.postTypeId)) {
        return { ok: false as const, errors: { postTypeId: "Choisissez un poste parmi ceux proposés." } };
      }
      const form = await validateForm(tx, raw, settings);
      if (!form.ok) return form;
      const now = new Date();
      const [created] = await tx
        .insert(applications)
        .values({ userId, postTypeId: raw.postTypeId, ...fields(form.data), submittedAt: now, validUntil: initialValidity(now, settings.validityMonths) })
        .returning({ id: applications.id });
      const id = created!.id;
      await writeChoices(tx, id, chosenIds(form.data));
      await refreshCompleteness(tx, [id]);
      await tx.insert(statusEvents).values({ applicationId: id, kind: "submitted", toStatus: "submitted", actorId: userId });
      await recordAudit(tx, { actor: await personActor(tx, userId), action: "application.created", entityType: "application", entityId: id });
      return { ok: true as const, id };
    });
  } catch (error) {
    // Two tabs submitting at once: the unique (candidate, post type) index keeps one.
    if (isUniqueViolation(error)) return { ok: false, errors: { postTypeId: "Vous avez déjà une candidature pour ce poste." } };
    throw error;
  }
}

/** "Modifier": only the owner, only while the application is `submitted`. */
export async function updateApplication(userId: string, applicationId: string, raw: RawApplicationForm): Promise<FormResult | { ok: false; notFound: true }> {
  if (!isUuid(applicationId)) return { ok: false, notFound: true };
  return getDb().transaction(async (tx: Transaction) => {
    const [application] = await tx
      .select({ status: applications.status })
      .from(applications)
      .where(and(eq(applications.id, applicationId), eq(applications.userId, userId)))
      .for("update");
    if (!application) return { ok: false as const, notFound: true as const };
    if (!canEditForm(application.status)) {
      return { ok: false as const, errors: { form: "Cette candidature est en cours d'examen ou close : elle ne peut plus être modifiée." } };
    }
    const form = await validateForm(tx, raw, await loadSettings(tx), applicationId);
    if (!form.ok) return form;
    await tx.update(applications).set({ ...fields(form.data), updatedAt: new Date() }).where(eq(applications.id, applicationId));
    await writeChoices(tx, applicationId, chosenIds(form.data));
    await refreshCompleteness(tx, [applicationId]);
    await recordAudit(tx, { actor: await personActor(tx, userId), action: "application.updated", entityType: "application", entityId: applicationId });
    return { ok: true as const, id: applicationId };
  });
}
