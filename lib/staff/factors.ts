import "server-only";
import { randomInt } from "node:crypto";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { and, asc, count, eq, gt, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { createElement } from "react";
import { StaffSecurityNoticeEmail, staffSecurityNoticeSubject } from "../../emails/staff-security-notice";
import { recordAudit } from "../audit/audit";
import { hashPassword, recoveryCodeCost, verifyPassword } from "../auth/password-hash";
import { clearFailures, lockedUntil, recordFailure, secondFactorKey, throttlePolicy } from "../auth/throttle";
import { getDb, type Queryable } from "../db/client";
import { formatFrenchDate, formatParisTime } from "../format/date";
import { appLink, loadBranding } from "../mail/branding";
import { transactionWithMail, type Outbox } from "../mail/outbox";
import { staffPasskeys, staffRecoveryCodes, staffSessions, staffTotp, users, webauthnChallenges } from "../db/schema";
import { env } from "../env";
import { seal, sealPurposes, unseal } from "../security/sealed";
import { loadSettings } from "../settings/settings";
import { assertAdmin, assertStaff, isStaffRole, staffActor, type StaffMember, type StaffRole } from "./access";
import { endStaffSessionsOf } from "./sessions";

/**
 * Staff second factors. Passkeys (WebAuthn through @simplewebauthn/server) come first: they
 * cannot be phished and sign in on their own (the authenticator checks the person, PIN or
 * biometrics). An authenticator app (TOTP through otpauth) is the fallback, after the password.
 * Ten one-time recovery codes, stored as salted scrypt hashes, cover a lost device. A setting
 * makes a factor mandatory per role; until a password-only session gives one, it opens nothing.
 */

export type SecondFactorMethod = "passkey" | "totp" | "recovery";

/** What a staff session may reach: all of it, the second-factor page, or the enrolment first. */
export type StaffGate = "ok" | "verify" | "enrol";

const maxFactorFailures = 5;
const challengeMinutes = 5;
const recoveryCodeCount = 10;
// Crockford's base32: no I, L, O or U to misread; 16 characters carry 80 random bits.
const recoveryAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

const relyingParty = () => {
  const url = new URL(env().APP_URL);
  return { id: url.hostname, origin: url.origin };
};

export async function secondFactorRequired(db: Queryable, role: StaffRole): Promise<boolean> {
  const settings = await loadSettings(db);
  return role === "admin" ? settings.secondFactorForAdmins : settings.secondFactorForGestionnaires;
}

/** Whether this staff member has a passkey or a confirmed authenticator app. */
export async function hasSecondFactor(db: Queryable, userId: string): Promise<boolean> {
  const [row] = await db.execute<{ has: boolean }>(
    sql`select exists (select 1 from ${staffPasskeys} where ${staffPasskeys.userId} = ${userId}) or exists (select 1 from ${staffTotp} where ${staffTotp.userId} = ${userId} and ${staffTotp.secret} is not null) as has`,
  );
  return Boolean(row?.has);
}

/** Where a staff session stands: a verified one goes anywhere; otherwise the factor decides. */
export async function staffGate(db: Queryable, user: { id: string; role: StaffRole }, sessionVerified: boolean): Promise<StaffGate> {
  if (sessionVerified) return "ok";
  if (await hasSecondFactor(db, user.id)) return "verify";
  return (await secondFactorRequired(db, user.role)) ? "enrol" : "ok";
}

export type FactorOverview = {
  passkeys: { id: string; label: string; createdAt: Date; lastUsedAt: Date | null }[];
  totp: { confirmedAt: Date } | null;
  recoveryCodes: { left: number; total: number };
  required: boolean;
};

export async function factorOverview(db: Queryable, staff: StaffMember): Promise<FactorOverview> {
  assertStaff(staff);
  const [passkeys, [totp], codes, required] = await Promise.all([
    db
      .select({ id: staffPasskeys.id, label: staffPasskeys.label, createdAt: staffPasskeys.createdAt, lastUsedAt: staffPasskeys.lastUsedAt })
      .from(staffPasskeys)
      .where(eq(staffPasskeys.userId, staff.id))
      .orderBy(asc(staffPasskeys.createdAt)),
    db.select({ confirmedAt: staffTotp.confirmedAt }).from(staffTotp).where(and(eq(staffTotp.userId, staff.id), isNotNull(staffTotp.secret))),
    db.select({ usedAt: staffRecoveryCodes.usedAt }).from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, staff.id)),
    secondFactorRequired(db, staff.role),
  ]);
  return {
    passkeys,
    totp: totp?.confirmedAt ? { confirmedAt: totp.confirmedAt } : null,
    recoveryCodes: { left: codes.filter((code) => !code.usedAt).length, total: codes.length },
    required,
  };
}

