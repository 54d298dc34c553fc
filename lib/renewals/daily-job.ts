import "server-only";
import { getDb } from "../db/client";
import { deliverEmails, type DeliverySummary, type MailDeps } from "../mail/outbox";
import { getMailer } from "../mail/transport";
import { getStorage, type Storage } from "../storage/client";
import { runObjectDeletions } from "../storage/deletions";

export type DailyJobSummary = {
  startedAt: string;
  finishedAt: string;
  mail: DeliverySummary;
  storageDeletions: { deleted: number; failed: number };
};

/**
 * The daily job (Vercel cron → /api/cron/renewals, or `npm run cron`). For now it retries the
 * mail outbox and the object deletions storage refused; the renewal steps of the six-month
 * rule join it here.
 */
export async function runDailyJob(deps?: MailDeps & { storage: Storage }): Promise<DailyJobSummary> {
  const startedAt = new Date().toISOString();
  const resolved = deps ?? { db: getDb(), mailer: getMailer(), storage: getStorage() };
  const mail = await deliverEmails({ limit: 500 }, resolved);
  const storageDeletions = await runObjectDeletions(resolved, { limit: 5000 });
  return { startedAt, finishedAt: new Date().toISOString(), mail, storageDeletions };
}
