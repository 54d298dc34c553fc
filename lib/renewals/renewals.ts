import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { createElement } from "react";
import { ApplicationRenewalOutcomeEmail, applicationRenewalOutcomeSubject } from "../../emails/application-renewal-outcome";
import { personActor, recordAudit, type AuditActor } from "../audit/audit";
import { consumeToken, peekToken, type TokenFailure } from "../auth/tokens";
import type { Queryable, Transaction } from "../db/client";
import { inUuids } from "../db/conditions";
import { applications, postTypes, statusEvents, tokens, users } from "../db/schema";
import { formatFrenchDate, todayIso } from "../format/date";
import { appLink, loadBranding } from "../mail/branding";
import { cancelPendingMails, transactionWithMail, type MailDeps, type Outbox } from "../mail/outbox";
import { loadSettings } from "../settings/settings";
import { isUuid } from "../validation";
import { canKeepFromSpace, deletionDate, renewedValidity } from "./rules";
import { renewalTemplates } from "./templates";

/** Keeping or withdrawing an application: from the renewal mail's page or from the candidate's space. */

export type RenewalChoice = "keep" | "withdraw";
export type RenewalResult =
  | { ok: true; choice: RenewalChoice; postType: string; validUntil: string }
  | { ok: false; reason: TokenFailure | "closed" | "not_found" | "too_early" };

/**
 * Every renewal link of one application stops working: it was answered, or (`superseded`)
 * something else made it moot — a newer mail, a staff decision or extension — and its page
 * says so instead of "your answer is recorded".
 */
export async function revokeRenewalTokens(tx: Queryable, applicationId: string | string[], options: { superseded?: boolean } = {}): Promise<void> {
  const now = new Date();
  const subject = typeof applicationId === "string" ? eq(tokens.subject, applicationId) : inUuids(tokens.subject, applicationId, "text");
  await tx
    .update(tokens)
    .set({ usedAt: now, supersededAt: options.superseded ? now : null })
    .where(and(eq(tokens.purpose, "renewal"), subject, isNull(tokens.usedAt)));
}

async function applyChoice(tx: Transaction, outbox: Outbox, applicationId: string, choice: RenewalChoice, actor: AuditActor): Promise<RenewalResult> {
  const [row] = await tx
    .select({ status: applications.status, userId: applications.userId, postType: postTypes.label, email: users.email })
    .from(applications)
    .innerJoin(postTypes, eq(postTypes.id, applications.postTypeId))
    .innerJoin(users, eq(users.id, applications.userId))
    .where(eq(applications.id, applicationId))
    .for("update", { of: applications });
  if (!row) return { ok: false, reason: "not_found" };
  if (row.status !== "submitted") return { ok: false, reason: "closed" };
  const settings = await loadSettings(tx);
  let validUntil = "";
  if (choice === "keep") {
    validUntil = renewedValidity(settings.validityMonths);
    await tx
      .update(applications)
      .set({ validUntil, renewalNoticeSentAt: null, renewalReminderSentAt: null, updatedAt: new Date() })
      .where(eq(applications.id, applicationId));
    await tx.insert(statusEvents).values({ applicationId, kind: "renewed", actorId: actor.id, comment: `Maintenue jusqu'au ${formatFrenchDate(validUntil)}` });
  } else {
    await tx.update(applications).set({ status: "withdrawn", updatedAt: new Date() }).where(eq(applications.id, applicationId));
    await tx.insert(statusEvents).values({ applicationId, kind: "withdrawn", fromStatus: "submitted", toStatus: "withdrawn", actorId: actor.id });
  }
  await revokeRenewalTokens(tx, applicationId);
  // A notice or reminder SMTP has not accepted yet is pointless once the candidate answered.
  await cancelPendingMails(tx, applicationId, renewalTemplates);
  await recordAudit(tx, { actor, action: choice === "keep" ? "application.renewed" : "application.withdrawn", entityType: "application", entityId: applicationId });
  if (row.email) {
    const outcome = choice === "keep" ? "kept" : "withdrawn";
    await outbox.enqueue({
      template: `application-${outcome}`,
      to: row.email,
      userId: row.userId,
      subject: applicationRenewalOutcomeSubject(outcome),
      relatedId: applicationId,
      element: createElement(ApplicationRenewalOutcomeEmail, {
        branding: await loadBranding(tx),
        outcome,
        postType: row.postType,
        date: formatFrenchDate(choice === "keep" ? validUntil : todayIso()),
        spaceUrl: appLink("/candidatures"),
      }),
    });
  }
  return { ok: true, choice, postType: row.postType, validUntil };
}

/** The POST of the renewal page: the token is used once, whatever the choice. */
export async function answerRenewal(token: string, choice: RenewalChoice, deps?: MailDeps): Promise<RenewalResult> {
  return transactionWithMail(async (tx, outbox) => {
    const consumed = await consumeToken(tx, token, "renewal");
    if (!consumed.ok) return consumed;
    const applicationId = consumed.token.subject ?? "";
    const [owned] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.id, applicationId), eq(applications.userId, consumed.token.userId)));
    if (!owned) return { ok: false, reason: "not_found" };
    return applyChoice(tx, outbox, applicationId, choice, await personActor(tx, consumed.token.userId, " (lien du courriel)"));
  }, deps);
}

/** "Maintenir ma candidature" in the candidate's space, from 30 days before the end of validity. */
export async function keepOwnApplication(userId: string, applicationId: string, deps?: MailDeps): Promise<RenewalResult> {
  if (!isUuid(applicationId)) return { ok: false, reason: "not_found" };
  return transactionWithMail(async (tx, outbox) => {
    const [row] = await tx
      .select({ status: applications.status, validUntil: applications.validUntil, identifier: users.identifier })
      .from(applications)
      .innerJoin(users, eq(users.id, applications.userId))
      .where(and(eq(applications.id, applicationId), eq(applications.userId, userId)))
      .for("update", { of: applications });
    if (!row) return { ok: false, reason: "not_found" };
    if (!canKeepFromSpace(row)) return { ok: false, reason: row.status === "submitted" ? "too_early" : "closed" };
    return applyChoice(tx, outbox, applicationId, "keep", { id: userId, label: row.identifier });
  }, deps);
}

export type RenewalPage =
  | { ok: true; postType: string; submittedAt: Date; validUntil: string; deadline: string | null; status: string }
  | { ok: false; reason: TokenFailure | "not_found" };

/** What the GET of the renewal page shows. It changes nothing: mail scanners follow links. */
export async function describeRenewal(db: Queryable, token: string): Promise<RenewalPage> {
  const found = await peekToken(db, token, "renewal");
  if (!found.ok) return found;
  const [row] = await db
    .select({ application: applications, postType: postTypes.label })
    .from(applications)
    .innerJoin(postTypes, eq(postTypes.id, applications.postTypeId))
    .where(and(eq(applications.id, found.token.subject ?? "00000000-0000-0000-0000-000000000000"), eq(applications.userId, found.token.userId)));
  if (!row) return { ok: false, reason: "not_found" };
  const settings = await loadSettings(db);
  return {
    ok: true,
    postType: row.postType,
    submittedAt: row.application.submittedAt,
    validUntil: row.application.validUntil,
    deadline: row.application.renewalNoticeSentAt ? deletionDate(row.application.renewalNoticeSentAt, settings.graceDays) : null,
    status: row.application.status,
  };
}
