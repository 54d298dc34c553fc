import { HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { count, eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { changePassword, confirmEmailChange, deleteAccount, exportAccountData, requestEmailChange, updateProfile } from "@/lib/accounts/account";
import { authenticate } from "@/lib/auth/login";
import { verifyEmailAndOpenSession } from "@/lib/accounts/verification";
import { getDb } from "@/lib/db/client";
import { auditLog, files, storageDeletions, users } from "@/lib/db/schema";
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
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await inbox.to(first.email)).filter((m) => m.subject.includes("nouvelle adresse"))).toEqual([]);
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
});