/* ------------------------------------------------------------------ notices */

/** Each change to a staff member's factors is mailed to them: one they did not make is a warning. */
async function noticeSecurityChange(tx: Queryable, outbox: Outbox, userId: string, change: string): Promise<void> {
  const [person] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!person?.email) return;
  const branding = await loadBranding(tx);
  const now = new Date();
  await outbox.enqueue({
    template: "staff-security-notice",
    to: person.email,
    userId,
    subject: staffSecurityNoticeSubject(),
    element: createElement(StaffSecurityNoticeEmail, {
      branding,
      change,
      when: `le ${formatFrenchDate(now)} à ${formatParisTime(now)}`,
      securityUrl: appLink("/admin/securite"),
      contactEmail: branding.contactEmail,
    }),
  });
}

/* ------------------------------------------------------------------ sessions */

/** Marks a staff session as having given its second factor (sign-in, or a first enrolment). */
async function markSessionVerified(tx: Queryable, sessionId: string, userId: string, method: SecondFactorMethod): Promise<void> {
  await tx
    .update(staffSessions)
    .set({ secondFactor: method, secondFactorAt: sql`now()`, factorFailures: 0 })
    .where(and(eq(staffSessions.id, sessionId), eq(staffSessions.userId, userId), isNull(staffSessions.endedAt)));
}

/** A wrong code: counted on the session, which ends at the fifth (the password must be given again). */
async function recordFactorFailure(tx: Queryable, staff: StaffMember, sessionId: string, method: SecondFactorMethod): Promise<{ ended: boolean }> {
  const [row] = await tx
    .update(staffSessions)
    .set({ factorFailures: sql`${staffSessions.factorFailures} + 1` })
    .where(and(eq(staffSessions.id, sessionId), eq(staffSessions.userId, staff.id)))
    .returning({ failures: staffSessions.factorFailures });
  // Per person too: signing in again (or in several windows) gives no fresh set of guesses.
  await recordFailure(tx, secondFactorKey(staff.id), throttlePolicy.secondFactor);
  const ended = (row?.failures ?? maxFactorFailures) >= maxFactorFailures;
  if (ended) await tx.update(staffSessions).set({ endedAt: sql`now()` }).where(and(eq(staffSessions.id, sessionId), isNull(staffSessions.endedAt)));
  await recordAudit(tx, { actor: staffActor(staff), action: ended ? "staff.second_factor_locked" : "staff.second_factor_failed", entityType: "user", entityId: staff.id, details: { method } });
  return { ended };
}

/* ------------------------------------------------------------------ TOTP */

/** The TOTP secret at rest is sealed (lib/security/sealed): a database copy alone cannot mint codes. */
const sealTotp = (plain: string) => seal(sealPurposes.totp, plain);

/** The secret, or null when it cannot be opened (AUTH_SECRET changed since the enrolment). */
function openSecret(value: string): string | null {
  try {
    return unseal(sealPurposes.totp, value);
  } catch {
    return null;
  }
}

const unreadableSecret =
  "Votre application d'authentification doit être configurée de nouveau (la clé du serveur a changé) : connectez-vous avec une clé d'accès ou un code de secours, puis configurez-la dans Sécurité.";

