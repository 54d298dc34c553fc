import { and, eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { afterAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLog, staffPasskeys, staffRecoveryCodes, staffSessions, staffTotp, users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { updateSecondFactorSettings } from "@/lib/settings/edit";
import { StaffForbidden, type StaffMember } from "@/lib/staff/access";
import {
  confirmTotpEnrolment,
  factorOverview,
  passkeyAuthenticationOptions,
  passkeyRegistrationOptions,
  regenerateRecoveryCodes,
  registerPasskey,
  removePasskey,
  removeTotp,
  resetMemberFactors,
  staffGate,
  startTotpEnrolment,
  verifyPasskey,
  verifySessionCode,
  verifySessionPasskey,
} from "@/lib/staff/factors";
import { openStaffSession } from "@/lib/staff/sessions";
import { insertStaff } from "../support/factories";
import { inboxClient } from "../support/inbox";
import { SoftwareAuthenticator } from "../support/software-authenticator";

const db = () => getDb();
const inbox = inboxClient(inject("inboxUrl"));


/** A password-only session, as the password sign-in opens it. */
const passwordSession = (staff: StaffMember) => openStaffSession(db(), staff.id, staff.address);

async function sessionState(sessionId: string) {
  const [row] = await db().select({ secondFactor: staffSessions.secondFactor, endedAt: staffSessions.endedAt }).from(staffSessions).where(eq(staffSessions.id, sessionId));
  return row!;
}

const codeAt = (secret: string, at: Date) => new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
const later = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

/** An admin with a confirmed authenticator app, its secret, and the moment of its first code. */
async function adminWithApp() {
  const admin = await insertStaff("admin");
  const enrolment = await startTotpEnrolment(admin);
  const start = new Date();
  const confirmed = await confirmTotpEnrolment(admin, await passwordSession(admin), codeAt(enrolment.secret, start), start);
  if (!confirmed.ok) throw new Error(confirmed.message);
  return { admin, secret: enrolment.secret, start, recoveryCodes: confirmed.recoveryCodes! };
}

const actions = async (userId: string) => (await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, userId))).map((row) => row.action).sort();

describe("second factors: which sessions go where", () => {
  afterAll(async () => {
    const admin = await insertStaff("admin");
    await updateSecondFactorSettings(admin, { secondFactorForAdmins: true, secondFactorForGestionnaires: false });
  });

  it("an admin without a factor is sent to enrol; a gestionnaire only once the setting asks for it; a factor set means verifying each password sign-in", async () => {
    const admin = await insertStaff("admin");
    const gestionnaire = await insertStaff("gestionnaire");
    expect(await staffGate(db(), admin, false)).toBe("enrol");
    expect(await staffGate(db(), gestionnaire, false)).toBe("ok");
    expect(await updateSecondFactorSettings(admin, { secondFactorForAdmins: true, secondFactorForGestionnaires: true })).toEqual({ ok: true, changed: ["secondFactorForGestionnaires"] });
    expect(await staffGate(db(), gestionnaire, false)).toBe("enrol");
    await updateSecondFactorSettings(admin, { secondFactorForAdmins: true, secondFactorForGestionnaires: false });

    const { admin: enrolled } = await adminWithApp();
    expect(await staffGate(db(), enrolled, false)).toBe("verify");
    expect(await staffGate(db(), enrolled, true)).toBe("ok");
  });
});

