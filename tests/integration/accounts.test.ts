import { and, eq, sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { itOnPostgres } from "../support/concurrency";
import { randomUUID } from "node:crypto";
import { takeAllowance } from "@/lib/auth/allowance";
import { authenticate } from "@/lib/auth/login";
import { requestPasswordReset, resetPasswordWithRecoveryCode, resetPasswordWithToken } from "@/lib/accounts/password-reset";
import { registerCandidate, resendVerification } from "@/lib/accounts/registration";
import { parseRegistration } from "@/lib/accounts/registration-schema";
import { verifyEmailAndOpenSession } from "@/lib/accounts/verification";
import { hashToken, issueToken, peekToken } from "@/lib/auth/tokens";
import { recoveryCodeStatus, regenerateRecoveryCodes } from "@/lib/accounts/recovery-codes";
import { normalizeRecoveryCode } from "@/lib/accounts/identifier";
import { getDb } from "@/lib/db/client";
import { candidateRecoveryCodes, emailOutbox, tokens, users } from "@/lib/db/schema";
import { candidatePassword, registerWithEmail, registrationForm, someClient, tokenFromMail, userByIdentifier } from "../support/candidates";
import { uniqueEmail } from "../support/factories";
import { inboxClient } from "../support/inbox";

const inbox = inboxClient(inject("inboxUrl"));
const address = "203.0.113.7";

describe("registration and email verification", () => {
  it("creates an unverified account, mails a single-use link that opens a session", async () => {
    const email = uniqueEmail("inscription");
    expect(await registerWithEmail(email)).toEqual({ kind: "verification-sent", email });
    expect((await userByIdentifier(email))?.emailVerifiedAt).toBeNull();
    expect(await authenticate(getDb(), { identifier: email, password: candidatePassword, address })).toEqual({ status: "unverified" });

    const mail = await inbox.waitFor(email, (m) => m.subject.includes("Confirmez votre adresse"));
    expect(mail.text).toContain("Bonjour Maxime");
    const token = tokenFromMail(mail.text, "verification");
    const opened = await verifyEmailAndOpenSession(getDb(), token);
    expect(opened).toMatchObject({ ok: true, user: { role: "candidate" } });
    expect((await userByIdentifier(email))?.emailVerifiedAt).not.toBeNull();
    expect(await verifyEmailAndOpenSession(getDb(), token)).toEqual({ ok: false, reason: "used" });
    expect(await authenticate(getDb(), { identifier: email.toUpperCase(), password: candidatePassword, address })).toMatchObject({ status: "ok" });
  });

  it("a resent link replaces the previous one, which then says a newer link was sent", async () => {
    const email = uniqueEmail("renvoi");
    await registerWithEmail(email);
    const first = tokenFromMail((await inbox.waitFor(email)).text, "verification");
    await resendVerification(email);
    const resent = await inbox.waitFor(email, (m) => tokenFromMail(m.text, "verification") !== first);
    const second = tokenFromMail(resent.text, "verification");
    expect(await peekToken(getDb(), first, "email_verification")).toEqual({ ok: false, reason: "superseded" });
    expect(await verifyEmailAndOpenSession(getDb(), first)).toEqual({ ok: false, reason: "superseded" });
    expect((await userByIdentifier(email))?.emailVerifiedAt).toBeNull();
    expect(await verifyEmailAndOpenSession(getDb(), second)).toMatchObject({ ok: true });
    // Once used, a link says so (and the account is active).
    expect(await peekToken(getDb(), second, "email_verification")).toEqual({ ok: false, reason: "used" });
  });

  it("refuses an expired verification link", async () => {
    const email = uniqueEmail("expire");
    await registerWithEmail(email);
    const token = tokenFromMail((await inbox.waitFor(email)).text, "verification");
    await getDb().update(tokens).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(tokens.tokenHash, hashToken(token)));
    expect(await verifyEmailAndOpenSession(getDb(), token)).toEqual({ ok: false, reason: "expired" });
  });

  it("answers the same for a known address, changes nothing and warns its owner by mail", async () => {
    const email = uniqueEmail("deja");
    await registerWithEmail(email);
    const before = await userByIdentifier(email);
    expect(await registerWithEmail(email)).toEqual({ kind: "verification-sent", email });
    expect(await userByIdentifier(email)).toEqual(before);
    const warning = await inbox.waitFor(email, (m) => m.subject === "AcloE – Une inscription a été tentée avec votre adresse");
    expect(warning.text).toContain("aucun nouveau compte n'a été créé");
  });

  it("gives candidates without email a generated identifier and one-time recovery codes", async () => {
    const parsed = parseRegistration(registrationForm({ noEmail: true, phone: "0612345678", firstName: "Camille" }));
    if (!parsed.ok) throw new Error("form refused");
    const outcome = await registerCandidate(parsed.data, someClient());
    if (outcome.kind !== "identifier-created") throw new Error("no identifier");
    expect(outcome.identifier).toMatch(/^aesh-[0-9a-z]{4}-[0-9a-z]{4}$/);
    expect(outcome.recoveryCodes).toHaveLength(8);
    expect(await authenticate(getDb(), { identifier: outcome.identifier.toUpperCase(), password: candidatePassword, address })).toMatchObject({ status: "ok" });

    const newPassword = "Trois petits chats, 2025 !";
    const code = outcome.recoveryCodes[0]!;
    expect(await resetPasswordWithRecoveryCode({ identifier: outcome.identifier, code: code.toLowerCase(), password: newPassword })).toEqual({ ok: true });
    expect(await resetPasswordWithRecoveryCode({ identifier: outcome.identifier, code, password: newPassword })).toMatchObject({ ok: false, field: "code" });
    expect(await authenticate(getDb(), { identifier: outcome.identifier, password: newPassword, address })).toMatchObject({ status: "ok" });

    // At rest: salted scrypt hashes only, nothing a copy of the table could replay or look up.
    const user = await userByIdentifier(outcome.identifier);
    const stored = await getDb().select().from(candidateRecoveryCodes).where(eq(candidateRecoveryCodes.userId, user!.id));
    expect(stored).toHaveLength(8);
    expect(stored.every((row) => row.codeHash.startsWith("scrypt") || row.codeHash.includes("$"))).toBe(true);
    expect(stored.some((row) => row.codeHash.includes(normalizeRecoveryCode(code)))).toBe(false);
    expect(await getDb().select().from(tokens).where(and(eq(tokens.userId, user!.id), eq(tokens.purpose, "recovery_code")))).toEqual([]);

    // "Générer de nouveaux codes" from Mon compte: the password first, then the old codes stop working.
    expect(await regenerateRecoveryCodes(user!.id, "pas le bon")).toMatchObject({ ok: false, errors: { regeneratePassword: expect.any(String) } });
    const regenerated = await regenerateRecoveryCodes(user!.id, newPassword);
    if (!regenerated.ok) throw new Error("regeneration refused");
    expect(await resetPasswordWithRecoveryCode({ identifier: outcome.identifier, code: outcome.recoveryCodes[1]!, password: candidatePassword })).toMatchObject({ ok: false, field: "code" });
    expect(await resetPasswordWithRecoveryCode({ identifier: outcome.identifier, code: regenerated.codes[0]!, password: candidatePassword })).toEqual({ ok: true });
    expect(await recoveryCodeStatus(getDb(), user!.id)).toEqual({ left: 7, legacy: false });
  });

  it("still honours a code issued before the move to salted hashes, until new ones are generated", async () => {
    const parsed = parseRegistration(registrationForm({ noEmail: true, phone: "0612345678", firstName: "Lou" }));
    if (!parsed.ok) throw new Error("form refused");
    const outcome = await registerCandidate(parsed.data, someClient());
    if (outcome.kind !== "identifier-created") throw new Error("no identifier");
    const user = await userByIdentifier(outcome.identifier);
    // As registration stored them before migration 0013: SHA-256 rows of `tokens`.
    await getDb().delete(candidateRecoveryCodes).where(eq(candidateRecoveryCodes.userId, user!.id));
    await getDb().transaction((tx) => issueToken(tx, { userId: user!.id, purpose: "recovery_code", validMinutes: null, token: normalizeRecoveryCode("K7M3Q-9XPAD") }));
    expect(await recoveryCodeStatus(getDb(), user!.id)).toEqual({ left: 1, legacy: true });
    expect(await resetPasswordWithRecoveryCode({ identifier: outcome.identifier, code: "k7m3q 9xpad", password: "Un nouveau départ, 2026 !" })).toEqual({ ok: true });
  });
});