const totpPeriod = 30;

function totpOf(secret: string, issuer: string, label: string): TOTP {
  // SHA-1, 6 digits, 30 s: what every authenticator app reads from a QR code.
  return new TOTP({ issuer, label, algorithm: "SHA1", digits: 6, period: totpPeriod, secret: Secret.fromBase32(secret) });
}

const normaliseTotp = (code: string) => code.replace(/[\s-]/g, "");

/**
 * Checks a code against a secret, one step of clock drift either way, and returns the time
 * step it belongs to; a step at or before `lastStep` was already used.
 */
function matchTotp(secret: string, code: string, lastStep: number | null, now: Date): { ok: true; step: number } | { ok: false; reason: "invalid" | "reused" } {
  const token = normaliseTotp(code);
  if (!/^\d{6}$/.test(token)) return { ok: false, reason: "invalid" };
  const delta = totpOf(secret, "", "").validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return { ok: false, reason: "invalid" };
  const step = Math.floor(now.getTime() / 1000 / totpPeriod) + delta;
  if (lastStep !== null && step <= lastStep) return { ok: false, reason: "reused" };
  return { ok: true, step };
}

export type TotpEnrolment = { secret: string; uri: string; qrSvg: string };

/** "Configurer une application": a new secret kept aside until a first code confirms it (a confirmed one stays meanwhile). */
export async function startTotpEnrolment(staff: StaffMember): Promise<TotpEnrolment> {
  assertStaff(staff);
  const db = getDb();
  const secret = new Secret({ size: 20 }).base32;
  await db
    .insert(staffTotp)
    .values({ userId: staff.id, pendingSecret: sealTotp(secret) })
    .onConflictDoUpdate({ target: staffTotp.userId, set: { pendingSecret: sealTotp(secret) } });
  const { platformName } = await loadSettings(db);
  const uri = totpOf(secret, `${platformName} gestion`, staff.label).toString();
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qrSvg };
}

export type EnrolmentResult = { ok: true; recoveryCodes: string[] | null } | { ok: false; message: string };

/** The first code from the app: the secret becomes the one in use, the session counts as verified. */
export async function confirmTotpEnrolment(staff: StaffMember, sessionId: string, code: string, now = new Date()): Promise<EnrolmentResult> {
  assertStaff(staff);
  const codes = await prepareRecoveryCodes(staff.id);
  return transactionWithMail(async (tx, outbox) => {
    const [row] = await tx.select({ pending: staffTotp.pendingSecret }).from(staffTotp).where(eq(staffTotp.userId, staff.id)).for("update");
    const sealed = row?.pending;
    const pending = sealed ? openSecret(sealed) : null;
    if (!sealed || !pending) return { ok: false as const, message: "Recommencez la configuration : cliquez sur « Configurer une application »." };
    const match = matchTotp(pending, code, null, now);
    if (!match.ok) return { ok: false as const, message: "Ce code ne correspond pas. Vérifiez l'heure de votre téléphone et saisissez le code affiché maintenant (6 chiffres)." };
    await tx.update(staffTotp).set({ secret: sealed, pendingSecret: null, confirmedAt: now, lastStep: match.step }).where(eq(staffTotp.userId, staff.id));
    await markSessionVerified(tx, sessionId, staff.id, "totp");
    const issued = await issueRecoveryCodesIfNone(tx, staff.id, codes);
    await recordAudit(tx, { actor: staffActor(staff), action: "staff.totp_enabled", entityType: "user", entityId: staff.id });
    await noticeSecurityChange(tx, outbox, staff.id, "une application d'authentification a été activée");
    return { ok: true as const, recoveryCodes: issued };
  });
}

/* ------------------------------------------------------------------ recovery codes */

function newRecoveryCode(): string {
  const characters = Array.from({ length: 16 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]!);
  return [0, 4, 8, 12].map((start) => characters.slice(start, start + 4).join("")).join("-");
}