describe("second factors: authenticator app (TOTP)", () => {
  it("enrols with a first code, then accepts a valid code once, refuses a reused or an expired one", async () => {
    const admin = await insertStaff("admin");
    const enrolment = await startTotpEnrolment(admin);
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    expect(enrolment.qrSvg).toContain("<svg");
    const start = new Date();
    const session = await passwordSession(admin);
    expect(await confirmTotpEnrolment(admin, session, codeAt(enrolment.secret, later(start, -300)), start)).toMatchObject({ ok: false, message: expect.stringContaining("ne correspond pas") });
    expect((await factorOverview(db(), admin)).totp).toBeNull();

    const confirmed = await confirmTotpEnrolment(admin, session, codeAt(enrolment.secret, start), start);
    expect(confirmed).toMatchObject({ ok: true });
    expect(confirmed.ok && confirmed.recoveryCodes).toEqual(Array.from({ length: 10 }, () => expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)));
    expect((await sessionState(session)).secondFactor).toBe("totp");
    // The secret is not readable at rest.
    const [stored] = await db().select({ secret: staffTotp.secret }).from(staffTotp).where(eq(staffTotp.userId, admin.id));
    expect(stored!.secret).not.toContain(enrolment.secret);

    // The next sign-in: the code of the enrolment's time step has served already.
    const next = await passwordSession(admin);
    expect(await verifySessionCode(admin, next, "totp", codeAt(enrolment.secret, start), start)).toEqual({ ok: false, message: expect.stringContaining("déjà servi") });
    // A code from three minutes ago is expired.
    expect(await verifySessionCode(admin, next, "totp", codeAt(enrolment.secret, later(start, -180)), later(start, 30))).toEqual({ ok: false, message: expect.stringContaining("ne correspond pas") });
    expect((await sessionState(next)).secondFactor).toBeNull();
    // The next step's code works, once (typed with a space, as apps show it).
    const fresh = codeAt(enrolment.secret, later(start, 30));
    expect(await verifySessionCode(admin, next, "totp", `${fresh.slice(0, 3)} ${fresh.slice(3)}`, later(start, 31))).toEqual({ ok: true });
    expect((await sessionState(next)).secondFactor).toBe("totp");
    const third = await passwordSession(admin);
    expect(await verifySessionCode(admin, third, "totp", fresh, later(start, 40))).toMatchObject({ ok: false, message: expect.stringContaining("déjà servi") });
    // One step of clock drift is tolerated.
    expect(await verifySessionCode(admin, third, "totp", codeAt(enrolment.secret, later(start, 90)), later(start, 61))).toEqual({ ok: true });

    expect(await actions(admin.id)).toEqual(expect.arrayContaining(["staff.totp_enabled", "staff.second_factor", "staff.second_factor_failed"]));
  });

  it("five wrong codes end the session", async () => {
    const { admin, secret, start } = await adminWithApp();
    const session = await passwordSession(admin);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await verifySessionCode(admin, session, "totp", "000000", later(start, 60))).toMatchObject({ ok: false });
    }
    expect(await verifySessionCode(admin, session, "totp", "000000", later(start, 60))).toMatchObject({ ok: false, ended: true, message: expect.stringContaining("la session est fermée") });
    expect((await sessionState(session)).endedAt).not.toBeNull();
    // Even the right code does nothing for an ended session.
    expect(await verifySessionCode(admin, session, "totp", codeAt(secret, later(start, 60)), later(start, 60))).toMatchObject({ ok: false, ended: true });
    expect(await actions(admin.id)).toContain("staff.second_factor_locked");
  });
});

describe("second factors: limits and faults", () => {
  it("wrong codes count per person across sessions: after ten, even the right code waits", async () => {
    const { admin, secret, start } = await adminWithApp();
    for (const _ of [1, 2]) {
      const session = await passwordSession(admin);
      for (let attempt = 1; attempt <= 5; attempt++) await verifySessionCode(admin, session, "totp", "000000", later(start, 60));
      expect((await sessionState(session)).endedAt).not.toBeNull();
    }
    const third = await passwordSession(admin);
    expect(await verifySessionCode(admin, third, "totp", codeAt(secret, later(start, 60)), later(start, 60))).toEqual({ ok: false, message: expect.stringContaining("Trop de codes erronés pour votre compte") });
    expect(await verifySessionCode(admin, third, "recovery", "0000-0000-0000-0000")).toEqual({ ok: false, message: expect.stringContaining("Trop de codes erronés pour votre compte") });
    expect((await sessionState(third)).secondFactor).toBeNull();
  });

  it("a secret sealed under another AUTH_SECRET gets a French message, not an error", async () => {
    const { admin, secret, start } = await adminWithApp();
    await db().update(staffTotp).set({ secret: "v1.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA" }).where(eq(staffTotp.userId, admin.id));
    const session = await passwordSession(admin);
    expect(await verifySessionCode(admin, session, "totp", codeAt(secret, later(start, 60)), later(start, 60))).toEqual({ ok: false, message: expect.stringContaining("doit être configurée de nouveau") });
  });
});

