import { eq, sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { createApplication } from "@/lib/applications/commands";
import { getDb } from "@/lib/db/client";
import { applications, deletedApplications, users } from "@/lib/db/schema";
import { getMailer } from "@/lib/mail/transport";
import {
  deleteClosedApplications,
  deleteInactiveAccounts,
  deleteUnverifiedAccounts,
  noticeClosedApplications,
  noticeInactiveAccounts,
  retentionNoticeDays,
} from "@/lib/retention/retention";
import { loadSettings } from "@/lib/settings/settings";
import { applicationForm } from "../support/applications";
import { insertCandidate } from "../support/factories";
import { inboxClient } from "../support/inbox";

const inbox = inboxClient(inject("inboxUrl"));
const db = () => getDb();
const dayMs = 86_400_000;
const at = (offsetDays: number) => ({ db: db(), mailer: getMailer(), now: () => new Date(Date.now() + offsetDays * dayMs) });
const exists = async (id: string) => (await db().select({ id: users.id }).from(users).where(eq(users.id, id))).length === 1;
const backdate = (id: string, column: "created_at" | "last_login_at" | "email_verified_at", daysAgo: number) =>
  db().execute(sql`update users set ${sql.identifier(column)} = now() - make_interval(days => ${daysAgo}) where id = ${id}`);

describe("issue 13: retention periods enforced by the daily job", () => {
  it("deletes an account whose address was never confirmed after the set number of days, and only that", async () => {
    const settings = await loadSettings(db());
    const old = await insertCandidate("jamais-confirme");
    const young = await insertCandidate("recent");
    await db().update(users).set({ emailVerifiedAt: null }).where(eq(users.id, old.id));
    await db().update(users).set({ emailVerifiedAt: null }).where(eq(users.id, young.id));
    await backdate(old.id, "created_at", settings.unverifiedAccountDays + 1);
    const confirmed = await insertCandidate("confirme");
    await backdate(confirmed.id, "created_at", settings.unverifiedAccountDays + 1);

    await deleteUnverifiedAccounts(at(0), settings, 1000);
    expect(await exists(old.id)).toBe(false);
    expect(await exists(young.id)).toBe(true);
    expect(await exists(confirmed.id)).toBe(true);
  });

  it("warns an unused account that never applied, deletes it 30 days later unless its owner signs in", async () => {
    const settings = await loadSettings(db());
    const unused = await insertCandidate("inutilise");
    const returning = await insertCandidate("revenu");
    const applicant = await insertCandidate("candidat-actif");
    for (const person of [unused, returning, applicant]) await backdate(person.id, "email_verified_at", settings.inactiveAccountMonths * 31);
    await createApplication(applicant.id, await applicationForm());

    await noticeInactiveAccounts(at(0), settings, 1000);
    const notice = await inbox.waitFor(unused.email, (m) => m.subject.endsWith("Votre compte inutilisé sera supprimé"));
    expect(notice.text).toContain("Il suffit de vous connecter avant cette date");
    expect((await db().select({ at: users.retentionNoticeSentAt }).from(users).where(eq(users.id, applicant.id)))[0]?.at).toBeNull();
    // Signing in keeps the account (what authenticate records).
    await db().update(users).set({ lastLoginAt: new Date(Date.now() + 60_000) }).where(eq(users.id, returning.id));

    // Not before the notice period is over.
    await deleteInactiveAccounts(at(retentionNoticeDays - 1), 1000);
    expect(await exists(unused.id)).toBe(true);
    await deleteInactiveAccounts(at(retentionNoticeDays + 1), 1000);
    expect(await exists(unused.id)).toBe(false);
    expect(await exists(returning.id)).toBe(true);
    expect(await exists(applicant.id)).toBe(true);
  });

  it("never deletes an unused account whose notice did not reach its owner", async () => {
    const settings = await loadSettings(db());
    const person = await insertCandidate("injoignable");
    await backdate(person.id, "email_verified_at", settings.inactiveAccountMonths * 31);
    // The notice written, SMTP never accepted it.
    await db().update(users).set({ retentionNoticeSentAt: new Date() }).where(eq(users.id, person.id));
    await deleteInactiveAccounts(at(retentionNoticeDays + 5), 1000);
    expect(await exists(person.id)).toBe(true);
  });

  it("warns then deletes an application closed for the set number of months, leaving an anonymous trace", async () => {
    const settings = await loadSettings(db());
    const person = await insertCandidate("close");
    const created = await createApplication(person.id, await applicationForm());
    if (!created.ok) throw new Error("application refused");
    const open = await insertCandidate("ouverte");
    const openApplication = await createApplication(open.id, await applicationForm());
    if (!openApplication.ok) throw new Error("application refused");
    await db()
      .update(applications)
      .set({ status: "rejected", updatedAt: new Date(Date.now() - settings.closedApplicationMonths * 31 * dayMs) })
      .where(eq(applications.id, created.id));
    await db().update(applications).set({ updatedAt: new Date(Date.now() - settings.closedApplicationMonths * 31 * dayMs) }).where(eq(applications.id, openApplication.id));

    await noticeClosedApplications(at(0), settings, 1000);
    const notice = await inbox.waitFor(person.email, (m) => m.subject.endsWith("Votre candidature close sera supprimée"));
    expect(notice.text).toContain("AESH EN PIAL INTER-DEGRE");
    await deleteClosedApplications(at(retentionNoticeDays - 1), 1000);
    expect(await db().select().from(applications).where(eq(applications.id, created.id))).toHaveLength(1);

    const tracesBefore = (await db().select().from(deletedApplications).where(eq(deletedApplications.reason, "retention"))).length;
    await deleteClosedApplications(at(retentionNoticeDays + 1), 1000);
    expect(await db().select().from(applications).where(eq(applications.id, created.id))).toEqual([]);
    expect(await db().select().from(deletedApplications).where(eq(deletedApplications.reason, "retention"))).toHaveLength(tracesBefore + 1);
    // The account and a submitted application elsewhere are untouched.
    expect(await exists(person.id)).toBe(true);
    expect(await db().select().from(applications).where(eq(applications.id, openApplication.id))).toHaveLength(1);
  });
});