/** As typed: case, spaces and dashes ignored; O read as 0, I and L as 1 (Crockford). */
export function normaliseRecoveryCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

type PreparedCodes = { plain: string[]; hashes: string[] };

/** Hashing ten codes takes ~0.4 s: done before any transaction opens. */
async function prepareRecoveryCodes(userId: string): Promise<PreparedCodes | null> {
  const [existing] = await getDb().select({ n: count() }).from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
  if ((existing?.n ?? 0) > 0) return null;
  return hashCodes();
}

async function hashCodes(): Promise<PreparedCodes> {
  const plain = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  const hashes = await Promise.all(plain.map((code) => hashPassword(normaliseRecoveryCode(code), recoveryCodeCost)));
  return { plain, hashes };
}

/** A first factor comes with its recovery codes, shown once. */
async function issueRecoveryCodesIfNone(tx: Queryable, userId: string, prepared: PreparedCodes | null): Promise<string[] | null> {
  const [existing] = await tx.select({ n: count() }).from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
  if ((existing?.n ?? 0) > 0) return null;
  const codes = prepared ?? (await hashCodes());
  await tx.insert(staffRecoveryCodes).values(codes.hashes.map((codeHash) => ({ userId, codeHash })));
  return codes.plain;
}

/** "Générer de nouveaux codes": the old ones stop working. */
export async function regenerateRecoveryCodes(staff: StaffMember): Promise<string[]> {
  assertStaff(staff);
  const codes = await hashCodes();
  await transactionWithMail(async (tx, outbox) => {
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, staff.id));
    await tx.insert(staffRecoveryCodes).values(codes.hashes.map((codeHash) => ({ userId: staff.id, codeHash })));
    await recordAudit(tx, { actor: staffActor(staff), action: "staff.recovery_codes_regenerated", entityType: "user", entityId: staff.id });
    await noticeSecurityChange(tx, outbox, staff.id, "de nouveaux codes de secours ont été générés ; les précédents ne fonctionnent plus");
  });
  return codes.plain;
}

/* ------------------------------------------------------------------ second step of a sign-in */

export type VerificationResult = { ok: true } | { ok: false; message: string; ended?: boolean };

const failureMessage = (ended: boolean, message: string): VerificationResult =>
  ended ? { ok: false, ended: true, message: "Trop de codes erronés : par sécurité, la session est fermée. Connectez-vous de nouveau." } : { ok: false, message };

/**
 * Refused before any check (and before any scrypt work): an ended session, or a person whose
 * wrong codes reached the limit across sessions (10 in 15 minutes, then 15 minutes' wait).
 */
async function refusedBeforeChecking(staff: StaffMember, sessionId: string): Promise<VerificationResult | null> {
  const db = getDb();
  const [[session], locked] = await Promise.all([
    db.select({ endedAt: staffSessions.endedAt }).from(staffSessions).where(and(eq(staffSessions.id, sessionId), eq(staffSessions.userId, staff.id))),
    lockedUntil(db, [secondFactorKey(staff.id)]),
  ]);
  if (!session || session.endedAt) return { ok: false, ended: true, message: "Votre session est terminée. Connectez-vous de nouveau." };
  if (locked) return { ok: false, message: `Trop de codes erronés pour votre compte : par sécurité, réessayez à partir de ${formatParisTime(locked)}.` };
  return null;
}

/**
 * The code of an authenticator app, or a recovery code, after the password: checked, the
 * session verified, each use and failure journaled. Five wrong codes end the session.
 */
