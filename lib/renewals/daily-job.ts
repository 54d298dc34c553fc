import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb, type Database } from "../db/client";
import { jobLocks, jobRuns } from "../db/schema";
import { logger } from "../logger";
import { deliverEmails, purgeDeliveredMails, type MailDeps } from "../mail/outbox";
import { purgeStaleThrottles } from "../auth/throttle";
import { deleteClosedApplications, deleteInactiveAccounts, deleteUnverifiedAccounts, noticeClosedApplications, noticeInactiveAccounts } from "../retention/retention";
import { createJobMailer } from "../mail/transport";
import { loadSettings } from "../settings/settings";
import { getStorage, type Storage } from "../storage/client";
import { runObjectDeletions } from "../storage/deletions";
import { deleteUnansweredApplications, noticeTemplate, sendRenewalNotices, sendRenewalReminders, sweepAbandonedUploads, sweepStagingObjects, type StepDeps } from "./steps";

export type DailyJobSummary = {
  runId: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** False when the time budget ran out: the next run continues where this one stopped. */
  complete: boolean;
  /** "busy": another run held the renewal lease; this one only delivered mail and deleted objects. */
  renewals: "done" | "busy";
  mail: { sent: number; failed: number; gaveUp: number };
  notices: { sent: number; failed: number; withoutEmail: number; recovered: number };
  reminders: { sent: number };
  deletions: { deleted: number };
  /** lib/retention: accounts and closed applications kept for their retention period only. */
  retention: { unverifiedDeleted: number; accountNotices: number; accountsDeleted: number; applicationNotices: number; applicationsDeleted: number };
  uploads: { swept: number; staging: number };
  storageDeletions: { deleted: number; failed: number };
  /** Delivered or abandoned mails past their retention (lib/mail/outbox), spent rate-limit counters. */
  purged: { mails: number; throttles: number };
  errors: string[];
  /** Milliseconds each step took (where a slow run spent its time). */
  stepsMs: Record<string, number>;
};

export type DailyJobDeps = MailDeps & { storage: Storage; now?: () => Date };
export type DailyJobOptions = {
  /** Stop starting new batches after this long (the platform kills functions at 300 s). */
  budgetMs?: number;
  batchSize?: number;
};

const lockName = "renewals";

/** Takes the renewal lease unless a live run holds it; a dead run's lease expires on its own. */
async function acquireLease(db: Database, holder: string, seconds: number): Promise<boolean> {
  const until = sql`now() + make_interval(secs => ${seconds})`;
  const [row] = await db
    .insert(jobLocks)
    .values({ name: lockName, holder, lockedUntil: until })
    .onConflictDoUpdate({ target: jobLocks.name, set: { holder, lockedUntil: until }, setWhere: lt(jobLocks.lockedUntil, sql`now()`) })
    .returning({ holder: jobLocks.holder });
  return row?.holder === holder;
}

async function releaseLease(db: Database, holder: string): Promise<void> {
  await db.delete(jobLocks).where(and(eq(jobLocks.name, lockName), eq(jobLocks.holder, holder)));
}

/**
 * The daily job (Vercel cron → /api/cron/renewals, or `npm run cron`): delivers the mail
 * outbox, sends renewal notices and reminders, deletes unanswered applications, sweeps
 * abandoned uploads and deletes the objects storage still holds. Idempotent; safe when two
 * runs overlap; bounded by a time budget. Each run is recorded in `job_runs` with its summary.
 */
export async function runDailyJob(deps?: DailyJobDeps, options: DailyJobOptions = {}): Promise<DailyJobSummary> {
  if (deps) return runWith(deps, options);
  // Thousands of mails in a run: reuse SMTP connections, and close them when the run ends.
  const mailer = createJobMailer();
  try {
    return await runWith({ db: getDb(), mailer, storage: getStorage() }, options);
  } finally {
    mailer.transport.close();
  }
}

