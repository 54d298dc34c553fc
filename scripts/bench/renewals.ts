import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isNull, sql } from "drizzle-orm";
import { closeDb, getDb } from "../../lib/db/client";
import { applications } from "../../lib/db/schema";
import { createJobMailer } from "../../lib/mail/transport";
import { runDailyJob, type DailyJobSummary } from "../../lib/renewals/daily-job";
import { getStorage } from "../../lib/storage/client";
import { startStack } from "../stack";
import { prepareDueApplications } from "./due-applications";

/**
 * `npm run bench:renewals`: the daily job over N due applications (default 10 000), each with a stored
 * attachment, against the local SMTP catcher and S3 server: first the notices, then (notices
 * aged by SQL) the deletions with their objects. Prints seconds, rates and peak RSS. Uses the
 * PostgreSQL of DATABASE_URL (a fresh `aesh_bench` database) when set, else embedded PGlite.
 * Not a test: nothing fails on a slow machine. `npm run bench:renewals -- 2000` for a quicker run.
 */
const count = Number(process.argv[2] ?? 10_000);
const dataDir = await mkdtemp(path.join(os.tmpdir(), "aesh-bench-"));
const stack = await startStack({
  dataDir,
  ephemeralDatabase: true,
  freshDatabaseName: "aesh_bench",
  alwaysEmbed: ["storage", "mail"],
  appPort: 3998,
  ports: { database: 0, storage: 0, smtp: 0, inbox: 0 },
});
const db = getDb();
const storage = getStorage();
const deps = { db, mailer: createJobMailer(), storage };
const seconds = (from: number) => (performance.now() - from) / 1000;
const rss = () => `${Math.round(process.resourceUsage().maxRSS / 1024)} Mo`;

try {
  const setup = performance.now();
  await prepareDueApplications(db, count);
  console.log(`Préparation : ${count} candidatures échues avec une pièce jointe stockée, ${seconds(setup).toFixed(1)} s`);

  async function untilDone(label: string, done: (summary: DailyJobSummary) => boolean): Promise<void> {
    const started = performance.now();
    let runs = 0;
    for (;;) {
      const summary = await runDailyJob(deps);
      runs += 1;
      if (summary.errors.length) throw new Error(summary.errors.join("\n"));
      if (summary.complete && done(summary)) break;
    }
    const elapsed = seconds(started);
    console.log(`${label} : ${count} en ${elapsed.toFixed(1)} s (${(count / elapsed).toFixed(0)}/s), ${runs} exécution(s) de la tâche, RSS max ${rss()}`);
  }

  await untilDone("Avis de renouvellement (rendu, envoi SMTP, enregistrement)", () => true);
  const [left] = await db.select({ n: sql<number>`count(*)::int` }).from(applications).where(isNull(applications.renewalNoticeSentAt));
  const caught = (await (await fetch(`${stack.inboxUrl}/api/messages`)).json()) as unknown[];
  console.log(`  courriels reçus par le serveur SMTP local : ${caught.length} ; candidatures sans avis : ${left!.n}`);

  // A month later: the reminder went a week before (another day's run), the grace period is over.
  await db.update(applications).set({ renewalNoticeSentAt: sql`now() - interval '31 days'`, renewalReminderSentAt: sql`now() - interval '8 days'` });
  await untilDone("Suppressions sans réponse (lignes, trace, courriel, objets)", () => true);
  const [remaining] = await db.select({ n: sql<number>`count(*)::int` }).from(applications);
  console.log(`  candidatures restantes : ${remaining!.n} ; RSS max du processus (base embarquée, S3 et SMTP compris) : ${rss()}`);
} finally {
  deps.mailer.transport.close();
  await closeDb();
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}
