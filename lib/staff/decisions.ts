import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { inUuids } from "../db/conditions";
import { createElement } from "react";
import { z } from "zod";
import { ApplicationDecisionEmail, applicationDecisionSubject } from "../../emails/application-decision";
import { canDecide, decisionNeedsReason, staffDecisions } from "../applications/status";
import { recordAudit } from "../audit/audit";
import { getDb, type Transaction } from "../db/client";
import { applications, postTypes, staffNotes, statusEvents, users } from "../db/schema";
import { formatFrenchDate } from "../format/date";
import { appLink, loadBranding } from "../mail/branding";
import { cancelPendingMails, deliverEmails, enqueueEmail } from "../mail/outbox";
import { revokeRenewalTokens } from "../renewals/renewals";
import { extendedValidity } from "../renewals/rules";
import { renewalTemplates } from "../renewals/templates";
import { invalidCharacterMessage, isCleanText, isUuid } from "../validation";
import { applicationPerimeter, assertStaff, staffActor, type StaffMember } from "./access";

/** What staff decide on applications: status with a reason, one more month of validity, private notes. */

export const maxBulkApplications = 500;


export const decisionSchema = z
  .object({
    status: z.enum(staffDecisions, { message: "Choisissez le nouveau statut dans la liste." }),
    reason: z
      .string({ message: "Indiquez le motif." })
      .trim()
      .max(1000, "Le motif ne peut dépasser 1 000 caractères.")
      .refine(isCleanText, invalidCharacterMessage),
  })
  .refine((value) => !decisionNeedsReason(value.status) || value.reason.length >= 3, {
    path: ["reason"],
    message: "Indiquez le motif de cette décision : il est communiqué au candidat.",
  });

export const noteSchema = z
  .string({ message: "Écrivez la note." })
  .trim()
  .min(1, "Écrivez la note.")
  .max(5000, "Une note ne peut dépasser 5 000 caractères.")
  .refine(isCleanText, invalidCharacterMessage);

export type DecisionResult =
  | { ok: true; changed: number; skipped: number }
  | { ok: false; errors: Partial<Record<"status" | "reason" | "selection", string>> }
  | { ok: false; notFound: true };

/**
 * The renewal of an application that leaves "déposée" stops: the job only acts on submitted
 * applications, so its pending mails, links and countdown would only mislead the candidate.
 */
async function stopRenewal(tx: Transaction, applicationId: string): Promise<void> {
  await revokeRenewalTokens(tx, applicationId, { superseded: true });
  await cancelPendingMails(tx, applicationId, renewalTemplates);
}

export type DecisionOptions = {
  /** How the candidates' mails leave once the change is committed: now (default), or handed to the caller (a request sends them after its response). */
  deliver?: (mailIds: string[]) => void;
};

/**
 * "Changer le statut" of one application or of a selection (at most 500), with one reason;
 * each candidate with an address is mailed. Applications that cannot take the decision
 * (withdrawn, already in that status, outside the perimeter) are skipped and counted. Rows are
 * locked together in id order, so two overlapping bulk changes wait for each other instead of
 * deadlocking.
 */