async function runWith(resolved: DailyJobDeps, options: DailyJobOptions): Promise<DailyJobSummary> {
  const { db } = resolved;
  const now = resolved.now ?? (() => new Date());
  const budgetMs = options.budgetMs ?? 240_000;
  const batch = options.batchSize ?? 100;
  const started = Date.now();
  const hasTime = () => Date.now() - started < budgetMs;
  const stepDeps: StepDeps = { db, mailer: resolved.mailer, storage: resolved.storage, now };
  const [run] = await db.insert(jobRuns).values({ job: "daily" }).returning({ id: jobRuns.id });
  const runId = run!.id;
  const summary: DailyJobSummary = {
    runId,
    startedAt: new Date(started).toISOString(),
    finishedAt: "",
    durationMs: 0,
    complete: true,
    renewals: "done",
    mail: { sent: 0, failed: 0, gaveUp: 0 },
    notices: { sent: 0, failed: 0, withoutEmail: 0, recovered: 0 },
    reminders: { sent: 0 },
    deletions: { deleted: 0 },
    retention: { unverifiedDeleted: 0, accountNotices: 0, accountsDeleted: 0, applicationNotices: 0, applicationsDeleted: 0 },
    uploads: { swept: 0, staging: 0 },
    storageDeletions: { deleted: 0, failed: 0 },
    purged: { mails: 0, throttles: 0 },
    errors: [],
    stepsMs: {},
  };

  /** Runs `step` in batches while it reports more work and time remains; one failing step does not stop the others. */
  async function repeat(name: string, step: () => Promise<{ more: boolean }>): Promise<void> {
    const stepStarted = Date.now();
    try {
      for (;;) {
        const { more } = await step();
        if (!more) return;
        if (!hasTime()) {
          summary.complete = false;
          return;
        }
      }
    } catch (error) {
      summary.errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      logger.error("cron.step_failed", { step: name, error });
    } finally {
      summary.stepsMs[name] = (summary.stepsMs[name] ?? 0) + (Date.now() - stepStarted);
    }
  }

  // Mail that SMTP refused earlier (renewal notices are rendered afresh by their own step).
  // Small claims: each mail's lease (5 min) must outlast sending the whole claim.
  const mailBatch = Math.max(1, Math.min(50, batch));
  await repeat("mail", async () => {
    const sent = await deliverEmails({ limit: mailBatch, excludeTemplates: [noticeTemplate] }, resolved);
    summary.mail.sent += sent.sent;
    summary.mail.failed += sent.failed;
    summary.mail.gaveUp += sent.gaveUp;
    return { more: sent.sent + sent.failed + sent.gaveUp === mailBatch };
  });

  const holder = randomUUID();
  if (await acquireLease(db, holder, Math.ceil(budgetMs / 1000) + 300)) {
    try {
      const settings = await loadSettings(db);
      const keys: string[] = [];
      await repeat("notices", async () => {
        const step = await sendRenewalNotices(stepDeps, settings, batch);
        for (const key of ["sent", "failed", "withoutEmail", "recovered"] as const) summary.notices[key] += step[key];
        // SMTP down: stop after a batch of failures rather than trying every application.
        return { more: step.more && step.failed < batch };
      });
      await repeat("reminders", async () => {
        const step = await sendRenewalReminders(stepDeps, settings, batch);
        summary.reminders.sent += step.sent;
        return step;
      });
      await repeat("deletions", async () => {
        const step = await deleteUnansweredApplications(stepDeps, settings, batch);
        summary.deletions.deleted += step.deleted;
        keys.push(...step.keys);
        return step;
      });
      const retentionDeps = { ...resolved, db, now };
      const retentionSteps: [string, keyof DailyJobSummary["retention"], () => Promise<{ count: number; keys: string[]; more: boolean }>][] = [
        ["retention:unverified", "unverifiedDeleted", () => deleteUnverifiedAccounts(retentionDeps, settings, batch)],
        ["retention:account-notices", "accountNotices", () => noticeInactiveAccounts(retentionDeps, settings, batch)],
        ["retention:accounts", "accountsDeleted", () => deleteInactiveAccounts(retentionDeps, batch)],
        ["retention:application-notices", "applicationNotices", () => noticeClosedApplications(retentionDeps, settings, batch)],
        ["retention:applications", "applicationsDeleted", () => deleteClosedApplications(retentionDeps, batch)],
      ];
      for (const [name, counter, step] of retentionSteps) {
        await repeat(name, async () => {
          const result = await step();
          summary.retention[counter] += result.count;
          keys.push(...result.keys);
          return result;
        });
      }
      await repeat("uploads", async () => {
        const step = await sweepAbandonedUploads(stepDeps, batch * 10);
        summary.uploads.swept += step.swept;
        return step;
      });
      await repeat("staging", async () => {
        summary.uploads.staging += (await sweepStagingObjects(stepDeps)).deleted;
        return { more: false };
      });
    } finally {
      await releaseLease(db, holder);
    }
  } else {
    summary.renewals = "busy";
  }

  // Objects of deleted rows (this run's and those storage refused before).
  await repeat("storage", async () => {
    const step = await runObjectDeletions(resolved, { limit: batch * 10 });
    summary.storageDeletions.deleted += step.deleted;
    summary.storageDeletions.failed += step.failed;
    return { more: step.deleted === batch * 10 };
  });

  await repeat("retention", async () => {
    const mails = await purgeDeliveredMails(db);
    summary.purged.mails += mails;
    if (mails < 10_000) summary.purged.throttles += await purgeStaleThrottles(db);
    return { more: mails === 10_000 };
  });

  summary.finishedAt = new Date().toISOString();
  summary.durationMs = Date.now() - started;
  await db
    .update(jobRuns)
    .set({ finishedAt: new Date(), summary, error: summary.errors.length ? summary.errors.join("\n") : null })
    .where(eq(jobRuns.id, runId));
  return summary;
}
