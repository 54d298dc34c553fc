import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { createElement } from "react";
import { RegistrationAttemptEmail, registrationAttemptSubject } from "../../emails/registration-attempt";
import { VerifyEmail, verifyEmailSubject } from "../../emails/verify-email";
import { recordAudit } from "../audit/audit";
import { hashPassword } from "../auth/password-hash";
import { issueToken, supersedeTokens } from "../auth/tokens";
import { isUniqueViolation } from "../db/errors";
import { users } from "../db/schema";
import { appLink, loadBranding } from "../mail/branding";
import { transactionWithMail, type MailDeps, type Outbox } from "../mail/outbox";
import { getDb, type Transaction } from "../db/client";
import { mayMail, takeRegistration } from "../auth/allowance";
import { generateIdentifier } from "./identifier";
import { prepareRecoveryCodes, storeRecoveryCodes } from "./recovery-codes";
import type { RegistrationInput } from "./registration-schema";

export const verificationValidHours = 48;

export type RegistrationOutcome =
  | { kind: "refused"; until: Date }
  | { kind: "verification-sent"; email: string }
  | { kind: "identifier-created"; identifier: string; recoveryCodes: string[] };

function personalColumns(input: RegistrationInput) {
  return {
    civility: input.civility,
    usageName: input.usageName,
    birthName: input.birthName,
    firstName: input.firstName,
    birthDate: input.birthDate,
    birthPlace: input.birthPlace,
    nationality: input.nationality,
    phone: input.phone,
    misc: input.misc,
  };
}

async function sendVerification(tx: Transaction, outbox: Outbox, user: { id: string; email: string; firstName: string }) {
  await supersedeTokens(tx, user.id, "email_verification");
  const token = await issueToken(tx, { userId: user.id, purpose: "email_verification", validMinutes: verificationValidHours * 60 });
  await outbox.enqueue({
    template: "verify-email",
    to: user.email,
    userId: user.id,
    subject: verifyEmailSubject(),
    element: createElement(VerifyEmail, {
      branding: await loadBranding(tx),
      firstName: user.firstName,
      verifyUrl: appLink(`/verification/${token}`),
      validHours: verificationValidHours,
    }),
  });
}

/**
 * Creates a candidate account. With an email: unverified, and a verification mail goes out;
 * an address that already has an account gets a warning mail instead, and the caller sees
 * the same outcome (nothing on screen tells whether the address is known). Without email: a
 * generated identifier and one-time recovery codes, shown once.
 */
export async function registerCandidate(input: RegistrationInput, from: { addressSubject: string }, mailDeps?: MailDeps): Promise<RegistrationOutcome> {
  // Counted before the costly hash: a flood is refused before it can exhaust the server.
  const until = await takeRegistration(getDb(), from.addressSubject);
  if (until) return { kind: "refused", until };
  // Hashed even when the address turns out to be known, so the answer takes as long either way.
  const passwordHash = await hashPassword(input.password);
  if (!input.noEmail) {
    const email = input.email;
    await transactionWithMail(async (tx, outbox) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.identifier, email)).limit(1);
      if (existing) {
        // Someone registering again and again with this address would flood its owner.
        if (!(await mayMail(tx, email))) return;
        await outbox.enqueue({
          template: "registration-attempt",
          to: email,
          userId: existing.id,
          subject: registrationAttemptSubject(),
          element: createElement(RegistrationAttemptEmail, {
            branding: await loadBranding(tx),
            loginUrl: appLink("/"),
            lostPasswordUrl: appLink("/mot-de-passe-perdu"),
          }),
        });
        return;
      }
      const [created] = await tx
        .insert(users)
        .values({ identifier: email, email, passwordHash, role: "candidate", ...personalColumns(input) })
        .returning({ id: users.id });
      await recordAudit(tx, { actor: { id: created!.id, label: email }, action: "account.registered", entityType: "user", entityId: created!.id });
      await sendVerification(tx, outbox, { id: created!.id, email, firstName: input.firstName });
    }, mailDeps);
    return { kind: "verification-sent", email };
  }

  const recoveryCodes = await prepareRecoveryCodes();
  for (let attempt = 0; ; attempt += 1) {
    const identifier = generateIdentifier();
    try {
      await transactionWithMail(async (tx) => {
        const [created] = await tx
          .insert(users)
          .values({ identifier, email: null, passwordHash, role: "candidate", ...personalColumns(input) })
          .returning({ id: users.id });
        await storeRecoveryCodes(tx, created!.id, recoveryCodes);
        await recordAudit(tx, {
          actor: { id: created!.id, label: identifier },
          action: "account.registered_without_email",
          entityType: "user",
          entityId: created!.id,
        });
      });
      return { kind: "identifier-created", identifier, recoveryCodes: recoveryCodes.plain };
    } catch (error) {
      // A generated identifier collided (about one chance in 150 billion): draw another.
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

/** "Renvoyer le message": a new link for an unverified account; silent for anything else. */
export async function resendVerification(email: string): Promise<void> {
  await transactionWithMail(async (tx, outbox) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, firstName: users.firstName, verifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(and(eq(users.identifier, email.trim().toLowerCase()), isNotNull(users.email)))
      .limit(1);
    if (!user?.email || user.verifiedAt) return;
    if (!(await mayMail(tx, user.email))) return;
    await sendVerification(tx, outbox, { id: user.id, email: user.email, firstName: user.firstName ?? "" });
  });
}