export async function verifySessionCode(staff: StaffMember, sessionId: string, method: "totp" | "recovery", code: string, now = new Date()): Promise<VerificationResult> {
  assertStaff(staff);
  const refused = await refusedBeforeChecking(staff, sessionId);
  if (refused) return refused;
  const recoveryRows =
    method === "recovery"
      ? await getDb()
          .select({ id: staffRecoveryCodes.id, hash: staffRecoveryCodes.codeHash })
          .from(staffRecoveryCodes)
          .where(and(eq(staffRecoveryCodes.userId, staff.id), isNull(staffRecoveryCodes.usedAt)))
      : [];
  // scrypt outside the transaction: each code costs ~40 ms.
  let recoveryMatch: string | null = null;
  const typed = normaliseRecoveryCode(code);
  if (method === "recovery" && typed.length === 16) {
    for (const row of recoveryRows) {
      if (await verifyPassword(typed, row.hash)) {
        recoveryMatch = row.id;
        break;
      }
    }
  }
  return transactionWithMail(async (tx, outbox) => {
    const [session] = await tx
      .select({ endedAt: staffSessions.endedAt })
      .from(staffSessions)
      .where(and(eq(staffSessions.id, sessionId), eq(staffSessions.userId, staff.id)))
      .for("update");
    if (!session || session.endedAt) return { ok: false as const, ended: true, message: "Votre session est terminée. Connectez-vous de nouveau." };
    if (method === "totp") {
      const [row] = await tx.select({ secret: staffTotp.secret, lastStep: staffTotp.lastStep }).from(staffTotp).where(eq(staffTotp.userId, staff.id)).for("update");
      if (!row?.secret) return { ok: false as const, message: "Aucune application d'authentification n'est configurée pour votre compte." };
      const secret = openSecret(row.secret);
      if (!secret) return { ok: false as const, message: unreadableSecret };
      const match = matchTotp(secret, code, row.lastStep, now);
      if (!match.ok) {
        const { ended } = await recordFactorFailure(tx, staff, sessionId, "totp");
        return failureMessage(
          ended,
          match.reason === "reused" ? "Ce code a déjà servi : attendez le suivant (il change toutes les 30 secondes)." : "Ce code ne correspond pas : saisissez les 6 chiffres affichés maintenant par votre application.",
        );
      }
      await tx.update(staffTotp).set({ lastStep: match.step }).where(eq(staffTotp.userId, staff.id));
    } else {
      const used = recoveryMatch
        ? await tx
            .update(staffRecoveryCodes)
            .set({ usedAt: now })
            .where(and(eq(staffRecoveryCodes.id, recoveryMatch), isNull(staffRecoveryCodes.usedAt)))
            .returning({ id: staffRecoveryCodes.id })
        : [];
      if (used.length === 0) {
        const { ended } = await recordFactorFailure(tx, staff, sessionId, "recovery");
        return failureMessage(ended, "Ce code de secours n'est pas valable (chaque code ne sert qu'une fois).");
      }
      const left = recoveryRows.length - 1;
      await noticeSecurityChange(tx, outbox, staff.id, `un code de secours a servi à vous connecter ; il vous en reste ${left}`);
    }
    await clearFailures(tx, secondFactorKey(staff.id));
    await markSessionVerified(tx, sessionId, staff.id, method);
    await recordAudit(tx, {
      actor: staffActor(staff),
      action: method === "totp" ? "staff.second_factor" : "staff.recovery_code_used",
      entityType: "user",
      entityId: staff.id,
      details: method === "recovery" ? { left: recoveryRows.length - 1 } : { method },
    });
    return { ok: true as const };
  });
}

/* ------------------------------------------------------------------ passkeys */

async function storeChallenge(userId: string | null, purpose: "registration" | "authentication", challenge: string): Promise<string> {
  const db = getDb();
  // Challenges nobody answered go as new ones come.
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, sql`now()`));
  const [row] = await db
    .insert(webauthnChallenges)
    .values({ userId, purpose, challenge, expiresAt: sql`now() + make_interval(mins => ${challengeMinutes})` })
    .returning({ id: webauthnChallenges.id });
  return row!.id;
}