describe("second factors: recovery codes", () => {
  it("each code works once, whatever its case or dashes; regenerating replaces them all", async () => {
    const { admin, recoveryCodes } = await adminWithApp();
    const session = await passwordSession(admin);
    const [first, second] = recoveryCodes;
    expect(await verifySessionCode(admin, session, "recovery", first!.toLowerCase().replace(/-/g, " "))).toEqual({ ok: true });
    expect((await sessionState(session)).secondFactor).toBe("recovery");
    const again = await passwordSession(admin);
    expect(await verifySessionCode(admin, again, "recovery", first!)).toEqual({ ok: false, message: "Ce code de secours n'est pas valable (chaque code ne sert qu'une fois)." });
    expect((await factorOverview(db(), admin)).recoveryCodes).toEqual({ left: 9, total: 10 });

    const renewed = await regenerateRecoveryCodes(admin);
    expect(renewed).toHaveLength(10);
    expect(await verifySessionCode(admin, again, "recovery", second!)).toMatchObject({ ok: false });
    expect(await verifySessionCode(admin, again, "recovery", renewed[0]!)).toEqual({ ok: true });
    // Stored as salted slow hashes, never as the code.
    const stored = await db().select({ hash: staffRecoveryCodes.codeHash }).from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, admin.id));
    expect(stored.every((row) => row.hash.startsWith("scrypt$16384$") && !renewed.some((code) => row.hash.includes(code)))).toBe(true);
    expect(await actions(admin.id)).toEqual(expect.arrayContaining(["staff.recovery_code_used", "staff.recovery_codes_regenerated"]));
  });
});

describe("second factors: passkeys", () => {
  const origin = () => new URL(env().APP_URL).origin;

  it("registers a passkey, signs in with it alone, and as the second step of a password sign-in; a replayed answer or another's passkey is refused", async () => {
    const admin = await insertStaff("admin");
    const device = new SoftwareAuthenticator(origin());
    const session = await passwordSession(admin);
    const registration = await passkeyRegistrationOptions(admin);
    expect(registration.options.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "required" });
    const registered = await registerPasskey(admin, session, registration.challengeId, device.register(registration.options.challenge), "  Ordinateur du bureau ");
    expect(registered).toMatchObject({ ok: true, recoveryCodes: expect.any(Array) });
    // Its owner is told by mail (a passkey they did not add is a warning).
    const notice = await inbox.waitFor(admin.label, (mail) => mail.subject.includes("Double authentification de votre accès"));
    expect(notice.text).toContain("une clé d'accès « Ordinateur du bureau » a été ajoutée");
    expect((await sessionState(session)).secondFactor).toBe("passkey");
    expect((await factorOverview(db(), admin)).passkeys).toEqual([expect.objectContaining({ label: "Ordinateur du bureau", lastUsedAt: null })]);
    // The same challenge cannot serve twice.
    expect(await registerPasskey(admin, session, registration.challengeId, device.register(registration.options.challenge), "Encore")).toMatchObject({ ok: false, message: expect.stringContaining("expiré") });

    // Sign-in with the passkey alone (no user known beforehand).
    const signIn = await passkeyAuthenticationOptions(null);
    const answer = device.authenticate(signIn.options.challenge);
    expect(await verifyPasskey(signIn.challengeId, answer, null)).toEqual({ id: admin.id, role: "admin", sessionVersion: 0 });
    expect(await verifyPasskey(signIn.challengeId, answer, null)).toBeNull();
    const [stored] = await db().select({ counter: staffPasskeys.counter, lastUsedAt: staffPasskeys.lastUsedAt }).from(staffPasskeys).where(eq(staffPasskeys.userId, admin.id));
    expect(stored).toMatchObject({ counter: 1, lastUsedAt: expect.any(Date) });

    // Without the person verified by the authenticator, nothing opens.
    const unverified = await passkeyAuthenticationOptions(null);
    expect(await verifyPasskey(unverified.challengeId, device.authenticate(unverified.options.challenge, { userVerified: false }), null)).toBeNull();

    // As the second step after a password: only this person's passkeys.
    const next = await passwordSession(admin);
    const step = await passkeyAuthenticationOptions(admin.id);
    expect(step.options.allowCredentials).toEqual([expect.objectContaining({ id: device.id })]);
    expect(await verifySessionPasskey(admin, next, step.challengeId, device.authenticate(step.options.challenge))).toEqual({ ok: true });
    const other = await insertStaff("admin");
    const otherSession = await passwordSession(other);
    const otherStep = await passkeyAuthenticationOptions(other.id);
    expect(await verifySessionPasskey(other, otherSession, otherStep.challengeId, device.authenticate(otherStep.options.challenge))).toMatchObject({ ok: false });
    expect((await sessionState(otherSession)).secondFactor).toBeNull();

    // A deactivated account's passkey opens nothing.
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, admin.id));
    const afterDisable = await passkeyAuthenticationOptions(null);
    expect(await verifyPasskey(afterDisable.challengeId, device.authenticate(afterDisable.options.challenge), null)).toBeNull();
    expect(await actions(admin.id)).toEqual(expect.arrayContaining(["staff.passkey_added", "staff.second_factor"]));
  });
});

