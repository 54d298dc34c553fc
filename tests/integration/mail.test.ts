import { and, eq } from "drizzle-orm";
import { createElement } from "react";
import { describe, expect, inject, it } from "vitest";
import { itOnPostgres } from "../support/concurrency";
import { StaffAccountCreatedEmail } from "@/emails/staff-account-created";
import { getDb } from "@/lib/db/client";
import { emailOutbox } from "@/lib/db/schema";
import { deliverEmails, deliveredMailRetentionDays, purgeDeliveredMails, transactionWithMail } from "@/lib/mail/outbox";
import { sql } from "drizzle-orm";
import { createMailer, getMailer } from "@/lib/mail/transport";
import { runDailyJob } from "@/lib/renewals/daily-job";
import { uniqueEmail } from "../support/factories";
import { registrationForm, someClient, userByIdentifier } from "../support/candidates";
import { registerCandidate } from "@/lib/accounts/registration";
import { parseRegistration } from "@/lib/accounts/registration-schema";
import { inboxClient } from "../support/inbox";

const inbox = inboxClient(inject("inboxUrl"));

function sampleEmail(to: string) {
  return {
    template: "staff-account-created",
    to,
    userId: null,
    subject: "Votre accès à la plateforme",
    element: createElement(StaffAccountCreatedEmail, { ...StaffAccountCreatedEmail.PreviewProps, email: to }),
  };
}

async function outboxRow(id: string) {
  const [row] = await getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row;
}

