import "server-only";
import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import { createElement } from "react";
import { z } from "zod";
import { AccountDeletedEmail, accountDeletedSubject } from "../../emails/account-deleted";
import { EmailChangeEmail, emailChangeSubject } from "../../emails/email-change";
import { EmailChangeNoticeEmail, emailChangeNoticeSubject } from "../../emails/email-change-notice";
import { loadApplications } from "../applications/queries";
import { erasedActorLabel, recordAudit } from "../audit/audit";
import { confirmCurrentPassword } from "../auth/login";
import { clearIdentifier, confirmationKey, recoveryKey, resetMailKey } from "../auth/throttle";
import { consumeToken, issueToken, supersedeTokens, type TokenFailure } from "../auth/tokens";
import { getDb, type Queryable, type Transaction } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { applications, auditLog, authThrottle, deletedApplications, diplomas, files, postTypes, users } from "../db/schema";
import { appLink, loadBranding } from "../mail/branding";
import { transactionWithMail } from "../mail/outbox";
import { getStorage } from "../storage/client";
import { runObjectDeletions, scheduleObjectDeletion } from "../storage/deletions";
import { personalDetailsShape } from "./personal-details";
import { newPasswordProblem, replacePassword } from "./password-reset";
import { findProfile } from "./profile";

export type AccountResult = { ok: true } | { ok: false; errors: Partial<Record<string, string>> };

export const profileSchema = z.object(personalDetailsShape);

/** "Mes informations personnelles": the owner edits them; the change is logged. */
export async function updateProfile(userId: string, input: z.output<typeof profileSchema>): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [user] = await tx.update(users).set(input).where(eq(users.id, userId)).returning({ identifier: users.identifier });
    if (!user) throw new Error("profile update matched no user");
    await recordAudit(tx, { actor: { id: userId, label: user.identifier }, action: "account.profile_updated", entityType: "user", entityId: userId });
  });
}

export const emailChangeValidHours = 48;

/**
 * Asks for a new address: a link goes to it, a notice to the old one. The new address takes
 * over only when confirmed. A taken address gets the same answer and no mail.
 */
export async function requestEmailChange(userId: string, newEmail: string, password: string): Promise<AccountResult> {
  const email = z.email().safeParse(newEmail.trim().toLowerCase());
  if (!email.success) return { ok: false, errors: { newEmail: "Indiquez une adresse électronique valide, par exemple prenom.nom@exemple.fr." } };
  const db = getDb();
  const passwordProblem = await confirmCurrentPassword(db, userId, password);
  if (passwordProblem) return { ok: false, errors: { currentPassword: passwordProblem } };
  await transactionWithMail(async (tx, outbox) => {
    const [user] = await tx.select({ email: users.email, identifier: users.identifier }).from(users).where(eq(users.id, userId));
    if (!user || user.email === email.data) return;
    const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.identifier, email.data), ne(users.id, userId)));
    if (taken) return;
    await supersedeTokens(tx, userId, "email_change");
    const token = await issueToken(tx, { userId, purpose: "email_change", validMinutes: emailChangeValidHours * 60, subject: email.data });
    const branding = await loadBranding(tx);
    await outbox.enqueue({
      template: "email-change",
      to: email.data,
      userId,
      subject: emailChangeSubject(),
      element: createElement(EmailChangeEmail, { branding, confirmUrl: appLink(`/compte/courriel/${token}`), validHours: emailChangeValidHours }),
    });
    if (user.email) {
      await outbox.enqueue({
        template: "email-change-notice",
        to: user.email,
        userId,
        subject: emailChangeNoticeSubject(),
        element: createElement(EmailChangeNoticeEmail, { branding, newEmail: email.data, contactEmail: branding.contactEmail }),
      });
    }
    await recordAudit(tx, { actor: { id: userId, label: user.identifier }, action: "account.email_change_requested", entityType: "user", entityId: userId });
  });
  return { ok: true };
}