describe("issue 13: allowances against floods, counted in PostgreSQL", () => {
  const mailsOf = async (to: string, template: string) =>
    (await getDb().select({ id: emailOutbox.id }).from(emailOutbox).where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, template)))).length;

  it("refuses a registration from a connection past its allowance before hashing anything, and creates nothing", async () => {
    const client = someClient();
    // 60 registrations already counted from this connection this hour.
    await getDb().execute(sql`insert into auth_throttle (key, failures) values (${`registration:${client.addressSubject}`}, 60)`);
    const email = uniqueEmail("flot");
    const parsed = parseRegistration(registrationForm({ email, emailConfirmation: email }));
    if (!parsed.ok) throw new Error("invalid form");
    const refused = await registerCandidate(parsed.data, client);
    expect(refused.kind).toBe("refused");
    expect(refused.kind === "refused" && refused.until.getTime()).toBeGreaterThan(Date.now());
    expect(await userByIdentifier(email)).toBeUndefined();
    // Another connection is not affected.
    expect(await registerCandidate(parsed.data, someClient())).toEqual({ kind: "verification-sent", email });
  });

  it("mails one address at most three unsolicited messages an hour, however often it is asked", async () => {
    const waiting = uniqueEmail("renvois");
    await registerWithEmail(waiting);
    for (let request = 0; request < 6; request += 1) await resendVerification(waiting);
    // The registration's own mail, then three resends; the other three were dropped silently.
    expect(await mailsOf(waiting, "verify-email")).toBe(4);

    const known = uniqueEmail("cible");
    await registerWithEmail(known);
    for (let attempt = 0; attempt < 6; attempt += 1) await registerWithEmail(known);
    expect(await mailsOf(known, "registration-attempt")).toBe(3);
  });

  itOnPostgres("counts every use in one statement, so concurrent requests cannot all slip under the limit", async () => {
    const key = `essai:${randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 8 }, () => takeAllowance(getDb(), key, { limit: 5, windowMinutes: 60 })));
    expect(answers.filter((until) => until === null)).toHaveLength(5);
  });
});

describe("login", () => {
  async function activated(prefix: string) {
    const email = uniqueEmail(prefix);
    await registerWithEmail(email);
    await verifyEmailAndOpenSession(getDb(), tokenFromMail((await inbox.waitFor(email)).text, "verification"));
    return email;
  }

  it("stops guessing from one place after 10 tries, while the owner elsewhere still signs in", async () => {
    const email = await activated("force");
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect(await authenticate(getDb(), { identifier: email, password: `Mauvais-${attempt}!`, address: "198.51.100.66" })).toEqual({ status: "invalid" });
    }
    const eleventh = await authenticate(getDb(), { identifier: email, password: candidatePassword, address: "198.51.100.66" });
    expect(eleventh.status).toBe("throttled");
    const retryAt = eleventh.status === "throttled" ? eleventh.retryAt.getTime() : 0;
    expect(retryAt).toBeGreaterThan(Date.now() + 14 * 60_000);
    // Before: the account was locked for everyone, its owner included (a lock anyone could set).
    expect(await authenticate(getDb(), { identifier: email, password: candidatePassword, address: "203.0.113.20" })).toMatchObject({ status: "ok" });
  });

  it("counts an IPv6 guesser by its /64: changing the interface part does not buy more tries", async () => {
    const email = await activated("force6");
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      await authenticate(getDb(), { identifier: email, password: `Mauvais-${attempt}!`, address: `2001:db8:42:7:${attempt.toString(16)}::1` });
    }
    expect(await authenticate(getDb(), { identifier: email, password: candidatePassword, address: "2001:db8:42:7:ffff::9" })).toMatchObject({ status: "throttled" });
    expect(await authenticate(getDb(), { identifier: email, password: candidatePassword, address: "2001:db8:42:8::9" })).toMatchObject({ status: "ok" });
  });

  it("locks an account guessed from many places after 100 tries, until its owner resets the password", async () => {
    const email = await activated("essaim");
    // 99 failures from 99 addresses already counted (each would cost a password hash here).
    await getDb().execute(sql`insert into auth_throttle (key, failures) values (${`identifier:${email}`}, 99)`);
    expect(await authenticate(getDb(), { identifier: email, password: "Encore raté !", address: "192.0.2.100" })).toEqual({ status: "invalid" });
    expect(await authenticate(getDb(), { identifier: email, password: candidatePassword, address: "192.0.2.200" })).toMatchObject({ status: "throttled" });
    await requestPasswordReset(email);
    const mail = await inbox.waitFor(email, (m) => m.subject.endsWith("Choisissez un nouveau mot de passe"));
    const newPassword = "Le merle siffle au matin, 2026 !";
    expect(await resetPasswordWithToken(tokenFromMail(mail.text, "reinitialisation"), newPassword)).toEqual({ ok: true });
    expect(await authenticate(getDb(), { identifier: email, password: newPassword, address: "192.0.2.200" })).toMatchObject({ status: "ok" });
  });

  it("answers an unknown identifier like a wrong password", async () => {
    expect(await authenticate(getDb(), { identifier: uniqueEmail("inconnu"), password: candidatePassword, address })).toEqual({ status: "invalid" });
  });
});

describe("lost password", () => {
  it("behaves the same for an unknown and a known address; the link works once and ends sessions", async () => {
    const email = uniqueEmail("perdu");
    await registerWithEmail(email);
    const unknown = uniqueEmail("inconnu");
    await expect(requestPasswordReset(unknown)).resolves.toBeUndefined();
    await expect(requestPasswordReset(email)).resolves.toBeUndefined();
    const mail = await inbox.waitFor(email, (m) => m.subject === "AcloE – Choisissez un nouveau mot de passe");
    expect(await inbox.to(unknown)).toEqual([]);

    const token = tokenFromMail(mail.text, "reinitialisation");
    const before = await userByIdentifier(email);
    expect(await resetPasswordWithToken(token, "faible")).toMatchObject({ ok: false, field: "password" });
    expect(await userByIdentifier(email)).toEqual(before);

    const newPassword = "Le vent se lève, 2025 !";
    expect(await resetPasswordWithToken(token, newPassword)).toEqual({ ok: true });
    const after = await userByIdentifier(email);
    expect(after?.sessionVersion).toBe(before!.sessionVersion + 1);
    expect(after?.emailVerifiedAt).not.toBeNull();
    expect(await resetPasswordWithToken(token, "Encore un autre, 2026 !")).toMatchObject({ ok: false, field: "token", message: expect.stringContaining("déjà servi") });
    await inbox.waitFor(email, (m) => m.subject === "AcloE – Votre mot de passe a été changé");
    expect(await authenticate(getDb(), { identifier: email, password: newPassword, address })).toMatchObject({ status: "ok" });
  });

  it("mails at most three links an hour to one account, however often the form is sent", async () => {
    const email = uniqueEmail("inonde");
    await registerWithEmail(email);
    for (let attempt = 0; attempt < 6; attempt++) await requestPasswordReset(email);
    const queued = await getDb()
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, "password-reset")));
    expect(queued).toHaveLength(3);
  });

  it("refuses an expired reset link", async () => {
    const email = uniqueEmail("lien-expire");
    await registerWithEmail(email);
    await requestPasswordReset(email);
    const token = tokenFromMail((await inbox.waitFor(email, (m) => m.subject === "AcloE – Choisissez un nouveau mot de passe")).text, "reinitialisation");
    await getDb().update(tokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(tokens.tokenHash, hashToken(token)));
    expect(await resetPasswordWithToken(token, "Le vent se lève, 2025 !")).toMatchObject({ ok: false, message: expect.stringContaining("expiré") });
  });

  it("never stores a token or a password in clear", async () => {
    const email = uniqueEmail("clair");
    await registerWithEmail(email);
    const token = tokenFromMail((await inbox.waitFor(email)).text, "verification");
    const stored = await getDb().select({ hash: tokens.tokenHash }).from(tokens).innerJoin(users, eq(users.id, tokens.userId)).where(eq(users.identifier, email));
    expect(stored.map((row) => row.hash)).toEqual([hashToken(token)]);
    expect((await userByIdentifier(email))?.passwordHash).toMatch(/^scrypt\$/);
  });
});
