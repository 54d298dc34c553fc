import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { createElement } from "react";
import { PasswordChangedEmail, passwordChangedSubject } from "../../emails/password-changed";
import { PasswordResetEmail, passwordResetSubject } from "../../emails/password-reset";
import { recordAudit } from "../audit/audit";
import { hashPassword } from "../auth/password-hash";
import { clearFailures, clearIdentifier, lockedUntil, recordFailure, recoveryKey, resetMailKey, throttlePolicy } from "../auth/throttle";
import { consumeToken, issueToken, peekToken, revokeTokens, supersedeTokens, type TokenFailure } from "../auth/tokens";
import { getDb, type Queryable, type Transaction } from "../db/client";
import { formatParisTime } from "../format/date";
import { users } from "../db/schema";
import { appLink, loadBranding } from "../mail/branding";
import { transactionWithMail, type Outbox } from "../mail/outbox";
import { generateRecoveryCodes, normalizeIdentifier } from "./identifier";
import { findRecoveryCode, spendRecoveryCode } from "./recovery-codes";
import { checkPassword } from "./password-policy";

export const resetValidMinutes = 60;

/**
 * The policy's objections to `password` as the new password of an account, judged against
 * the account's own names and address; null when it is accepted.
 */
export async function newPasswordProblem(db: Queryable, userId: string | undefined, password: string): Promise<string | null> {
  const [person] = userId
    ? await db
        .select({ email: users.email, birthName: users.birthName, usageName: users.usageName, firstName: users.firstName })
        .from(users)
        .where(eq(users.id, userId))
    : [];
  const { problems } = checkPassword(password, [person?.email, person?.birthName, person?.usageName, person?.firstName]);
  return problems.length > 0 ? problems.join(" ") : null;
}

/**
 * "Mot de passe perdu": a reset link by mail when the identifier has an address; silent
 * otherwise. At most three links per account an hour, whoever asks: the form cannot be used
 * to flood someone's mailbox (the answer on the page stays the same).
 */
export async function requestPasswordReset(identifier: string): Promise<void> {
  await transactionWithMail(async (tx, outbox) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(eq(users.identifier, normalizeIdentifier(identifier)), isNotNull(users.email)))
      .limit(1);
    if (!user?.email) return;
    const key = resetMailKey(user.id);
    if (await lockedUntil(tx, [key])) return;
    await recordFailure(tx, key, throttlePolicy.resetMail);
    await supersedeTokens(tx, user.id, "password_reset");
    const token = await issueToken(tx, { userId: user.id, purpose: "password_reset", validMinutes: resetValidMinutes });
    await outbox.enqueue({
      template: "password-reset",
      to: user.email,
      userId: user.id,
      subject: passwordResetSubject(),
      element: createElement(PasswordResetEmail, {
        branding: await loadBranding(tx),
        resetUrl: appLink(`/reinitialisation/${token}`),
        validMinutes: resetValidMinutes,
      }),
    });
  });
}

export type PasswordUpdate = { ok: true } | { ok: false; field: "password" | "token" | "code"; message: string };

const tokenMessages: Record<TokenFailure, string> = {
  unknown: "Ce lien n'est pas valide. Demandez un nouveau lien depuis « Mot de passe perdu ».",
  used: "Ce lien a déjà servi. Si besoin, demandez-en un nouveau depuis « Mot de passe perdu ».",
  superseded: "Un lien plus récent vous a été envoyé : celui-ci ne fonctionne plus. Utilisez le lien du dernier message reçu.",
  expired: "Ce lien a expiré (il est valable une heure). Demandez-en un nouveau depuis « Mot de passe perdu ».",
};

export async function describeResetToken(token: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const result = await peekToken(getDb(), token, "password_reset");
  return result.ok ? { ok: true } : { ok: false, message: tokenMessages[result.reason] };
}

/**
 * Stores a new password and ends every session of the account (session_version + 1); the
 * owner is told by mail when the account has an address.
 */
export async function replacePassword(tx: Transaction, outbox: Outbox, userId: string, password: string, action: string) {
  const [user] = await tx
    .update(users)
    .set({ passwordHash: await hashPassword(password), sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ id: users.id, email: users.email, identifier: users.identifier });
  if (!user) throw new Error("password update matched no user");
  await revokeTokens(tx, userId, "password_reset");
  // The owner proved it is them: whatever locks others' guesses set on the account go.
  await clearIdentifier(tx, user.identifier);
  await recordAudit(tx, { actor: { id: user.id, label: user.identifier }, action, entityType: "user", entityId: user.id });
  if (user.email) {
    const branding = await loadBranding(tx);
    await outbox.enqueue({
      template: "password-changed",
      to: user.email,
      userId: user.id,
      subject: passwordChangedSubject(),
      element: createElement(PasswordChangedEmail, {
        branding,
        lostPasswordUrl: appLink("/mot-de-passe-perdu"),
        contactEmail: branding.contactEmail,
      }),
    });
  }
}

