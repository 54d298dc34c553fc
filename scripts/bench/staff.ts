import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { asc, count, desc, eq, sql } from "drizzle-orm";
import { closeDb, getDb } from "../../lib/db/client";
import { applications, teachingTypes, users, workingTimes, zones } from "../../lib/db/schema";
import type { StaffMember } from "../../lib/staff/access";
import { filteredApplications, listApplications, neighbours } from "../../lib/staff/applications";
import { loadStaffCandidature } from "../../lib/staff/candidature";
import { exportApplications } from "../../lib/staff/exports";
import { parseApplicationFilters } from "../../lib/staff/list-filters";
import { startStack } from "../stack";
import { academyScale, seedAcademy } from "./academy-seed";
import { peakRssMo } from "./peak-rss";

/**
 * `npm run bench:staff`: the staff list, a candidature and the exports on an académie at
 * scale (100 000 candidates, 150 000 applications). Latencies are measured in this process
 * (the product's own code, no HTTP), each against a ceiling measured in the same run: a
 * primary-key read of one application through the same pool. Not a test: nothing fails on a
 * slow machine. PostgreSQL of DATABASE_URL (fresh `aesh_bench_staff`) when set, else PGlite.
 */
const dataDir = await mkdtemp(path.join(os.tmpdir(), "aesh-bench-staff-"));
const stack = await startStack({
  dataDir,
  ephemeralDatabase: true,
  freshDatabaseName: "aesh_bench_staff",
  alwaysEmbed: ["storage", "mail"],
  appPort: 3997,
  ports: { database: 0, storage: 0, smtp: 0, inbox: 0 },
});
const db = getDb();

async function timings(runs: number, work: () => Promise<unknown>) {
  for (let i = 0; i < 3; i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

async function drain(stream: Readable): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return bytes;
}

try {
  const seeding = performance.now();
  await seedAcademy(db);
  console.log(`Académie : ${academyScale.candidates} candidats, ${academyScale.applications} candidatures, ${academyScale.diplomas} diplômes en ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
  const [admin] = await db.insert(users).values({ identifier: "banc@ac-lille.fr", email: "banc@ac-lille.fr", passwordHash: "bench", role: "admin" }).returning({ id: users.id });
  const staff: StaffMember = { id: admin!.id, role: "admin", label: "banc@ac-lille.fr", address: "127.0.0.1", departements: [] };
  const [zone] = await db.select({ id: zones.id }).from(zones).orderBy(asc(zones.rank)).limit(1);
  const [time] = await db.select({ id: workingTimes.id }).from(workingTimes).orderBy(asc(workingTimes.rank)).limit(1);
  const [teaching] = await db.select({ id: teachingTypes.id }).from(teachingTypes).limit(1);
  const [one] = await db.select({ id: applications.id }).from(applications).orderBy(desc(applications.submittedAt)).limit(1);

  const ceiling = await timings(200, () => db.select({ id: applications.id, status: applications.status }).from(applications).where(eq(applications.id, one!.id)));
  const heaviest = parseApplicationFilters(
    new URLSearchParams({ q: "martin", zone: zone!.id, voeu: "tous", quotite: time!.id, enseignement: teaching!.id, statut: "submitted", complete: "oui", depuis: "2026-06-01", valide_avant: "2027-06-01", tri: "nom" }),
  );
  const cases: [string, () => Promise<unknown>][] = [
    ["liste, filtres les plus lourds (page de 50 + total)", () => listApplications(db, staff, heaviest)],
    ["liste, sans filtre, page 1 000", () => listApplications(db, staff, parseApplicationFilters(new URLSearchParams({ page: "1000" })))],
    ["liste, zone du premier vœu + non lus", () => listApplications(db, staff, parseApplicationFilters(new URLSearchParams({ zone: zone!.id, non_lus: "1" })))],
    ["liste triée par nom, zone du premier vœu", () => listApplications(db, staff, parseApplicationFilters(new URLSearchParams({ zone: zone!.id, tri: "nom" })))],
    ["recherche par nom (« dupré »)", () => listApplications(db, staff, parseApplicationFilters(new URLSearchParams({ q: "dupré" })))],
    ["une candidature (fiche complète)", () => loadStaffCandidature(db, staff, one!.id)],
    ["précédente / suivante, tri par nom", () => neighbours(db, staff, parseApplicationFilters(new URLSearchParams({ tri: "nom" })), one!.id)],
  ];
  console.log(`\nPlafond (lecture d'une candidature par sa clé) : p50 ${ceiling.p50.toFixed(2)} ms, p95 ${ceiling.p95.toFixed(2)} ms`);
  console.log("| requête | p50 | p95 | p50 / plafond |\n|---|---|---|---|");
  for (const [label, work] of cases) {
    const result = await timings(30, work);
    console.log(`| ${label} | ${result.p50.toFixed(1)} ms | ${result.p95.toFixed(1)} ms | ${(result.p50 / ceiling.p50).toFixed(1)} |`);
  }
  // The heaviest filtered count as the list runs it (applications alone: the search reaches
  // users through its own subquery), and its plan: no sequential scan of applications.
  const query = db.select({ n: count() }).from(applications).where(filteredApplications(staff, heaviest));
  const [{ n }] = (await query) as [{ n: number }];
  console.log(`\n(filtres les plus lourds : ${n} candidatures)`);
  const plan = (await db.execute(sql`explain (analyze, costs off, timing off, summary off) ${query}`)) as unknown as { "QUERY PLAN": string }[];
  console.log("\nEXPLAIN ANALYZE du total filtré :\n" + plan.map((row) => `  ${row["QUERY PLAN"]}`).join("\n"));

  for (const format of ["csv", "xlsx"] as const) {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const file = await exportApplications(db, staff, { filters: parseApplicationFilters(new URLSearchParams()) }, { format, includeRqth: false });
    const bytes = await drain(file.stream);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const mo = (value: number) => Math.round(value / 1_048_576);
    console.log(
      `Export ${format.toUpperCase()} de ${academyScale.applications} candidatures : ${seconds.toFixed(1)} s, ${Math.round(academyScale.applications / seconds)} lignes/s, ${(bytes / 1_048_576).toFixed(1)} Mo ; RSS ${mo(before)} Mo avant, ${mo(peak)} Mo au plus haut pendant l'export (max. du processus : ${peakRssMo()} Mo)`,
    );
  }
} finally {
  await closeDb();
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}
