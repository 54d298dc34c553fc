import "server-only";
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { loadApplicationDetails, type ApplicationDetail } from "../applications/queries";
import { statusWords } from "../applications/status";
import type { Database, Queryable } from "../db/client";
import { applications, auditLog, diplomas, staffNotes, statusEvents, users } from "../db/schema";
import { listDiplomas, type DiplomaDetail } from "../diplomas/diplomas";
import { listMessages, type ApplicationMessage } from "../messages/messages";
import { deletionDate } from "../renewals/rules";
import { cachedSettings } from "../settings/settings";
import { isUuid } from "../validation";
import { rqthOptions } from "../applications/form-fields";
import { recordAudit } from "../audit/audit";
import { applicationPerimeter, assertStaff, staffActor, type StaffMember } from "./access";
import { loadIdentity, type CandidateIdentity } from "./identity";

/**
 * A candidature as staff examine it: the candidate's read model of the application (the same
 * query and completeness), plus who the candidate is, their diplomas, and everything that
 * happened to it (status, messages, notes, renewal, file openings).
 */

export type HistoryEntry = {
  at: Date;
  kind: "status" | "renewal" | "message" | "note" | "file" | "other";
  title: string;
  detail: string | null;
  actor: string | null;
};

export type StaffCandidature = {
  application: ApplicationDetail;
  candidate: CandidateIdentity;
  diplomas: DiplomaDetail[];
  messages: ApplicationMessage[];
  notes: { id: string; body: string; author: string; createdAt: Date }[];
  history: HistoryEntry[];
  deletionDate: string | null;
};

/** The journal entries shown in a candidature's history (the others are status events, messages, notes). */
const auditTitles: Record<string, string> = {
  "application.attachment_added": "Pièce jointe ajoutée",
  "application.attachment_replaced": "Pièce jointe remplacée",
  "application.attachment_deleted": "Pièce jointe supprimée",
  "application.file_opened": "Fichier ouvert",
  "diploma.file_opened": "Diplôme ouvert",
  "application.dossier_downloaded": "Dossier téléchargé (ZIP)",
};

/** The candidature, or null when it does not exist or lies outside the staff member's perimeter. */
export async function loadStaffCandidature(db: Database, staff: StaffMember, applicationId: string): Promise<StaffCandidature | null> {
  assertStaff(staff);
  if (!isUuid(applicationId)) return null;
  const [application] = await loadApplicationDetails(db, { ids: [applicationId], within: applicationPerimeter(staff) });
  if (!application) return null;
  const [person, diplomaList, messages, notes, events, audits, settings] = await Promise.all([
    loadIdentity(db, application.userId),
    listDiplomas(db, application.userId),
    listMessages(db, applicationId),
    db
      .select({ id: staffNotes.id, body: staffNotes.body, createdAt: staffNotes.createdAt, author: users.identifier })
      .from(staffNotes)
      .leftJoin(users, eq(users.id, staffNotes.authorId))
      .where(eq(staffNotes.applicationId, applicationId))
      .orderBy(desc(staffNotes.createdAt)),
    db
      .select({ event: statusEvents, actor: users.identifier, actorRole: users.role })
      .from(statusEvents)
      .leftJoin(users, eq(users.id, statusEvents.actorId))
      .where(eq(statusEvents.applicationId, applicationId)),
    db
      .select({ action: auditLog.action, actor: auditLog.actorLabel, details: auditLog.details, createdAt: auditLog.createdAt })
      .from(auditLog)
      .where(
        or(
          and(eq(auditLog.entityType, "application"), eq(auditLog.entityId, applicationId)),
          // Openings of the candidate's diploma files are part of the examination of this file.
          and(eq(auditLog.entityType, "diploma"), inArray(auditLog.entityId, sql`(select ${diplomas.id}::text from ${diplomas} where ${diplomas.userId} = ${application.userId})`)),
        ),
      )
      .orderBy(desc(auditLog.createdAt))
      .limit(500),
    // The grace period, for the deletion date: the settings pages read (kept a few seconds).
    cachedSettings(db),
  ]);
  if (!person) return null;
  const history: HistoryEntry[] = [
    ...events.map(({ event, actor, actorRole }) => ({
      at: event.createdAt,
      kind: (event.kind === "status_changed" || event.kind === "submitted" || event.kind === "withdrawn" ? "status" : "renewal") as HistoryEntry["kind"],
      title:
        event.kind === "status_changed"
          ? `Statut : ${event.fromStatus ? statusWords[event.fromStatus] : "?"} → ${event.toStatus ? statusWords[event.toStatus] : "?"}`
          : event.kind === "submitted"
            ? "Candidature déposée"
            : event.kind === "withdrawn"
              ? "Candidature retirée"
              : event.kind === "renewal_notice_sent"
                ? "Courriel de renouvellement envoyé"
                : event.kind === "renewal_reminder_sent"
                  ? "Relance de renouvellement envoyée"
                  : event.kind === "renewed"
                    ? "Candidature maintenue"
                    : "Validité prolongée",
      detail: event.comment,
      actor: actor ? (actorRole === "candidate" ? "le candidat" : actor) : event.actorId ? null : "la plateforme",
    })),
    ...messages.map((message) => ({
      at: message.createdAt,
      kind: "message" as const,
      title: message.fromStaff ? "Message envoyé au candidat" : "Réponse du candidat",
      detail: null,
      actor: message.fromStaff ? message.authorLabel : "le candidat",
    })),
    ...notes.map((note) => ({ at: note.createdAt, kind: "note" as const, title: "Note interne", detail: null, actor: note.author ?? null })),
    ...audits
      .filter((entry) => entry.action in auditTitles)
      .map((entry) => ({
        at: entry.createdAt,
        kind: "file" as const,
        title: auditTitles[entry.action]!,
        detail: typeof entry.details?.name === "string" ? entry.details.name : typeof entry.details?.attachmentType === "string" ? entry.details.attachmentType : null,
        actor: entry.actor,
      })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  return {
    application,
    candidate: person,
    diplomas: diplomaList,
    messages,
    notes: notes.map((note) => ({ ...note, author: note.author ?? "ancien membre de l'équipe" })),
    history,
    deletionDate: application.renewalNoticeSentAt ? deletionDate(application.renewalNoticeSentAt, settings.graceDays) : null,
  };
}

/**
 * The candidate's RQTH answer, read on purpose by a staff member (health data: each reading is
 * in the journal). Null when the candidature is not visible to them.
 */
export async function revealRqth(db: Queryable, staff: StaffMember, applicationId: string): Promise<string | null> {
  assertStaff(staff);
  if (!isUuid(applicationId)) return null;
  const [row] = await db.select({ rqth: applications.rqth }).from(applications).where(and(eq(applications.id, applicationId), applicationPerimeter(staff)));
  if (!row) return null;
  await recordAudit(db, { actor: staffActor(staff), action: "application.rqth_viewed", entityType: "application", entityId: applicationId });
  return rqthOptions.find((option) => option.value === row.rqth)?.label ?? "Non renseignée";
}