/** Sets a new password from a reset link (which also proves the mailbox: the address counts as verified). */
export async function resetPasswordWithToken(token: string, password: string): Promise<PasswordUpdate> {
  const db = getDb();
  const found = await peekToken(db, token, "password_reset");
  if (!found.ok) return { ok: false, field: "token", message: tokenMessages[found.reason] };
  // A weak password leaves the link usable for a second try.
  const problem = await newPasswordProblem(db, found.token.userId, password);
  if (problem) return { ok: false, field: "password", message: problem };

  return transactionWithMail(async (tx, outbox) => {
    const consumed = await consumeToken(tx, token, "password_reset");
    if (!consumed.ok) return { ok: false, field: "token", message: tokenMessages[consumed.reason] };
    await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, consumed.token.userId));
    await replacePassword(tx, outbox, consumed.token.userId, password, "account.password_reset");
    return { ok: true };
  });
}

/**
 * For accounts without email: a one-time recovery code stands in for the mailed link. Wrong
 * codes count as failed logins, so guessing is throttled like passwords.
 */
export async function resetPasswordWithRecoveryCode(input: {
  identifier: string;
  code: string;
  password: string;
}): Promise<PasswordUpdate> {
  const identifier = normalizeIdentifier(input.identifier);
  // Its own key: wrong codes must not lock the password sign-in of the account's owner.
  const key = recoveryKey(identifier);
  const db = getDb();
  const locked = await lockedUntil(db, [key]);
  if (locked) {
    return { ok: false, field: "code", message: `Trop de tentatives. Par sécurité, réessayez à partir de ${formatParisTime(locked)}.` };
  }

  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.identifier, identifier)).limit(1);
  const problem = await newPasswordProblem(db, user?.id, input.password);
  if (problem) return { ok: false, field: "password", message: problem };

  // Eight scrypt checks, before the transaction and whoever asks (lib/accounts/recovery-codes).
  const codeId = await findRecoveryCode(db, user?.id ?? null, input.code);
  const result = await transactionWithMail(async (tx, outbox) => {
    if (!user) return false;
    if (!(await spendRecoveryCode(tx, user.id, codeId, input.code))) return false;
    await replacePassword(tx, outbox, user.id, input.password, "account.password_recovered");
    return true;
  });
  if (!result) {
    await recordFailure(db, key, throttlePolicy.identifier);
    return { ok: false, field: "code", message: "Identifiant ou code de secours incorrect (chaque code ne sert qu'une fois)." };
  }
  await clearFailures(db, key);
  return { ok: true };
}

/** How long a temporary password given by staff works, unchanged. */
export const provisionalPasswordHours = 72;

/** A temporary password handed over by staff: four groups, no ambiguous characters. */
export function generateProvisionalPassword(): string {
  return generateRecoveryCodes(2).join("-").toLowerCase();
}

/**
 * A staff-assisted reset for an account without email (the candidate phoned the service): a
 * temporary password, shown once to the staff member, to be changed at the next login. Every
 * session of the account ends. The caller checks who may do this and logs it.
 */
export async function setProvisionalPassword(tx: Transaction, userId: string): Promise<string> {
  const password = generateProvisionalPassword();
  await tx
    .update(users)
    .set({
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      provisionalUntil: sql`now() + make_interval(hours => ${provisionalPasswordHours})`,
      sessionVersion: sql`${users.sessionVersion} + 1`,
    })
    .where(eq(users.id, userId));
  await revokeTokens(tx, userId, "password_reset");
  return password;
}

/** The candidate replaces a temporary password at login (no current password asked: they just typed it). */
export async function replaceProvisionalPassword(userId: string, password: string): Promise<PasswordUpdate> {
  const db = getDb();
  const problem = await newPasswordProblem(db, userId, password);
  if (problem) return { ok: false, field: "password", message: problem };
  await transactionWithMail(async (tx, outbox) => {
    await replacePassword(tx, outbox, userId, password, "account.provisional_password_replaced");
    await tx.update(users).set({ mustChangePassword: false, provisionalUntil: null }).where(eq(users.id, userId));
  });
  return { ok: true };
}
