import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { recordAudit, systemActor } from "@/lib/audit/audit";
import { loadApplications } from "@/lib/applications/queries";
import { createDatabase, getDb } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { itOnPostgres } from "../support/concurrency";
import { startTcpRelay } from "../../scripts/services/tcp-relay";

/** The driver's reason (drizzle wraps it in "Failed query: …"). */
function describe(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause ?? error;
  return (cause as { code?: string }).code ?? (cause instanceof Error ? cause.message : String(cause));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 13, item 5: PostgreSQL restarted under load. The product's own pool (createDatabase,
 * the settings getDb uses) reaches the database through a relay that cuts every connection
 * and refuses new ones for two seconds, as a restart does, while eight workers read and write.
 */
itOnPostgres("PostgreSQL redémarré en pleine charge : les requêtes échouent vite, aucune ne reste pendante, aucune écriture à moitié faite, le même pool repart seul", async () => {
  const target = new URL(env().DATABASE_URL);
  const proxy = await startTcpRelay({ host: target.hostname, port: Number(target.port || 5432) });
  const relayed = new URL(target);
  relayed.host = `127.0.0.1:${proxy.port}`;
  const { sql: client, db } = createDatabase(relayed.toString(), { max: 4 });
  const marker = `panne-${randomUUID()}`;
  type Call = { startedAt: number; ms: number; ok: boolean; error?: string };
  const calls: Call[] = [];
  let running = true;
  const origin = performance.now();
  const worker = async (index: number) => {
    while (running) {
      const started = performance.now();
      try {
        if (index % 2) {
          await loadApplications(db, randomUUID());
        } else {
          // Two rows or none: a transaction cut in the middle must leave nothing behind.
          await db.transaction(async (tx) => {
            for (const half of ["1", "2"]) await recordAudit(tx, { actor: systemActor, action: "fault.pair", entityType: marker, details: { half } });
          });
        }
        calls.push({ startedAt: started - origin, ms: performance.now() - started, ok: true });
      } catch (error) {
        calls.push({ startedAt: started - origin, ms: performance.now() - started, ok: false, error: describe(error) });
        await sleep(50);
      }
    }
  };
  try {
    const workers = Array.from({ length: 8 }, (_, index) => worker(index));
    await sleep(1_000);
    const cutAt = performance.now() - origin;
    await proxy.down();
    await sleep(2_000);
    await proxy.up();
    const restoredAt = performance.now() - origin;
    await sleep(2_000);
    running = false;
    await Promise.all(workers);

    // Before: ended before the cut; after: begun once the database was back; the rest lived through it.
    const phases = {
      avant: calls.filter((call) => call.startedAt + call.ms < cutAt),
      après: calls.filter((call) => call.startedAt >= restoredAt),
      panne: calls.filter((call) => call.startedAt + call.ms >= cutAt && call.startedAt < restoredAt),
    };
    const of = (name: keyof typeof phases) => phases[name];
    const firstOkAfter = of("après").find((call) => call.ok);
    console.log(
      [
        "Panne injectée : PostgreSQL redémarré (connexions coupées, nouvelles connexions refusées pendant 2 s) sous 8 appels parallèles",
        `  avant : ${of("avant").length} appels, ${of("avant").filter((call) => !call.ok).length} en échec`,
        `  pendant : ${of("panne").length} appels, ${of("panne").filter((call) => !call.ok).length} en échec (${[...new Set(of("panne").filter((call) => !call.ok).map((call) => call.error))].join(", ")})`,
        `  après : ${of("après").length} appels, ${of("après").filter((call) => !call.ok).length} en échec ; première réussite ${firstOkAfter ? Math.round(firstOkAfter.startedAt + firstOkAfter.ms - restoredAt) : "—"} ms après le retour`,
        `  appel le plus long : ${Math.round(Math.max(...calls.map((call) => call.ms)))} ms`,
      ].join("\n"),
    );
    expect(of("avant").length).toBeGreaterThan(8);
    expect(of("avant").every((call) => call.ok)).toBe(true);
    // The fault was felt (connections were cut), as an error, not as a wait.
    expect(of("panne").some((call) => !call.ok)).toBe(true);
    // No call hung: each settled within a few seconds. (Before the pool's backoff was capped,
    // calls waited 15 to 25 s; before the driver patch in vendor/, a connection whose socket
    // died with a write pending never flushed again and timed out at 10 s — or the process
    // crashed on porsager/postgres#1154.)
    expect(Math.max(...calls.map((call) => call.ms))).toBeLessThan(5_000);
    // Back without a restart of the pool: every call begun a second after the return succeeds.
    const settled = of("après").filter((call) => call.startedAt > restoredAt + 1_000);
    expect(settled.length).toBeGreaterThan(8);
    expect(settled.filter((call) => !call.ok)).toEqual([]);
  } finally {
    running = false;
    await client.end({ timeout: 5 });
    await proxy.close();
  }
  // Every transaction wrote both of its rows or neither.
  const rows = await getDb().select({ details: auditLog.details }).from(auditLog).where(eq(auditLog.entityType, marker));
  const halves = rows.map((row) => (row.details as { half: string }).half);
  expect(halves.length).toBeGreaterThan(0);
  expect(halves.filter((half) => half === "1").length).toBe(halves.filter((half) => half === "2").length);
});
