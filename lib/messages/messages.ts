import "server-only";
import { and, asc, eq, exists, inArray, isNull, sql } from "drizzle-orm";
import { createElement } from "react";
import { z } from "zod";
import { ApplicationMessageEmail, applicationMessageSubject } from "../../emails/application-message";
import { personActor, recordAudit } from "../audit/audit";
import type { Queryable } from "../db/client";
import { applicationMessages, applications, postTypes, users } from "../db/schema";
import { appLink, loadBranding } from "../mail/branding";
import { transactionWithMail, type MailDeps } from "../mail/outbox";
import { applicationPerimeter, assertStaff, staffActor, type StaffMember } from "../staff/access";
import { invalidCharacterMessage, isCleanText, isUuid } from "../validation";

/**
 * "Messages": the conversation between the recruitment service and a candidate about one
 * application. Staff write (the candidate is mailed that a message awaits), the candidate
 * answers from their space; each side sees what the other has not read yet.
 */

export const maxMessageLength = 5000;

export const messageBodySchema = z
  .string({ message: "Écrivez votre message." })
  .trim()
  .min(1, "Écrivez votre message.")
  .max(maxMessageLength, `Un message ne peut dépasser ${maxMessageLength.toLocaleString("fr-FR")} caractères.`)
  // A NUL byte cannot be stored in PostgreSQL text, an escape sequence or a direction override
  // must not reach a mail: refuse them with a sentence, not a 500.
  .refine(isCleanText, invalidCharacterMessage);

export type ApplicationMessage = { id: string; fromStaff: boolean; authorLabel: string; body: string; createdAt: Date; readAt: Date | null };

export type MessageResult = { ok: true; mailed?: boolean } | { ok: false; error: string } | { ok: false; notFound: true };

/** The conversation of one application, oldest first (callers have checked who may read it). */
export async function listMessages(db: Queryable, applicationId: string): Promise<ApplicationMessage[]> {
  const rows = await db
    .select({
      id: applicationMessages.id,
      fromStaff: applicationMessages.fromStaff,
      body: applicationMessages.body,
      createdAt: applicationMessages.createdAt,
      readAt: applicationMessages.readAt,
      author: users.identifier,
    })
    .from(applicationMessages)
    .leftJoin(users, eq(users.id, applicationMessages.authorId))
    .where(eq(applicationMessages.applicationId, applicationId))
    .orderBy(asc(applicationMessages.createdAt));
  return rows.map(({ author, ...row }) => ({ ...row, authorLabel: row.fromStaff ? (author ?? "Service de recrutement") : "Candidat" }));
}

async function ownApplication(db: Queryable, userId: string, applicationId: string) {
  if (!isUuid(applicationId)) return null;
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.userId, userId)));
  return row ?? null;
}

/** The candidate opened the application: what staff wrote is read. */
export async function markStaffMessagesRead(db: Queryable, userId: string, applicationId: string): Promise<void> {
  if (!isUuid(applicationId)) return;
  // One statement: the candidate's ownership is a condition of the update.
  const own = db.select({ id: applications.id }).from(applications).where(and(eq(applications.id, applicationId), eq(applications.userId, userId)));
  await db
    .update(applicationMessages)
    .set({ readAt: sql`now()` })
    .where(and(inArray(applicationMessages.applicationId, own), eq(applicationMessages.fromStaff, true), isNull(applicationMessages.readAt)));
}

/** The candidate's answer, from the "Messages" block of their application. */
export async function replyAsCandidate(db: Queryable, userId: string, applicationId: string, body: unknown): Promise<MessageResult> {
  const parsed = messageBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  return db.transaction(async (tx) => {
    if (!(await ownApplication(tx, userId, applicationId))) return { ok: false as const, notFound: true as const };
    await tx.insert(applicationMessages).values({ applicationId, authorId: userId, fromStaff: false, body: parsed.data });
    await recordAudit(tx, { actor: await personActor(tx, userId), action: "application.message_answered", entityType: "application", entityId: applicationId });
    return { ok: true as const };
  });
}

/** A staff member writes to the candidate; the candidate is mailed that a message awaits. */
export async function sendStaffMessage(staff: StaffMember, applicationId: string, body: unknown, deps?: MailDeps): Promise<MessageResult> {
  assertStaff(staff);
  const parsed = messageBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  if (!isUuid(applicationId)) return { ok: false, notFound: true };
  return transactionWithMail(async (tx, outbox) => {
    const [application] = await tx
      .select({ id: applications.id, userId: applications.userId, email: users.email, postType: postTypes.label })
      .from(applications)
      .innerJoin(users, eq(users.id, applications.userId))
      .innerJoin(postTypes, eq(postTypes.id, applications.postTypeId))
      .where(and(eq(applications.id, applicationId), applicationPerimeter(staff)));
    if (!application) return { ok: false as const, notFound: true as const };
    await tx.insert(applicationMessages).values({ applicationId, authorId: staff.id, fromStaff: true, body: parsed.data });
    await recordAudit(tx, { actor: staffActor(staff), action: "application.message_sent", entityType: "application", entityId: applicationId });
    if (application.email) {
      await outbox.enqueue({
        template: "application-message",
        to: application.email,
        userId: application.userId,
        subject: applicationMessageSubject(),
        relatedId: applicationId,
        element: createElement(ApplicationMessageEmail, {
          branding: await loadBranding(tx),
          postType: application.postType,
          applicationUrl: appLink(`/candidatures/${applicationId}#messages`),
        }),
      });
    }
    return { ok: true as const, mailed: Boolean(application.email) };
  }, deps);
}

/**
 * A staff member opened the candidature: the candidate's answers are read. One statement, the
 * perimeter checked inside it (a candidature outside it changes nothing).
 */
export async function markCandidateMessagesRead(db: Queryable, staff: StaffMember, applicationId: string): Promise<void> {
  assertStaff(staff);
  if (!isUuid(applicationId)) return;
  await db
    .update(applicationMessages)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(applicationMessages.applicationId, applicationId),
        eq(applicationMessages.fromStaff, false),
        isNull(applicationMessages.readAt),
        exists(db.select({ id: applications.id }).from(applications).where(and(eq(applications.id, applicationId), applicationPerimeter(staff)))),
      ),
    );
}