export async function changeStatus(staff: StaffMember, applicationIds: string[], input: unknown, options: DecisionOptions = {}): Promise<DecisionResult> {
  assertStaff(staff);
  const parsed = decisionSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Partial<Record<"status" | "reason", string>> = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as "status" | "reason"] ??= issue.message;
    return { ok: false, errors };
  }
  const ids = [...new Set(applicationIds.filter(isUuid))];
  if (ids.length === 0) return { ok: false, errors: { selection: "Sélectionnez au moins une candidature." } };
  if (ids.length > maxBulkApplications) return { ok: false, errors: { selection: `Au plus ${maxBulkApplications} candidatures à la fois : affinez les filtres.` } };
  const { status, reason } = parsed.data;
  const outcome = await getDb().transaction(async (tx) => {
    const rows = await tx
      .select({ id: applications.id, userId: applications.userId, status: applications.status, email: users.email, postType: postTypes.label })
      .from(applications)
      .innerJoin(users, eq(users.id, applications.userId))
      .innerJoin(postTypes, eq(postTypes.id, applications.postTypeId))
      .where(and(inUuids(applications.id, ids), applicationPerimeter(staff)))
      .orderBy(asc(applications.id))
      .for("update", { of: applications });
    const branding = rows.length ? await loadBranding(tx) : null;
    const mailIds: string[] = [];
    let changed = 0;
    for (const row of rows) {
      if (!canDecide(row.status, status)) continue;
      await tx
        .update(applications)
        .set({ status, renewalNoticeSentAt: null, renewalReminderSentAt: null, updatedAt: new Date() })
        .where(eq(applications.id, row.id));
      await stopRenewal(tx, row.id);
      await tx.insert(statusEvents).values({ applicationId: row.id, kind: "status_changed", fromStatus: row.status, toStatus: status, actorId: staff.id, comment: reason || null });
      await recordAudit(tx, { actor: staffActor(staff), action: "application.status_changed", entityType: "application", entityId: row.id, details: { from: row.status, to: status } });
      if (row.email && branding) {
        const element = createElement(ApplicationDecisionEmail, {
          branding,
          decision: status,
          postType: row.postType,
          hasReason: reason.length > 0,
          applicationUrl: appLink(`/candidatures/${row.id}`),
        });
        mailIds.push(await enqueueEmail(tx, { template: `application-decision-${status}`, to: row.email, userId: row.userId, subject: applicationDecisionSubject(status), relatedId: row.id, element }));
      }
      changed += 1;
    }
    return { found: rows.length, changed, mailIds };
  });
  if (ids.length === 1 && outcome.found === 0) return { ok: false, notFound: true };
  if (outcome.mailIds.length) {
    if (options.deliver) options.deliver(outcome.mailIds);
    else await deliverEmails({ ids: outcome.mailIds });
  }
  return { ok: true, changed: outcome.changed, skipped: ids.length - outcome.changed };
}

export type ExtensionResult = { ok: true; validUntil: string } | { ok: false; error: string } | { ok: false; notFound: true };

/** "Prolonger d'un mois": one more month from the end of validity (the renewal rules' date). */
export async function extendValidity(staff: StaffMember, applicationId: string): Promise<ExtensionResult> {
  assertStaff(staff);
  if (!isUuid(applicationId)) return { ok: false, notFound: true };
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ status: applications.status, validUntil: applications.validUntil })
      .from(applications)
      .where(and(eq(applications.id, applicationId), applicationPerimeter(staff)))
      .for("update");
    if (!row) return { ok: false as const, notFound: true as const };
    if (row.status !== "submitted" && row.status !== "in_review") {
      return { ok: false as const, error: "Seule une candidature déposée ou en cours d'examen peut être prolongée." };
    }
    const validUntil = extendedValidity(row.validUntil);
    // A notice already sent counted down to a deletion: the new validity starts the cycle again.
    await tx
      .update(applications)
      .set({ validUntil, renewalNoticeSentAt: null, renewalReminderSentAt: null, updatedAt: new Date() })
      .where(eq(applications.id, applicationId));
    await stopRenewal(tx, applicationId);
    await tx.insert(statusEvents).values({ applicationId, kind: "validity_extended", actorId: staff.id, comment: `Prolongée jusqu'au ${formatFrenchDate(validUntil)}` });
    await recordAudit(tx, { actor: staffActor(staff), action: "application.validity_extended", entityType: "application", entityId: applicationId, details: { from: row.validUntil, to: validUntil } });
    return { ok: true as const, validUntil };
  });
}

export type NoteResult = { ok: true } | { ok: false; error: string } | { ok: false; notFound: true };

/** A private note: staff only, never shown to the candidate nor mailed. */
export async function addNote(staff: StaffMember, applicationId: string, body: unknown): Promise<NoteResult> {
  assertStaff(staff);
  const parsed = noteSchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  if (!isUuid(applicationId)) return { ok: false, notFound: true };
  return getDb().transaction(async (tx) => {
    const [row] = await tx.select({ id: applications.id }).from(applications).where(and(eq(applications.id, applicationId), applicationPerimeter(staff)));
    if (!row) return { ok: false as const, notFound: true as const };
    await tx.insert(staffNotes).values({ applicationId, authorId: staff.id, body: parsed.data });
    await recordAudit(tx, { actor: staffActor(staff), action: "application.note_added", entityType: "application", entityId: applicationId });
    return { ok: true as const };
  });
}