describe("mail outbox", () => {
  it("keeps no readable body at rest: sealed until delivery, emptied once SMTP accepted it", async () => {
    const to = uniqueEmail("scelle");
    const downMailer = createMailer("smtp://127.0.0.1:9", "Recrutement AESH <ne-pas-repondre@aesh.localhost>");
    const id = await transactionWithMail((_tx, outbox) => outbox.enqueue(sampleEmail(to)), { db: getDb(), mailer: downMailer });
    const pending = await outboxRow(id);
    expect(pending).toMatchObject({ status: "pending" });
    // What a database dump would show of a pending mail: neither its text nor its links.
    for (const body of [pending!.html, pending!.text]) {
      expect(body).toMatch(/^v1\./);
      expect(body).not.toContain(to);
      expect(body).not.toContain("http");
    }
    // SMTP is back, and the retry is due.
    await getDb().update(emailOutbox).set({ nextAttemptAt: sql`now()` }).where(eq(emailOutbox.id, id));
    expect(await deliverEmails({ ids: [id] })).toMatchObject({ sent: 1 });
    expect((await inbox.waitFor(to)).text).toContain(`Votre identifiant est : ${to}`);
    expect(await outboxRow(id)).toMatchObject({ status: "sent", html: "", text: "" });
  });

  it("still delivers a mail queued in plain text before bodies were sealed", async () => {
    const to = uniqueEmail("ancien");
    const [row] = await getDb()
      .insert(emailOutbox)
      .values({ template: "staff-account-created", toAddress: to, subject: "Ancien message", html: "<p>Corps ancien</p>", text: "Corps ancien", userId: null })
      .returning({ id: emailOutbox.id });
    expect(await deliverEmails({ ids: [row!.id] })).toMatchObject({ sent: 1 });
    expect((await inbox.waitFor(to)).text).toContain("Corps ancien");
  });

  it("registers a candidate while SMTP is down: the account exists, and the activation mail leaves with the daily job", async () => {
    const email = uniqueEmail("smtp-en-panne");
    const parsed = parseRegistration(registrationForm({ email, emailConfirmation: email }));
    if (!parsed.ok) throw new Error("form refused");
    const downMailer = createMailer("smtp://127.0.0.1:9", "Recrutement AESH <ne-pas-repondre@aesh.localhost>");
    expect(await registerCandidate(parsed.data, someClient(), { db: getDb(), mailer: downMailer })).toEqual({ kind: "verification-sent", email });
    expect(await userByIdentifier(email)).toBeDefined();
    const [pending] = await getDb().select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, "verify-email")));
    expect(pending).toMatchObject({ status: "pending", attempts: 1 });
    // SMTP is back; the job's retry is due.
    await getDb().update(emailOutbox).set({ nextAttemptAt: sql`now()` }).where(eq(emailOutbox.id, pending!.id));
    await runDailyJob();
    const mail = await inbox.waitFor(email, (m) => m.subject.endsWith("Confirmez votre adresse pour activer votre espace candidat AESH"));
    expect(mail.text).toContain("/verification/");
  });

  it("purges delivered mails past their retention, never pending ones", async () => {
    const [old, recent, waiting] = await getDb()
      .insert(emailOutbox)
      .values([
        { template: "t", toAddress: uniqueEmail("vieux"), subject: "s", html: "", text: "", status: "sent", sentAt: sql`now() - make_interval(days => ${deliveredMailRetentionDays + 1})`, userId: null },
        { template: "t", toAddress: uniqueEmail("recent"), subject: "s", html: "", text: "", status: "sent", sentAt: sql`now() - make_interval(days => ${deliveredMailRetentionDays - 1})`, userId: null },
        { template: "t", toAddress: uniqueEmail("attente"), subject: "s", html: "x", text: "x", status: "pending", createdAt: sql`now() - make_interval(days => ${deliveredMailRetentionDays + 5})`, nextAttemptAt: sql`now() + interval '1 day'`, userId: null },
      ])
      .returning({ id: emailOutbox.id });
    await purgeDeliveredMails(getDb());
    expect(await outboxRow(old!.id)).toBeUndefined();
    expect(await outboxRow(recent!.id)).toBeDefined();
    expect(await outboxRow(waiting!.id)).toBeDefined();
  });

  it("delivers a mail enqueued in a transaction right after commit, in HTML and text", async () => {
    const to = uniqueEmail("outbox");
    const id = await transactionWithMail((_tx, outbox) => outbox.enqueue(sampleEmail(to)));

    const mail = await inbox.waitFor(to);
    expect(mail.subject).toBe("AcloE – Votre accès à la plateforme");
    expect(mail.from).toContain("Recrutement AESH");
    expect(mail.text).toContain(`Votre identifiant est : ${to}`);
    expect(mail.html).toContain("Se connecter à la plateforme");
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  });

  it("sends nothing when the transaction rolls back", async () => {
    const to = uniqueEmail("rollback");
    let enqueued: string | undefined;
    await expect(
      transactionWithMail(async (_tx, outbox) => {
        enqueued = await outbox.enqueue(sampleEmail(to));
        throw new Error("la modification échoue");
      }),
    ).rejects.toThrow("la modification échoue");

    expect(enqueued).toBeDefined();
    // Nothing is sent but from the outbox, and the rolled-back transaction left no row in it.
    expect(await outboxRow(enqueued!)).toBeUndefined();
    expect(await getDb().select().from(emailOutbox).where(eq(emailOutbox.toAddress, to))).toEqual([]);
  });

  it("keeps a mail SMTP refused, with its error, and the daily job delivers it later", async () => {
    const to = uniqueEmail("retry");
    // An SMTP server that is down: nothing listens on port 9 of this machine.
    const downMailer = createMailer("smtp://127.0.0.1:9", "Recrutement AESH <ne-pas-repondre@aesh.localhost>");
    const id = await transactionWithMail((_tx, outbox) => outbox.enqueue(sampleEmail(to)), {
      db: getDb(),
      mailer: downMailer,
    });

    const failed = await outboxRow(id);
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed?.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(failed!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    // Not due yet: a run now leaves it alone.
    await deliverEmails({ ids: [id] }, { db: getDb(), mailer: getMailer() });
    expect((await outboxRow(id))?.status).toBe("pending");

    await getDb().update(emailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(emailOutbox.id, id));
    await runDailyJob();
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(await inbox.waitFor(to)).toBeDefined();
  });

  itOnPostgres("sends each due mail once when two deliveries run at the same time", async () => {
    const to = uniqueEmail("concurrent");
    const db = getDb();
    const [row] = await db
      .insert(emailOutbox)
      .values({ template: "test", toAddress: to, subject: "Une seule fois", html: "<p>Bonjour</p>", text: "Bonjour" })
      .returning({ id: emailOutbox.id });
    const deps = { db, mailer: getMailer() };
    const [first, second] = await Promise.all([
      deliverEmails({ ids: [row!.id] }, deps),
      deliverEmails({ ids: [row!.id] }, deps),
    ]);
    expect(first.sent + second.sent).toBe(1);
    // Both deliveries have returned: whatever either sent was accepted by SMTP (stored by the catcher) before.
    await inbox.waitFor(to);
    expect(await inbox.to(to)).toHaveLength(1);
  });
});