/** Takes a challenge once: a second use, another person's or an expired one finds nothing. */
async function consumeChallenge(tx: Queryable, id: string, userId: string | null, purpose: "registration" | "authentication"): Promise<string | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await tx
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.id, id),
        eq(webauthnChallenges.purpose, purpose),
        userId ? eq(webauthnChallenges.userId, userId) : isNull(webauthnChallenges.userId),
        gt(webauthnChallenges.expiresAt, sql`now()`),
      ),
    )
    .returning({ challenge: webauthnChallenges.challenge });
  return row?.challenge ?? null;
}

export async function passkeyRegistrationOptions(staff: StaffMember): Promise<{ challengeId: string; options: PublicKeyCredentialCreationOptionsJSON }> {
  assertStaff(staff);
  const db = getDb();
  const [existing, settings] = await Promise.all([
    db.select({ id: staffPasskeys.credentialId, transports: staffPasskeys.transports }).from(staffPasskeys).where(eq(staffPasskeys.userId, staff.id)),
    loadSettings(db),
  ]);
  const options = await generateRegistrationOptions({
    rpName: `${settings.platformName} – espace de gestion`,
    rpID: relyingParty().id,
    userName: staff.label,
    userID: new TextEncoder().encode(staff.id),
    attestationType: "none",
    excludeCredentials: existing.map((passkey) => ({ id: passkey.id, transports: passkey.transports })),
    // A passkey that checks the person (PIN, fingerprint, face) and lives on the authenticator: it signs in alone.
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  return { challengeId: await storeChallenge(staff.id, "registration", options.challenge), options };
}

const passkeyLabel = (label: string) => label.replace(/\p{Cc}/gu, "").trim().slice(0, 60);

/** "Ajouter une clé d'accès": the browser's answer checked, the public key kept; a first factor verifies the session. */
export async function registerPasskey(staff: StaffMember, sessionId: string, challengeId: string, response: RegistrationResponseJSON, label: string): Promise<EnrolmentResult> {
  assertStaff(staff);
  const name = passkeyLabel(label);
  if (!name) return { ok: false, message: "Donnez un nom à cette clé d'accès, par exemple « Ordinateur du bureau »." };
  const codes = await prepareRecoveryCodes(staff.id);
  return transactionWithMail(async (tx, outbox) => {
    const challenge = await consumeChallenge(tx, challengeId, staff.id, "registration");
    if (!challenge) return { ok: false as const, message: "La demande a expiré : cliquez de nouveau sur « Ajouter une clé d'accès »." };
    const { id: rpID, origin } = relyingParty();
    const verification = await verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: true }).catch(() => null);
    if (!verification?.verified) return { ok: false as const, message: "La clé d'accès n'a pas pu être vérifiée. Réessayez, ou utilisez une application d'authentification." };
    const { credential } = verification.registrationInfo;
    const [inserted] = await tx
      .insert(staffPasskeys)
      .values({ userId: staff.id, credentialId: credential.id, publicKey: isoBase64URL.fromBuffer(credential.publicKey), counter: credential.counter, transports: credential.transports ?? [], label: name })
      .onConflictDoNothing()
      .returning({ id: staffPasskeys.id });
    if (!inserted) return { ok: false as const, message: "Cette clé d'accès est déjà enregistrée." };
    await markSessionVerified(tx, sessionId, staff.id, "passkey");
    const issued = await issueRecoveryCodesIfNone(tx, staff.id, codes);
    await recordAudit(tx, { actor: staffActor(staff), action: "staff.passkey_added", entityType: "user", entityId: staff.id, details: { label: name } });
    await noticeSecurityChange(tx, outbox, staff.id, `une clé d'accès « ${name} » a été ajoutée`);
    return { ok: true as const, recoveryCodes: issued };
  });
}

/**
 * Options for using a passkey: for a sign-in (no user: the authenticator offers its passkeys
 * for this site) or the second step of a password sign-in (this person's passkeys).
 */