describe("second factors: removal and reset", () => {
  it("the last factor of someone who must have one stays; an admin resets a colleague's factors and ends their sessions", async () => {
    const { admin } = await adminWithApp();
    expect(await removeTotp(admin)).toEqual({ ok: false, message: expect.stringContaining("dernier moyen") });
    const device = new SoftwareAuthenticator(new URL(env().APP_URL).origin);
    const registration = await passkeyRegistrationOptions(admin);
    await registerPasskey(admin, await passwordSession(admin), registration.challengeId, device.register(registration.options.challenge), "Téléphone");
    expect(await removeTotp(admin)).toEqual({ ok: true });
    const [passkey] = await db().select({ id: staffPasskeys.id }).from(staffPasskeys).where(eq(staffPasskeys.userId, admin.id));
    expect(await removePasskey(admin, passkey!.id)).toEqual({ ok: false, message: expect.stringContaining("dernier moyen") });

    const colleague = await adminWithApp();
    const colleagueSession = await passwordSession(colleague.admin);
    expect(await resetMemberFactors(admin, admin.id)).toBe(false);
    expect(await resetMemberFactors(admin, colleague.admin.id)).toBe(true);
    expect(await factorOverview(db(), colleague.admin)).toMatchObject({ passkeys: [], totp: null, recoveryCodes: { left: 0, total: 0 } });
    expect((await sessionState(colleagueSession)).endedAt).not.toBeNull();
    expect(await staffGate(db(), colleague.admin, false)).toBe("enrol");
    const [logged] = await db().select({ actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.action, "staff.factors_reset"), eq(auditLog.entityId, colleague.admin.id)));
    expect(logged?.actorId).toBe(admin.id);
  });

  it("a gestionnaire can neither reset someone's factors nor change the setting", async () => {
    const gestionnaire = await insertStaff("gestionnaire");
    const { admin } = await adminWithApp();
    await expect(resetMemberFactors(gestionnaire, admin.id)).rejects.toBeInstanceOf(StaffForbidden);
    await expect(updateSecondFactorSettings(gestionnaire, { secondFactorForAdmins: false, secondFactorForGestionnaires: false })).rejects.toBeInstanceOf(StaffForbidden);
    expect(await staffGate(db(), admin, false)).toBe("verify");
    expect((await factorOverview(db(), admin)).totp).not.toBeNull();
  });
});
