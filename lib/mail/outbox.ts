import "server-only";
import { and, eq, inArray, lte, notInArray, sql } from "drizzle-orm";
import type { ReactElement } from "react";
import { getDb, type Database, type Queryable, type Transaction } from "../db/client";
import { emailOutbox } from "../db/schema";
import { logger } from "../logger";
import { loadSettings } from "../settings/settings";
import { renderEmail } from "./render";
import { getMailer, type Mailer } from "./transport";

export type OutgoingEmail = {
  /** The template's name, for logs and staff screens. */
  template: string;
  to: string;
  subject: string;
  element: ReactElement;
  /** The record whose state this mail reports (e.g. the application of a renewal notice). */
  relatedId?: string;
};

export const maxDeliveryAttempts = 8;
const leaseMinutes = 5;

/** Renders and records a mail inside the caller's transaction; nothing is sent yet. */
export async function enqueueEmail(tx: Queryable, email: OutgoingEmail): Promise<string> {
  const { html, text } = await renderEmail(email.element);
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      template: email.template,
      toAddress: email.to,
      subject: email.subject,
      html,
      text,
      relatedId: email.relatedId,
    })
    .returning({ id: emailOutbox.id });
  if (!row) throw new Error("email_outbox insert returned no row");
  return row.id;
}

/** Drops mails about `relatedId` SMTP has not accepted yet, once what they say is no longer true. */
export async function cancelPendingMails(tx: Queryable, relatedId: string, templates: string[]): Promise<void> {
  await tx
    .delete(emailOutbox)
    .where(and(eq(emailOutbox.relatedId, relatedId), inArray(emailOutbox.template, templates), eq(emailOutbox.status, "pending")));
}

export type MailDeps = { db: Database; mailer: Mailer };

function defaultDeps(): MailDeps {
  return { db: getDb(), mailer: getMailer() };
}

export type Outbox = { enqueue: (email: OutgoingEmail) => Promise<string> };

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
    }),
  );
  if (queued.length > 0) await deliverEmails({ ids: queued }, deps);
  return result;
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
  const { platformName } = await loadSettings(db);
  for (const mail of claimed) {
    try {
      await mailer.transport.sendMail({
        from: mailer.from,
        to: mail.toAddress,
        subject: subjectWithPlatformName(platformName, mail.subject),
        html: mail.html,
        text: mail.text,
      });
      await db
        .update(emailOutbox)
        .set({ status: "sent", sentAt: sql`now()`, lastError: null })
        .where(eq(emailOutbox.id, mail.id));
      summary.sent += 1;
    } catch (error) {
      const gaveUp = mail.attempts >= maxDeliveryAttempts;
      await db
        .update(emailOutbox)
        .set({
          status: gaveUp ? "failed" : "pending",
          lastError: error instanceof Error ? error.message : String(error),
          nextAttemptAt: sql`now() + make_interval(mins => ${retryDelayMinutes(mail.attempts)})`,
        })
        .where(eq(emailOutbox.id, mail.id));
      if (gaveUp) summary.gaveUp += 1;
      else summary.failed += 1;
      logger.warn("mail.delivery_failed", { id: mail.id, template: mail.template, attempts: mail.attempts, error });
    }
  }
  return summary;
}