export async function passkeyAuthenticationOptions(userId: string | null): Promise<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  const allowCredentials = userId
    ? (await getDb().select({ id: staffPasskeys.credentialId, transports: staffPasskeys.transports }).from(staffPasskeys).where(eq(staffPasskeys.userId, userId))).map((passkey) => ({
        id: passkey.id,
        transports: passkey.transports,
      }))
    : undefined;
  const options = await generateAuthenticationOptions({ rpID: relyingParty().id, allowCredentials, userVerification: "required" });
  return { challengeId: await storeChallenge(userId, "authentication", options.challenge), options };
}

export type PasskeyUser = { id: string; role: StaffRole; sessionVersion: number };

/**
 * Checks a passkey's answer: the challenge taken once, the credential of an active staff
 * member (the one expected, for a second step), the signature and the person checked by the
 * authenticator. The signature counter is kept (a cloned authenticator shows as a step back).
 */
export async function verifyPasskey(challengeId: string, response: AuthenticationResponseJSON, expectedUserId: string | null): Promise<PasskeyUser | null> {
  return getDb().transaction(async (tx) => {
    const challenge = await consumeChallenge(tx, challengeId, expectedUserId, "authentication");
    if (!challenge || typeof response?.id !== "string") return null;
    const [passkey] = await tx
      .select({
        id: staffPasskeys.id,
        credentialId: staffPasskeys.credentialId,
        publicKey: staffPasskeys.publicKey,
        counter: staffPasskeys.counter,
        transports: staffPasskeys.transports,
        userId: users.id,
        role: users.role,
        sessionVersion: users.sessionVersion,
        disabledAt: users.disabledAt,
      })
      .from(staffPasskeys)
      .innerJoin(users, eq(users.id, staffPasskeys.userId))
      .where(eq(staffPasskeys.credentialId, response.id))
      .for("update", { of: staffPasskeys });
    if (!passkey || passkey.disabledAt || !isStaffRole(passkey.role)) return null;
    if (expectedUserId && passkey.userId !== expectedUserId) return null;
    const { id: rpID, origin } = relyingParty();
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: { id: passkey.credentialId, publicKey: isoBase64URL.toBuffer(passkey.publicKey), counter: passkey.counter, transports: passkey.transports },
      requireUserVerification: true,
    }).catch(() => null);
    if (!verification?.verified) return null;
    await tx.update(staffPasskeys).set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: sql`now()` }).where(eq(staffPasskeys.id, passkey.id));
    return { id: passkey.userId, role: passkey.role, sessionVersion: passkey.sessionVersion };
  });
}

/** A browser's passkey answer as a form sends it (JSON text); null when it is not a JSON object. */
export function readPasskeyAnswer<T extends AuthenticationResponseJSON | RegistrationResponseJSON>(text: string): T | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as T) : null;
  } catch {
    return null;
  }
}

/** The second step with a passkey, after the password. */
export async function verifySessionPasskey(staff: StaffMember, sessionId: string, challengeId: string, response: AuthenticationResponseJSON): Promise<VerificationResult> {
  assertStaff(staff);
  const refused = await refusedBeforeChecking(staff, sessionId);
  if (refused) return refused;
  const user = await verifyPasskey(challengeId, response, staff.id);
  return getDb().transaction(async (tx) => {
    if (!user) {
      const { ended } = await recordFactorFailure(tx, staff, sessionId, "passkey");
      return failureMessage(ended, "La clé d'accès n'a pas été reconnue pour votre compte. Réessayez, ou utilisez votre application ou un code de secours.");
    }
    await markSessionVerified(tx, sessionId, staff.id, "passkey");
    await clearFailures(tx, secondFactorKey(staff.id));
    await recordAudit(tx, { actor: staffActor(staff), action: "staff.second_factor", entityType: "user", entityId: staff.id, details: { method: "passkey" } });
    return { ok: true as const };
  });
}

/* ------------------------------------------------------------------ removal */

export type RemovalResult = { ok: true } | { ok: false; message: string };

