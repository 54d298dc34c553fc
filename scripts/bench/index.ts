import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { eq, sql } from "drizzle-orm";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { encode } from "next-auth/jwt";
import { closeDb, createDatabase, getDb } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { seedReferenceData } from "../../lib/db/seed";
import { applications, users } from "../../lib/db/schema";
import { childProcessEnv, presentEnv } from "../../lib/env";
import { openStaffSession } from "../../lib/staff/sessions";
import { runNext } from "../run-next";
import { startEmbeddedDatabase } from "../services/embedded-database";
import { createFreshDatabase } from "../services/fresh-database";
import { startStack } from "../stack";
import { academyScale, seedAcademy, type AcademyScale } from "./academy-seed";
import { buildJob } from "./build-job";
import { prepareDueApplications } from "./due-applications";
import type { LoadResult } from "./load";
import { startPgCounter } from "./pg-counter";

/**
 * `npm run bench`: the production build on an académie at scale, measured from outside.
 *
 * - The product runs alone in its `next start` process; the load generator (autocannon) runs in
 *   another process, as does the daily job; the S3 and SMTP servers (and the embedded database
 *   when DATABASE_URL is not set) live in this orchestrating process.
 * - Every HTTP figure is also given as a ratio to a static file served by the same server in
 *   the same run (the ceiling): the machine is shared and noisy, ratios travel better.
 * - Prints one table and writes bench/results.json. Not a test: nothing fails on a slow machine.
 *
 * `npm run bench -- --rapide` for a smaller académie and shorter runs; `--sans-build` to reuse
 * the current `.next` build; `--tache-seulement` for the daily job alone.
 */
const args = new Set(process.argv.slice(2));
const quick = args.has("--rapide");
/** Only the daily job (after a change to it): no build, no académie, no pages. */
const jobOnly = args.has("--tache-seulement");
const scale: AcademyScale = quick ? { candidates: 10_000, applications: 15_000, diplomas: 12_000 } : academyScale;
const loadSeconds = quick ? 3 : 10;
const connections = 16;
const dueCount = quick ? 1_000 : 10_000;
const port = 3996;
const countingPort = 3995;
const origin = `http://127.0.0.1:${port}`;
const cookieName = "authjs.session-token";

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, quick, scale, connections, loadSeconds };
const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  console.log(line);
};
const since = (from: number) => (performance.now() - from) / 1000;