/** The link of the confirmation mail: the new address becomes the email and the identifier. */
export async function confirmEmailChange(token: string): Promise<{ ok: true; email: string } | { ok: false; reason: TokenFailure | "taken" }> {
  try {
    return await getDb().transaction(async (tx) => {
      const consumed = await consumeToken(tx, token, "email_change");
      if (!consumed.ok) return consumed;
      const email = consumed.token.subject!;
      await tx
        .update(users)
        // Every session ends: the account is now reached by another address.
        .set({ email, identifier: email, emailVerifiedAt: sql`now()`, sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, consumed.token.userId));
      await recordAudit(tx, { actor: { id: consumed.token.userId, label: email }, action: "account.email_changed", entityType: "user", entityId: consumed.token.userId });
      return { ok: true as const, email };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "taken" };
    throw error;
  }
}

/** Changes the password (the current one is asked); every session of the account ends, mail confirms. */
export async function changePassword(userId: string, input: { currentPassword: string; password: string }): Promise<AccountResult> {
  const db = getDb();
  const passwordProblem = await confirmCurrentPassword(db, userId, input.currentPassword);
  if (passwordProblem) return { ok: false, errors: { currentPassword: passwordProblem } };
  const problem = await newPasswordProblem(db, userId, input.password);
  if (problem) return { ok: false, errors: { password: problem } };
  await transactionWithMail((tx, outbox) => replacePassword(tx, outbox, userId, input.password, "account.password_changed"));
  return { ok: true };
}

/** "Télécharger mes données": everything held about the person (never a hash or a token). */
export async function exportAccountData(userId: string) {
  const db = getDb();
  const profile = await findProfile(db, userId);
  const [candidatures, diplomes, fichiers] = await Promise.all([
    loadApplications(db, userId).then((list) =>
      list.map(({ postType, teachingTypes, zones, workingTimes, attachments, missing, renewalNoticeSentAt: _, ...fields }) => ({
        ...fields,
        postType: postType.label,
        teachingTypes: teachingTypes.map((choice) => choice.label),
        zones: zones.map((zone) => zone.label),
        workingTimes: workingTimes.map((time) => time.label),
        attachments: attachments.filter((slot) => slot.file).map((slot) => ({ type: slot.label, fileId: slot.file!.id })),
        missing: missing.map((item) => item.message),
      })),
    ),
    db
      .select({
        id: diplomas.id,
        label: diplomas.label,
        obtainedOn: diplomas.obtainedOn,
        institution: diplomas.institution,
        country: diplomas.country,
        city: diplomas.city,
        fileId: diplomas.fileId,
      })
      .from(diplomas)
      .where(eq(diplomas.userId, userId)),
    db
      .select({ id: files.id, originalName: files.originalName, size: files.size, contentType: files.contentType, createdAt: files.createdAt })
      .from(files)
      .where(and(eq(files.userId, userId), eq(files.status, "ready")))
      // Each file downloads from the person's space (signed in), never from a public address.
      .then((rows) => rows.map((row) => ({ ...row, download: appLink(`/fichiers/${row.id}`) }))),
  ]);
  return { exportedAt: new Date().toISOString(), profile, applications: candidatures, diplomas: diplomes, files: fichiers };
}

/**
 * Deletes the account with everything it owns, once the password is confirmed: rows in one
 * transaction (an anonymous trace per application), stored objects right after commit (or by
 * the daily job if storage is down), and a last mail.
 */
/**
 * What the account leaves elsewhere once its rows go (as "Données personnelles" promises):
 * its mails go with it (email_outbox.user_id cascades); the journal keeps what happened but no
 * longer who — the candidate's label and address become a pseudonym, file names taken out of
 * staff entries about their applications (the journal's trigger allows only such erasures);
 * the login throttle forgets the identifier and address.
 */
async function eraseTraces(tx: Queryable, userId: string, identifiers: string[], applicationIds: string[]): Promise<void> {
  await tx.update(auditLog).set({ actorLabel: erasedActorLabel, address: null }).where(eq(auditLog.actorId, userId));
  const aboutThem = or(
    and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, userId)),
    applicationIds.length ? and(eq(auditLog.entityType, "application"), inArray(auditLog.entityId, applicationIds)) : undefined,
  );
  await tx
    .update(auditLog)
    .set({ details: sql`${auditLog.details} - 'name' - 'email'` })
    .where(and(aboutThem, sql`${auditLog.details} ?| array['name', 'email']`));
  for (const identifier of identifiers) await clearIdentifier(tx, identifier);
  await tx.delete(authThrottle).where(inArray(authThrottle.key, [resetMailKey(userId), confirmationKey(userId), ...identifiers.map(recoveryKey)]));
}

export async function deleteAccount(userId: string, password: string): Promise<AccountResult> {
  const db = getDb();
  const passwordProblem = await confirmCurrentPassword(db, userId, password);
  if (passwordProblem) return { ok: false, errors: { deletePassword: passwordProblem } };
  const keys = await transactionWithMail(async (tx, outbox) => {
    const erased = await eraseAccount(tx, userId, "account.deleted");
    if (erased?.email) {
      await outbox.enqueue({
        template: "account-deleted",
        to: erased.email,
        // Outlives the account it confirms the deletion of; purged with delivered mails.
        userId: null,
        subject: accountDeletedSubject(),
        element: createElement(AccountDeletedEmail, { branding: await loadBranding(tx) }),
      });
    }
    return erased?.storageKeys ?? [];
  });
  if (keys.length) await runObjectDeletions({ db, storage: getStorage() }, { keys });
  return { ok: true };
}

/**
 * Deletes a candidate account and everything it holds, inside the caller's transaction: an
 * anonymous trace of each application, the stored objects scheduled for deletion, the traces
 * elsewhere erased (eraseTraces), the deletion journaled without a name. The candidate's own
 * request (`account.deleted`) and the retention rules (lib/retention) go through here. Returns
 * the address to tell, if any, and the objects to delete after commit; null if already gone.
 */
export async function eraseAccount(tx: Transaction, userId: string, action: string): Promise<{ email: string | null; storageKeys: string[] } | null> {
  const [user] = await tx.select({ identifier: users.identifier, email: users.email }).from(users).where(eq(users.id, userId)).for("update");
  if (!user) return null;
  const owned = await tx
    .select({ id: applications.id, postType: postTypes.label, status: applications.status, submittedAt: applications.submittedAt, validUntil: applications.validUntil, notice: applications.renewalNoticeSentAt })
    .from(applications)
    .innerJoin(postTypes, eq(postTypes.id, applications.postTypeId))
    .where(eq(applications.userId, userId));
  if (owned.length) {
    await tx.insert(deletedApplications).values(
      owned.map((application) => ({
        postTypeLabel: application.postType,
        status: application.status,
        submittedAt: application.submittedAt,
        validUntil: application.validUntil,
        renewalNoticeSentAt: application.notice,
        reason: "account_deleted" as const,
      })),
    );
  }
  const storageKeys = (await tx.select({ key: files.storageKey }).from(files).where(eq(files.userId, userId))).map((row) => row.key);
  await scheduleObjectDeletion(tx, storageKeys);
  await eraseTraces(tx, userId, [user.identifier, ...(user.email ? [user.email] : [])], owned.map((row) => row.id));
  await tx.delete(users).where(eq(users.id, userId));
  await recordAudit(tx, {
    actor: { id: null, label: "candidat (compte supprimé)" },
    action,
    entityType: "user",
    entityId: userId,
    details: { applications: owned.length, files: storageKeys.length },
  });
  return { email: user.email, storageKeys };
}
