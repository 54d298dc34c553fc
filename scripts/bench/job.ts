import { closeDb } from "../../lib/db/client";
import { runDailyJob } from "../../lib/renewals/daily-job";
import { runCli } from "../cli-env";
import { peakRssMo } from "./peak-rss";

/**
 * The daily job as `npm run bench` measures it: in its own process (the SMTP and S3 servers are
 * the bench's, elsewhere), run until a run says it is complete, as the scheduler would call it
 * again. Prints one JSON line: seconds, runs, what was done, the process's CPU time and peak RSS.
 */
/** CPU time the job's own process used (user + system), to tell its work from waiting on PostgreSQL, SMTP or S3. */
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 10_000) / 100;
};

await runCli(async () => {
  const started = performance.now();
  const totals = { notices: 0, reminders: 0, deletions: 0, mails: 0, storageDeletions: 0, runs: 0, stepsMs: {} as Record<string, number> };
  for (;;) {
    const summary = await runDailyJob();
    totals.runs += 1;
    totals.notices += summary.notices.sent;
    totals.reminders += summary.reminders.sent;
    totals.deletions += summary.deletions.deleted;
    totals.mails += summary.mail.sent;
    totals.storageDeletions += summary.storageDeletions.deleted;
    for (const [step, ms] of Object.entries(summary.stepsMs)) totals.stepsMs[step] = (totals.stepsMs[step] ?? 0) + ms;
    if (summary.errors.length) throw new Error(summary.errors.join("\n"));
    if (summary.complete) break;
  }
  await closeDb();
  console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, ...totals, peakRssMo: peakRssMo(), cpuSeconds: cpuSeconds() }));
});
