import "server-only";
import { deliverEmails, type DeliverySummary, type MailDeps } from "../mail/outbox";

export type DailyJobSummary = {
  startedAt: string;
  finishedAt: string;
  mail: DeliverySummary;
};

/**
 * The daily job (Vercel cron → /api/cron/renewals, or `npm run cron`). For now it retries the
 * mail outbox; the renewal steps of the six-month rule join it here.
 */
export async function runDailyJob(deps?: MailDeps): Promise<DailyJobSummary> {
  const startedAt = new Date().toISOString();
  const mail = await deliverEmails({ limit: 500 }, deps);
  return { startedAt, finishedAt: new Date().toISOString(), mail };
}
