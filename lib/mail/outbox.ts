import "server-only";
import { and, eq, inArray, lte, notInArray, sql } from "drizzle-orm";
import type { ReactElement } from "react";
import { getDb, type Database, type Queryable, type Transaction } from "../db/client";
import { forEachConcurrently } from "../concurrency";
import { inUuids } from "../db/conditions";
import { emailOutbox } from "../db/schema";
import { logger } from "../logger";
import { cachedSettings } from "../settings/settings";
import { deliveredMailRetentionDays } from "../retention/periods";
import { isSealed, seal, sealPurposes, unseal } from "../security/sealed";
import { renderEmail, type RenderedEmail } from "./render";
import { getMailer, type Mailer } from "./transport";

export type OutgoingEmail = {
  /** The template's name, for logs and staff screens. */
  template: string;
  to: string;
  subject: string;
  /** The record whose state this mail reports (e.g. the application of a renewal notice). */
  relatedId?: string;
  /**
   * The account written to: its mails are deleted with it. Null for a mail that must outlive
   * the account (the confirmation that it was deleted).
   */
  userId: string | null;
} & (
  | { element: ReactElement; body?: never }
  /** Already rendered (lib/mail/template: one render filled for many recipients). */
  | { body: RenderedEmail; element?: never }
);

export const maxDeliveryAttempts = 8;
const leaseMinutes = 5;

/**
 * Renders and records a mail inside the caller's transaction; nothing is sent yet. The body
 * is sealed (lib/security/sealed): the one-time links it carries (activation, which opens a
 * session, reset, renewal) are useless to whoever reads the table or a backup; it is emptied
 * as soon as SMTP accepts the mail.
 */
export async function enqueueEmail(tx: Queryable, email: OutgoingEmail): Promise<string> {
  const [id] = await enqueueEmails(tx, [email]);
  return id!;
}

