import { HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { changePassword, confirmEmailChange, deleteAccount, exportAccountData, requestEmailChange, updateProfile } from "@/lib/accounts/account";
import { authenticate } from "@/lib/auth/login";
import { recordAudit } from "@/lib/audit/audit";
import { sql } from "drizzle-orm";
import { verifyEmailAndOpenSession } from "@/lib/accounts/verification";
import { getDb } from "@/lib/db/client";
import { auditLog, authThrottle, emailOutbox, files, storageDeletions, users } from "@/lib/db/schema";
import { getStorage } from "@/lib/storage/client";
import { candidatePassword, registerWithEmail, tokenFromMail, userByIdentifier } from "../support/candidates";
import { uniqueEmail } from "../support/factories";
import { inboxClient } from "../support/inbox";

const inbox = inboxClient(inject("inboxUrl"));
const address = "203.0.113.9";

async function verifiedCandidate(prefix: string) {
  const email = uniqueEmail(prefix);
  await registerWithEmail(email);
  const opened = await verifyEmailAndOpenSession(getDb(), tokenFromMail((await inbox.waitFor(email)).text, "verification"));
  if (!opened.ok) throw new Error("verification failed");
  return { email, id: opened.user.id };
}

describe("account page", () => {
  it("updates the profile and logs the change", async () => {
    const { email, id } = await verifiedCandidate("profil");
    await updateProfile(id, {
      civility: "monsieur",
      usageName: "Martin",
      birthName: "Flandin",
      firstName: "Maxime",
      birthDate: "1990-07-14",
      birthPlace: "Lille",
      nationality: "BE",
      phone: "0611223344",
      misc: null,
    });
    expect((await exportAccountData(id)).profile).toMatchObject({ email, usageName: "Martin", nationality: "BE", phone: "0611223344" });
    const entries = await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(entries.map((entry) => entry.action)).toContain("account.profile_updated");
  });

  it("changes the password only with the current one, and ends the other sessions", async () => {
    const { email, id } = await verifiedCandidate("mdp");
    const before = await userByIdentifier(email);
    expect(await changePassword(id, { currentPassword: "Pas le bon, 2024 !", password: "Nouveau départ, 2025 !" })).toEqual({
      ok: false,
      errors: { currentPassword: "Le mot de passe actuel est incorrect." },
    });
    expect(await changePassword(id, { currentPassword: candidatePassword, password: "faible" })).toMatchObject({ ok: false, errors: { password: expect.any(String) } });
    expect(await userByIdentifier(email)).toEqual(before);

    expect(await changePassword(id, { currentPassword: candidatePassword, password: "Nouveau départ, 2025 !" })).toEqual({ ok: true });
    expect((await userByIdentifier(email))?.sessionVersion).toBe(before!.sessionVersion + 1);
    expect(await authenticate(getDb(), { identifier: email, password: "Nouveau départ, 2025 !", address })).toMatchObject({ status: "ok" });
    await inbox.waitFor(email, (m) => m.subject === "AcloE – Votre mot de passe a été changé");
  });

  it("moves to a new address only once it is confirmed, and tells the old one", async () => {
    const { email, id } = await verifiedCandidate("ancienne");
    const next = uniqueEmail("nouvelle");
    expect(await requestEmailChange(id, next, "mauvais")).toMatchObject({ ok: false, errors: { currentPassword: expect.any(String) } });
    expect(await requestEmailChange(id, next, candidatePassword)).toEqual({ ok: true });
    expect((await exportAccountData(id)).profile?.email).toBe(email);
    await inbox.waitFor(email, (m) => m.subject === "AcloE – Votre adresse électronique va changer");
    const token = tokenFromMail((await inbox.waitFor(next)).text, "compte/courriel");
    const before = await userByIdentifier(email);
    expect(await confirmEmailChange(token)).toEqual({ ok: true, email: next });
    // Every open session ends (session_version bumped): the account is now reached by another address.
    expect((await userByIdentifier(next))?.sessionVersion).toBe(before!.sessionVersion + 1);
    expect(await confirmEmailChange(token)).toEqual({ ok: false, reason: "used" });
    expect((await exportAccountData(id)).profile).toMatchObject({ email: next, identifier: next });
    expect(await authenticate(getDb(), { identifier: next, password: candidatePassword, address })).toMatchObject({ status: "ok" });
  });

  it("does not let an address already used by another account take over", async () => {
    const first = await verifiedCandidate("premier");
    const second = await verifiedCandidate("second");
    expect(await requestEmailChange(second.id, first.email, candidatePassword)).toEqual({ ok: true });
    // Every mail is written to the outbox in the transaction of its change: none there, none ever sent.
    expect(await getDb().select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, first.email), eq(emailOutbox.template, "email-change")))).toEqual([]);
    expect(await getDb().select().from(emailOutbox).where(and(eq(emailOutbox.userId, second.id), eq(emailOutbox.template, "email-change-notice")))).toEqual([]);
  });

  it("deletes the account with its rows and stored objects once the password is confirmed", async () => {
    const { email, id } = await verifiedCandidate("suppression");
    const storage = getStorage();
    const key = `tests/${id}/piece.pdf`;
    await storage.client.send(new PutObjectCommand({ Bucket: storage.bucket, Key: key, Body: "%PDF-1.4 test", ContentType: "application/pdf" }));
    await getDb().insert(files).values({ userId: id, purpose: "diploma", storageKey: key, originalName: "diplome.pdf", size: 13, contentType: "application/pdf", status: "ready" });

    expect(await deleteAccount(id, "mauvais")).toMatchObject({ ok: false });
    expect(await userByIdentifier(email)).toBeDefined();

    expect(await deleteAccount(id, candidatePassword)).toEqual({ ok: true });
    expect(await userByIdentifier(email)).toBeUndefined();
    expect((await getDb().select({ n: count() }).from(files).where(eq(files.userId, id)))[0]?.n).toBe(0);
    await expect(storage.client.send(new HeadObjectCommand({ Bucket: storage.bucket, Key: key }))).rejects.toMatchObject({ name: "NotFound" });
    expect(await getDb().select().from(storageDeletions).where(eq(storageDeletions.storageKey, key))).toEqual([]);
    await inbox.waitFor(email, (m) => m.subject === "AcloE – Votre compte a été supprimé");
    const [entry] = await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id);
    expect(entry).toBeDefined();
    expect(await getDb().select().from(users).where(eq(users.id, id))).toEqual([]);
  });

  it("leaves no personal data behind: mails, journal labels and addresses, throttle keys", async () => {
    const { email, id } = await verifiedCandidate("effacement");
    // Traces the account left: a journal entry with its address, a failed login, a mail about it.
    await recordAudit(getDb(), { actor: { id, label: email, address: "192.0.2.44" }, action: "account.profile_updated", entityType: "user", entityId: id });
    expect(await authenticate(getDb(), { identifier: email, password: "pas le bon mot de passe", address })).toMatchObject({ status: "invalid" });
    const before = await getDb().select({ to: emailOutbox.toAddress }).from(emailOutbox).where(eq(emailOutbox.userId, id));
    expect(before.length).toBeGreaterThanOrEqual(1);
    expect(await getDb().select().from(authThrottle).where(eq(authThrottle.key, `identifier:${email}`))).toHaveLength(1);

    expect(await deleteAccount(id, candidatePassword)).toEqual({ ok: true });

    expect(await getDb().select().from(emailOutbox).where(eq(emailOutbox.userId, id))).toEqual([]);
    // Only the confirmation of the deletion is still addressed to them, and only until it is delivered and purged.
    await inbox.waitFor(email, (m) => m.subject.endsWith("Votre compte a été supprimé"));
    const left = await getDb().select({ template: emailOutbox.template, html: emailOutbox.html, text: emailOutbox.text }).from(emailOutbox).where(eq(emailOutbox.toAddress, email));
    expect(left).toEqual([{ template: "account-deleted", html: "", text: "" }]);
    const journal = await getDb().select({ label: auditLog.actorLabel, address: auditLog.address }).from(auditLog).where(eq(auditLog.actorId, id));
    expect(journal.length).toBeGreaterThanOrEqual(2);
    expect(journal.every((row) => row.label === "personne (données effacées)" && row.address === null)).toBe(true);
    expect(await getDb().select().from(auditLog).where(sql`${auditLog.actorLabel} = ${email} or ${auditLog.details}::text like ${`%${email}%`}`)).toEqual([]);
    expect(await getDb().select().from(authThrottle).where(eq(authThrottle.key, `identifier:${email}`))).toEqual([]);
  });

  it("keeps the journal append-only apart from erasing personal data", async () => {
    const { email, id } = await verifiedCandidate("journal");
    await recordAudit(getDb(), { actor: { id, label: email, address: "192.0.2.45" }, action: "application.file_opened", entityType: "user", entityId: id, details: { name: "cni.pdf", fileId: "x" } });
    const change = (set: ReturnType<typeof sql>) => getDb().execute(sql`update audit_log set ${set} where actor_id = ${id}`);
    const refused = (query: Promise<unknown>) => expect(query).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
    await refused(change(sql`action = 'autre chose'`));
    await refused(change(sql`actor_label = 'quelqu''un d''autre'`));
    await refused(change(sql`address = '10.0.0.1'`));
    await refused(change(sql`details = details || '{"ajout": 1}'::jsonb`));
    await refused(getDb().execute(sql`delete from audit_log where actor_id = ${id}`));
    await change(sql`actor_label = 'personne (données effacées)', address = null, details = details - 'name'`);
    const [row] = await getDb().select().from(auditLog).where(and(eq(auditLog.actorId, id), eq(auditLog.action, "application.file_opened")));
    expect(row).toMatchObject({ actorLabel: "personne (données effacées)", address: null, details: { fileId: "x" }, action: "application.file_opened" });
  });
});