function run(command: string, commandArgs: string[], env: Record<string, string> = {}, capture = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"], env: childProcessEnv(env) });
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${commandArgs.join(" ")} : code ${code}\n${out.slice(-2000)}`))));
  });
}

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const nodeArgs = ["--import", "./scripts/node/register.mjs"];

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function waitForServer(base: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const answer = await fetch(`${base}/icon.svg`).catch(() => null);
    if (answer?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`le serveur ${base} ne répond pas`);
}

/** A process and its descendants (Linux /proc). */
async function processTree(root: number): Promise<Set<number>> {
  const parents = new Map<number, number>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[1]) parents.set(Number(entry), Number(fields[1]));
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(parent) || tree.has(pid)) continue;
      tree.add(pid);
      grew = true;
    }
  }
  return tree;
}

/** RSS of a process and its descendants, in bytes. */
async function treeRss(root: number): Promise<number> {
  let total = 0;
  for (const pid of await processTree(root)) {
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    if (kb) total += Number(kb) * 1024;
  }
  return total;
}

/** CPU time (user + system) a process and its descendants have used, in seconds. */
async function treeCpuSeconds(root: number): Promise<number> {
  const tick = 100; // USER_HZ, 100 on Linux
  let total = 0;
  for (const pid of await processTree(root)) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[12]) total += (Number(fields[11]) + Number(fields[12])) / tick;
  }
  return total;
}

async function load(url: string, headers: Record<string, string>, seconds = loadSeconds): Promise<LoadResult> {
  const out = await run(tsx, [...nodeArgs, "scripts/bench/load.ts", JSON.stringify({ url, connections, seconds, headers })], {}, true);
  return JSON.parse(out.trim().split("\n").pop()!) as LoadResult;
}

/** A page must answer 200 for this session before it is measured (no redirect to the login). */
async function checkPage(base: string, route: string, headers: Record<string, string>): Promise<string> {
  const answer = await fetch(`${base}${route}`, { headers, redirect: "manual" });
  const body = await answer.text();
  if (answer.status !== 200) throw new Error(`${route} : HTTP ${answer.status} au lieu de 200`);
  return body;
}

/**
 * First-load JavaScript of a page: every script it references, gzipped, in kB — except the
 * `nomodule` polyfills, which browsers that run modules (all the supported ones) never fetch.
 */
async function firstLoadJs(base: string, route: string, headers: Record<string, string>): Promise<number> {
  const html = await checkPage(base, route, headers);
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
  const sources = new Set(tags.flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]?.replaceAll("&amp;", "&") ?? []));
  let bytes = 0;
  for (const source of sources) {
    const script = Buffer.from(await (await fetch(new URL(source, base))).arrayBuffer());
    bytes += gzipSync(script).length;
  }
  return bytes / 1024;
}

const chromiumPath = "/usr/bin/chromium";

/** Lighthouse's mobile run (its defaults: a mid-range phone, simulated slow 4G), scores out of 100. */
async function lighthouseScores(url: string, headers: Record<string, string>): Promise<{ performance: number; accessibility: number; scriptKb: number }> {
  const chrome = await launch({ chromePath: chromiumPath, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  try {
    const answer = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], extraHeaders: headers });
    const { categories, audits } = answer!.lhr;
    // What the browser itself downloaded as script (compressed, as sent): a check of the figure above.
    const items = (audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
    const scriptKb = (items.find((item) => item.resourceType === "script")?.transferSize ?? 0) / 1024;
    return { performance: Math.round((categories.performance?.score ?? 0) * 100), accessibility: Math.round((categories.accessibility?.score ?? 0) * 100), scriptKb };
  } finally {
    chrome.kill();
  }
}

const mo = (bytes: number) => Math.round(bytes / 1_048_576);
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** The PostgreSQL server given by the shell, read before startStack fills DATABASE_URL with the embedded one. */
const givenDatabase = presentEnv().DATABASE_URL;
const dataDir = await mkdtemp(path.join(os.tmpdir(), "aesh-bench-"));
let server: ChildProcess | undefined;
let stopJobDatabase: (() => Promise<void>) | undefined;
const stack = await startStack({
  dataDir,
  ephemeralDatabase: true,
  freshDatabaseName: "aesh_bench",
  alwaysEmbed: ["storage", "mail"],
  appPort: port,
  ports: { database: 0, storage: 0, smtp: 0, inbox: 0 },
});
try {
  say(`# npm run bench — ${new Date().toLocaleString("fr-FR", { timeZone: "Europe/Paris" })}, Node ${process.version}, ${os.cpus().length} cœurs`);
  say(`Base : ${givenDatabase ? "PostgreSQL (DATABASE_URL)" : "PGlite embarquée"}${quick ? " ; mode rapide" : ""}`);
  if (!args.has("--sans-build") && !jobOnly) {
    const building = performance.now();
    await run("npm", ["run", "build"], {}, true);
    say(`Build de production : ${since(building).toFixed(0)} s`);
  }

  if (!jobOnly) {
    // 1. The académie.
    const db = getDb();
    const seeding = performance.now();
    await seedAcademy(db, scale);
    say(`Académie : ${scale.candidates} candidats, ${scale.applications} candidatures, ${scale.diplomas} diplômes, en ${since(seeding).toFixed(0)} s`);
    results.seedSeconds = since(seeding);

    // 2. Sessions made up front, as Auth.js would have written them at sign-in.
    const secret = stack.env.AUTH_SECRET!;
    const now = Math.floor(Date.now() / 1000);
    const cookie = async (token: Record<string, unknown>) => ({ Cookie: `${cookieName}=${await encode({ token, secret, salt: cookieName, maxAge: 12 * 3600 })}` });
    const [candidate] = await db.select({ id: users.id, sv: users.sessionVersion }).from(users).where(eq(users.identifier, "candidat.1@exemple.fr"));
    const [application] = await db.select({ id: applications.id }).from(applications).where(eq(applications.userId, candidate!.id)).limit(1);
    const candidateHeaders = await cookie({ sub: candidate!.id, role: "candidate", sv: candidate!.sv, seen: now, since: now });
    const [admin] = await db
      .insert(users)
      .values({ identifier: "banc@ac-lille.fr", email: "banc@ac-lille.fr", emailVerifiedAt: new Date(), passwordHash: "bench", role: "admin" })
      .returning({ id: users.id, sv: users.sessionVersion });
    const ssid = await openStaffSession(db, admin!.id, "127.0.0.1", "passkey");
    const adminHeaders = await cookie({ sub: admin!.id, role: "admin", sv: admin!.sv, ssid, seen: now, since: now, mfaAt: now });
    const [zone] = (await db.execute(sql`select id from zones order by rank limit 1`)) as unknown as { id: string }[];
    const [time] = (await db.execute(sql`select id from working_times order by rank limit 1`)) as unknown as { id: string }[];
    const [teaching] = (await db.execute(sql`select id from teaching_types order by rank limit 1`)) as unknown as { id: string }[];
    const heaviest = new URLSearchParams({ q: "martin", zone: zone!.id, voeu: "tous", quotite: time!.id, enseignement: teaching!.id, statut: "submitted", complete: "oui", depuis: "2026-06-01", valide_avant: "2027-06-01", tri: "nom" });

    // 3. The server, alone in its process.
    server = runNext("start", port, stack.env, { quiet: true });
    await waitForServer(origin);
    const anonymous = {};
    const pages: { key: string; label: string; route: string; headers: Record<string, string>; group: "public" | "candidat" | "gestion" }[] = [
      { key: "home", label: "/ (accueil, anonyme)", route: "/", headers: anonymous, group: "public" },
      { key: "registration", label: "/inscription", route: "/inscription", headers: anonymous, group: "public" },
      { key: "dashboard", label: "/tableau-de-bord (candidat)", route: "/tableau-de-bord", headers: candidateHeaders, group: "candidat" },
      { key: "candidature", label: "/candidatures/[id] (candidat)", route: `/candidatures/${application!.id}`, headers: candidateHeaders, group: "candidat" },
      { key: "adminList", label: "/admin/candidatures, filtres les plus lourds", route: `/admin/candidatures?${heaviest}`, headers: adminHeaders, group: "gestion" },
      { key: "adminSearch", label: "/admin/candidatures?q=dupré", route: `/admin/candidatures?q=${encodeURIComponent("dupré")}`, headers: adminHeaders, group: "gestion" },
      { key: "adminCandidature", label: "/admin/candidatures/[id]", route: `/admin/candidatures/${application!.id}`, headers: adminHeaders, group: "gestion" },
    ];
    for (const page of pages) {
      await checkPage(origin, page.route, page.headers);
      for (let i = 0; i < 5; i += 1) await checkPage(origin, page.route, page.headers);
    }

    // 4. HTTP load: the ceiling before and after the pages (its mean is the reference).
    await load(`${origin}/icon.svg`, {}, 2);
    const ceilingBefore = await load(`${origin}/icon.svg`, {});
    const measured: Record<string, LoadResult> = {};
    for (const page of pages) measured[page.key] = await load(`${origin}${page.route}`, page.headers);
    const ceilingAfter = await load(`${origin}/icon.svg`, {});
    const ceiling = (ceilingBefore.perSecond + ceilingAfter.perSecond) / 2;
    say("");
    say(`## Pages, ${connections} connexions, ${loadSeconds} s chacune (générateur de charge dans son propre processus)`);
    say("| page | req/s | p50 | p95 | p99 | ratio au plafond | réponses |");
    say("|---|---|---|---|---|---|---|");
    const row = (label: string, result: LoadResult) =>
      say(`| ${label} | ${result.perSecond.toFixed(0)} | ${ms(result.p50)} | ${ms(result.p95)} | ${ms(result.p99)} | ${(result.perSecond / ceiling).toFixed(2)} | ${Object.entries(result.statuses).map(([status, n]) => `${n} × ${status}`).join(", ")}${result.errors ? `, ${result.errors} erreurs` : ""} |`);
    row("/icon.svg (fichier statique : le plafond), avant", ceilingBefore);
    for (const page of pages) row(page.label, measured[page.key]!);
    row("/icon.svg, après", ceilingAfter);
    results.pages = { ceiling: { before: ceilingBefore, after: ceilingAfter, perSecond: ceiling }, ...Object.fromEntries(pages.map((page) => [page.key, { route: page.label, ...measured[page.key]!, ratio: measured[page.key]!.perSecond / ceiling }])) };

    // 5. Exports of the whole académie, and the server's peak RSS while streaming.
    say("");
    say("## Exports de toutes les candidatures");
    const [{ total }] = (await db.execute(sql`select count(*)::int as total from applications`)) as unknown as [{ total: number }];
    const exportsResult: Record<string, unknown> = {};
    for (const format of ["csv", "xlsx"] as const) {
      const before = await treeRss(server.pid!);
      let peak = before;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          peak = Math.max(peak, await treeRss(server!.pid!));
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      const cpuBefore = await treeCpuSeconds(server.pid!);
      const started = performance.now();
      const answer = await fetch(`${origin}/admin/candidatures/export`, {
        method: "POST",
        headers: { ...adminHeaders, Origin: new URL(stack.env.APP_URL!).origin },
        body: new URLSearchParams({ scope: "filtres", query: "", format }),
      });
      if (!answer.ok || !answer.body) throw new Error(`export ${format} : HTTP ${answer.status}`);
      let bytes = 0;
      for await (const chunk of answer.body) bytes += (chunk as Uint8Array).length;
      const seconds = since(started);
      sampling = false;
      await sampler;
      const cpuSeconds = (await treeCpuSeconds(server.pid!)) - cpuBefore;
      // Rows/s against the same run's ceiling, comparable from one run (and machine speed) to the next.
      const perCeiling = total / seconds / ceiling;
      exportsResult[format] = { rows: total, seconds, rowsPerSecond: total / seconds, perCeiling, serverCpuSeconds: cpuSeconds, megabytes: bytes / 1_048_576, rssBeforeMo: mo(before), rssPeakMo: mo(peak) };
      say(
        `- ${format.toUpperCase()} : ${total} lignes en ${seconds.toFixed(1)} s, ${Math.round(total / seconds)} lignes/s (${perCeiling.toFixed(1)} × les req/s du plafond), ${(bytes / 1_048_576).toFixed(1)} Mo ; CPU du serveur ${cpuSeconds.toFixed(1)} s ; RSS du serveur ${mo(before)} Mo avant, ${mo(peak)} Mo au plus haut`,
      );
    }
    results.exports = exportsResult;

    // 6. First-load JavaScript per route (every script of the page, gzipped).
    say("");
    say("## JavaScript au premier chargement (gzip)");
    const jsRoutes: [string, string, Record<string, string>][] = [
      ["/", "/", anonymous],
      ["/inscription", "/inscription", anonymous],
      ["/tableau-de-bord", "/tableau-de-bord", candidateHeaders],
      ["/candidatures/nouvelle", "/candidatures/nouvelle", candidateHeaders],
      ["/candidatures/[id]", `/candidatures/${application!.id}`, candidateHeaders],
      ["/diplomes/nouveau", "/diplomes/nouveau", candidateHeaders],
      ["/compte", "/compte", candidateHeaders],
      ["/admin/candidatures", "/admin/candidatures", adminHeaders],
    ];
    const js: Record<string, number> = {};
    for (const [label, route, headers] of jsRoutes) {
      js[label] = await firstLoadJs(origin, route, headers);
      say(`- ${label} : ${js[label]!.toFixed(0)} kB`);
    }
    results.firstLoadJsKb = js;

    // 7. Lighthouse (mobile, simulated throttling) in Debian's Chromium.
    say("");
    say("## Lighthouse mobile (performance / accessibilité)");
    if (existsSync(chromiumPath)) {
      const scores: Record<string, { performance: number; accessibility: number; scriptKb: number }> = {};
      for (const [label, route, headers] of [["/", "/", anonymous], ["/inscription", "/inscription", anonymous], ["/candidatures/[id]", `/candidatures/${application!.id}`, candidateHeaders]] as const) {
        scores[label] = await lighthouseScores(`${origin}${route}`, headers);
        say(`- ${label} : ${scores[label]!.performance} / ${scores[label]!.accessibility} (JavaScript reçu par le navigateur : ${scores[label]!.scriptKb.toFixed(0)} kB)`);
      }
      results.lighthouse = scores;
    } else say(`- non mesuré : ${chromiumPath} absent (apt-get install chromium)`);
    await stopServer(server);
    server = undefined;

    // 8. SQL statements per request: the same build, connected through a counting relay.
    if (stack.env.DATABASE_URL) {
      const counter = await startPgCounter(stack.env.DATABASE_URL!);
      const counting = runNext("start", countingPort, { ...stack.env, DATABASE_URL: counter.url }, { quiet: true });
      try {
        const base = `http://127.0.0.1:${countingPort}`;
        await waitForServer(base);
        say("");
        say("## Requêtes SQL par page (moyenne de 10 vues, après une vue d'échauffement)");
        const statements: Record<string, number> = {};
        for (const page of pages) {
          await checkPage(base, page.route, page.headers);
          await new Promise((resolve) => setTimeout(resolve, 200));
          const before = counter.statements();
          for (let i = 0; i < 10; i += 1) await checkPage(base, page.route, page.headers);
          await new Promise((resolve) => setTimeout(resolve, 200));
          statements[page.key] = (counter.statements() - before) / 10;
          say(`- ${page.label} : ${statements[page.key]!.toFixed(1)}`);
        }
        results.sqlPerRequest = statements;
        // The statements of one view of each page, for whoever looks for what to cut.
        const journal: string[] = [];
        for (const page of pages) {
          const stop = counter.record();
          await checkPage(base, page.route, page.headers);
          await new Promise((resolve) => setTimeout(resolve, 200));
          journal.push(`## ${page.label}`, "", ...stop().map((text, i) => `${i + 1}. \`${text.replace(/\s+/g, " ").slice(0, 400)}\``), "");
        }
        await mkdir("bench", { recursive: true });
        await writeFile(path.join("bench", "sql.md"), `${journal.join("\n")}\n`);
      } finally {
        await stopServer(counting);
        await counter.stop();
      }
    }
    await closeDb();

  }

  // 9. The daily job on its own database: N due applications, each with a stored attachment.
  let jobUrl: string;
  if (givenDatabase) jobUrl = await createFreshDatabase(givenDatabase, "aesh_bench_job");
  else {
    const embedded = await startEmbeddedDatabase({ port: 0 });
    stopJobDatabase = embedded.stop;
    jobUrl = embedded.url;
  }
  // PGlite is one session: one connection per process (scripts/stack.ts).
  const jobDb = createDatabase(jobUrl, { max: givenDatabase ? 4 : 1 });
  try {
    await applyMigrations(jobDb.db);
    await seedReferenceData(jobDb.db);
    const preparing = performance.now();
    await prepareDueApplications(jobDb.db, dueCount);
    // As autovacuum would have left the tables by the time a daily job runs (academy-seed.ts).
    await jobDb.db.execute(sql`vacuum analyze`);
    say("");
    say(`## Tâche quotidienne (son propre processus ; SMTP et S3 dans un autre)`);
    say(`Préparation : ${dueCount} candidatures échues avec une pièce jointe stockée, ${since(preparing).toFixed(0)} s`);
    // As in production, where the job runs compiled in `next start`: React's production build, no TypeScript loader (build-job.ts).
    const jobEnv = { ...stack.env, DATABASE_URL: jobUrl, NODE_ENV: "production" };
    const jobFile = await buildJob();
    const jobRun = async () => JSON.parse((await run(process.execPath, [jobFile], jobEnv, true)).trim().split("\n").pop()!) as { seconds: number; notices: number; reminders: number; deletions: number; mails: number; storageDeletions: number; runs: number; peakRssMo: number; cpuSeconds: number; stepsMs: Record<string, number> };
    // Where a run spent its time: its steps over 1 s.
    const steps = (run: { stepsMs: Record<string, number> }) =>
      Object.entries(run.stepsMs)
        .filter(([, ms]) => ms >= 1000)
        .map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`)
        .join(", ");
    const notices = await jobRun();
    const caught = (await (await fetch(`${stack.inboxUrl}/api/messages`)).json()) as unknown[];
    say(`- avis : ${notices.notices} en ${notices.seconds.toFixed(1)} s (${Math.round(notices.notices / notices.seconds)}/s), ${notices.runs} exécution(s), ${caught.length} courriels reçus par le serveur SMTP ; CPU du processus ${notices.cpuSeconds.toFixed(1)} s, RSS max ${notices.peakRssMo} Mo (${steps(notices)})`);
    // 24 days later: a week before the deletion, the reminders.
    await jobDb.db.execute(sql`update applications set renewal_notice_sent_at = now() - interval '24 days'`);
    const reminders = await jobRun();
    say(`- rappels : ${reminders.reminders} en ${reminders.seconds.toFixed(1)} s (${Math.round(reminders.reminders / reminders.seconds)}/s) ; CPU du processus ${reminders.cpuSeconds.toFixed(1)} s, RSS max ${reminders.peakRssMo} Mo (${steps(reminders)})`);
    // A month after the notice: the reminder went a week before (another day's run), the grace period is over.
    await jobDb.db.execute(sql`update applications set renewal_notice_sent_at = now() - interval '31 days', renewal_reminder_sent_at = now() - interval '8 days'`);
    const deletions = await jobRun();
    say(`- suppressions : ${deletions.deletions} en ${deletions.seconds.toFixed(1)} s (${Math.round(deletions.deletions / deletions.seconds)}/s), ${deletions.storageDeletions} objets supprimés ; CPU du processus ${deletions.cpuSeconds.toFixed(1)} s, RSS max ${deletions.peakRssMo} Mo (${steps(deletions)})`);
    results.dailyJob = { due: dueCount, notices, reminders, deletions, mailsCaught: caught.length };
  } finally {
    await jobDb.sql.end({ timeout: 5 });
  }

  await mkdir("bench", { recursive: true });
  await writeFile(path.join("bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(path.join("bench", "results.md"), `${lines.join("\n")}\n`);
  say("");
  say("Résultats : bench/results.json (et ce tableau dans bench/results.md ; les requêtes SQL de chaque page dans bench/sql.md)");
} finally {
  if (server) await stopServer(server);
  await closeDb();
  await stopJobDatabase?.();
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}