/** The same for many mails in one statement (the daily job's batches); returns their ids (to deliver them, in no particular order). */
export async function enqueueEmails(tx: Queryable, emails: OutgoingEmail[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const values = [];
  for (const email of emails) {
    const { html, text } = email.body ?? (await renderEmail(email.element));
    values.push({ template: email.template, toAddress: email.to, subject: email.subject, ...sealedBody({ html, text }), relatedId: email.relatedId, userId: email.userId });
  }
  const rows = await tx.insert(emailOutbox).values(values).returning({ id: emailOutbox.id });
  if (rows.length !== emails.length) throw new Error("email_outbox insert returned fewer rows than mails");
  return rows.map((row) => row.id);
}

/** Drops mails about `relatedId` SMTP has not accepted yet, once what they say is no longer true. */
export async function cancelPendingMails(tx: Queryable, relatedId: string | string[], templates: string[]): Promise<void> {
  const related = typeof relatedId === "string" ? eq(emailOutbox.relatedId, relatedId) : inUuids(emailOutbox.relatedId, relatedId);
  await tx.delete(emailOutbox).where(and(related, inArray(emailOutbox.template, templates), eq(emailOutbox.status, "pending")));
}

export type MailDeps = { db: Database; mailer: Mailer };

function defaultDeps(): MailDeps {
  return { db: getDb(), mailer: getMailer() };
}

export type Outbox = { enqueue: (email: OutgoingEmail) => Promise<string>; enqueueMany: (emails: OutgoingEmail[]) => Promise<string[]> };

/**
 * Runs `work` in one transaction with an outbox: mails enqueued there are committed with the
 * change they report, then delivered right after commit. A delivery failure is logged and
 * left for the daily job; it never undoes the committed change.
 */
export async function transactionWithMail<T>(
  work: (tx: Transaction, outbox: Outbox) => Promise<T>,
  deps: MailDeps = defaultDeps(),
): Promise<T> {
  const queued: string[] = [];
  const result = await deps.db.transaction((tx) =>
    work(tx, {
      enqueue: async (email) => {
        const id = await enqueueEmail(tx, email);
        queued.push(id);
        return id;
      },
      enqueueMany: async (emails) => {
        const ids = await enqueueEmails(tx, emails);
        queued.push(...ids);
        return ids;
      },
    }),
  );
  if (queued.length > 0) await deliverEmails({ ids: queued, limit: queued.length }, deps);
  return result;
}

/** A rendered mail as the outbox keeps it until delivery. */
export function sealedBody(body: { html: string; text: string }): { html: string; text: string } {
  return { html: seal(sealPurposes.mail, body.html), text: seal(sealPurposes.mail, body.text) };
}

/** The body to send: sealed since migration 0012, plain for a mail queued before it. */
function openBody(mail: { html: string; text: string }): { html: string; text: string } | null {
  try {
    return {
      html: isSealed(mail.html) ? unseal(sealPurposes.mail, mail.html) : mail.html,
      text: isSealed(mail.text) ? unseal(sealPurposes.mail, mail.text) : mail.text,
    };
  } catch {
    return null;
  }
}

export { deliveredMailRetentionDays } from "../retention/periods";

/** Deletes delivered and abandoned mails older than the retention (their bodies went at delivery). */
export async function purgeDeliveredMails(db: Queryable, limit = 10_000): Promise<number> {
  const rows = await db.execute<{ id: string }>(sql`
    delete from ${emailOutbox} where ${emailOutbox.id} in (
      select ${emailOutbox.id} from ${emailOutbox}
      where ${emailOutbox.status} <> 'pending'
        and coalesce(${emailOutbox.sentAt}, ${emailOutbox.createdAt}) < now() - make_interval(days => ${deliveredMailRetentionDays})
      limit ${limit})
    returning ${emailOutbox.id}`);
  return rows.length;
}

export type DeliverySummary = { sent: number; failed: number; gaveUp: number };

/** Every subject starts with the platform's name, the word candidates are told to look for. */
export function subjectWithPlatformName(platformName: string, subject: string): string {
  return subject.startsWith(`${platformName} – `) ? subject : `${platformName} – ${subject}`;
}

/** Backoff between attempts: 5 min, 10 min, 20 min… capped at 12 h. */
export function retryDelayMinutes(attempts: number): number {
  return Math.min(5 * 2 ** Math.max(0, attempts - 1), 12 * 60);
}

/**
 * Delivers due mails (all due ones, or only `ids`). Rows are claimed with SKIP LOCKED and a
 * lease, so two runs at once never send the same mail twice.
 */
export async function deliverEmails(
  options: { ids?: string[]; limit?: number; excludeTemplates?: string[] } = {},
  deps: MailDeps = defaultDeps(),
): Promise<DeliverySummary> {
  const { db, mailer } = deps;
  const limit = options.limit ?? 100;
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.status, "pending"),
        lte(emailOutbox.nextAttemptAt, sql`now()`),
        options.ids ? inArray(emailOutbox.id, options.ids) : undefined,
        options.excludeTemplates?.length ? notInArray(emailOutbox.template, options.excludeTemplates) : undefined,
      ),
    )
    .orderBy(emailOutbox.nextAttemptAt)
    .limit(limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(emailOutbox)
    .set({
      attempts: sql`${emailOutbox.attempts} + 1`,
      nextAttemptAt: sql`now() + make_interval(mins => ${leaseMinutes})`,
    })
    .where(inArray(emailOutbox.id, due))
    .returning({
      id: emailOutbox.id,
      template: emailOutbox.template,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      html: emailOutbox.html,
      text: emailOutbox.text,
      attempts: emailOutbox.attempts,
    });

  const summary: DeliverySummary = { sent: 0, failed: 0, gaveUp: 0 };
  if (claimed.length === 0) return summary;
  // The subject's prefix: the daily job delivers thousands of mails, one at a time.
  const { platformName } = await cachedSettings(db);
  // As many at once as the mailer has connections (the daily job's pool; one otherwise).
  await forEachConcurrently(claimed, mailer.concurrency ?? 1, async (mail) => {
    const body = openBody(mail);
    if (!body) {
      // Sealed under another AUTH_SECRET: no retry can read it.
      await db.update(emailOutbox).set({ status: "failed", html: "", text: "", lastError: "corps illisible : la clé du serveur (AUTH_SECRET) a changé" }).where(eq(emailOutbox.id, mail.id));
      summary.gaveUp += 1;
      logger.error("mail.unreadable", { id: mail.id, template: mail.template });
      return;
    }
    try {
      await mailer.transport.sendMail({
        from: mailer.from,
        to: mail.toAddress,
        subject: subjectWithPlatformName(platformName, mail.subject),
        html: body.html,
        text: body.text,
      });
      await db
        .update(emailOutbox)
        .set({ status: "sent", sentAt: sql`now()`, lastError: null, html: "", text: "" })
        .where(eq(emailOutbox.id, mail.id));
      summary.sent += 1;
    } catch (error) {
      const gaveUp = mail.attempts >= maxDeliveryAttempts;
      await db
        .update(emailOutbox)
        .set({
          status: gaveUp ? "failed" : "pending",
          ...(gaveUp ? { html: "", text: "" } : {}),
          lastError: error instanceof Error ? error.message : String(error),
          nextAttemptAt: sql`now() + make_interval(mins => ${retryDelayMinutes(mail.attempts)})`,
        })
        .where(eq(emailOutbox.id, mail.id));
      if (gaveUp) summary.gaveUp += 1;
      else summary.failed += 1;
      logger.warn("mail.delivery_failed", { id: mail.id, template: mail.template, attempts: mail.attempts, error });
    }
  });
  return summary;
}