const lastFactorMessage =
  "C'est votre dernier moyen de double authentification, obligatoire pour votre rôle : ajoutez-en un autre avant de retirer celui-ci.";

/** Whether removing this factor leaves the person without any while one is required. */
async function wouldLeaveNone(tx: Queryable, staff: StaffMember, removing: { passkeyId?: string; totp?: boolean }): Promise<boolean> {
  if (!(await secondFactorRequired(tx, staff.role))) return false;
  const [passkeys] = await tx
    .select({ n: count() })
    .from(staffPasskeys)
    .where(and(eq(staffPasskeys.userId, staff.id), removing.passkeyId ? sql`${staffPasskeys.id} <> ${removing.passkeyId}` : undefined));
  const [totp] = removing.totp ? [{ n: 0 }] : await tx.select({ n: count() }).from(staffTotp).where(and(eq(staffTotp.userId, staff.id), isNotNull(staffTotp.secret)));
  return (passkeys?.n ?? 0) + (totp?.n ?? 0) === 0;
}

export async function removePasskey(staff: StaffMember, passkeyId: string): Promise<RemovalResult | null> {
  assertStaff(staff);
  return transactionWithMail(async (tx, outbox) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, staff.id)).for("update");
    const [passkey] = await tx.select({ label: staffPasskeys.label }).from(staffPasskeys).where(and(eq(staffPasskeys.id, passkeyId), eq(staffPasskeys.userId, staff.id)));
    if (!passkey) return null;
    if (await wouldLeaveNone(tx, staff, { passkeyId })) return { ok: false as const, message: lastFactorMessage };
    await tx.delete(staffPasskeys).where(eq(staffPasskeys.id, passkeyId));
    await recordAudit(tx, { actor: staffActor(staff), action: "staff.passkey_removed", entityType: "user", entityId: staff.id, details: { label: passkey.label } });
    await noticeSecurityChange(tx, outbox, staff.id, `la clé d'accès « ${passkey.label} » a été retirée`);
    return { ok: true as const };
  });
}

export async function removeTotp(staff: StaffMember): Promise<RemovalResult> {
  assertStaff(staff);
  return transactionWithMail(async (tx, outbox) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, staff.id)).for("update");
    if (await wouldLeaveNone(tx, staff, { totp: true })) return { ok: false as const, message: lastFactorMessage };
    const removed = await tx.delete(staffTotp).where(eq(staffTotp.userId, staff.id)).returning({ secret: staffTotp.secret });
    if (removed.some((row) => row.secret)) {
      await recordAudit(tx, { actor: staffActor(staff), action: "staff.totp_removed", entityType: "user", entityId: staff.id });
      await noticeSecurityChange(tx, outbox, staff.id, "l'application d'authentification a été retirée");
    }
    return { ok: true as const };
  });
}

/**
 * An admin's help for a colleague who lost every device and code: their factors and recovery
 * codes go, their sessions end; at the next sign-in they enrol again.
 */
export async function resetMemberFactors(admin: StaffMember, memberId: string): Promise<boolean> {
  assertAdmin(admin);
  if (memberId === admin.id) return false;
  return transactionWithMail(async (tx, outbox) => {
    const [member] = await tx.select({ role: users.role }).from(users).where(eq(users.id, memberId)).for("update");
    if (!member || !isStaffRole(member.role)) return false;
    await tx.delete(staffPasskeys).where(eq(staffPasskeys.userId, memberId));
    await tx.delete(staffTotp).where(eq(staffTotp.userId, memberId));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, memberId));
    await endStaffSessionsOf(tx, memberId);
    await clearFailures(tx, secondFactorKey(memberId));
    await recordAudit(tx, { actor: staffActor(admin), action: "staff.factors_reset", entityType: "user", entityId: memberId });
    await noticeSecurityChange(tx, outbox, memberId, "un administrateur a réinitialisé votre double authentification ; vous la configurerez de nouveau à la prochaine connexion");
    return true;
  });
}
