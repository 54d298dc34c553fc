import { sql } from "drizzle-orm";
import { refreshCompleteness } from "../../lib/applications/commands";
import type { Database } from "../../lib/db/client";
import { applications } from "../../lib/db/schema";

/**
 * An académie at scale for benchmarks: 100 000 candidates, 150 000 applications (two post
 * types), 120 000 diplomas with file records, with a realistic spread of wishes (1–3 zones,
 * first wishes weighted towards the big bassins), quotités, statuses, completeness, validity
 * dates over eight months and unread messages. Bulk INSERT … SELECT from generate_series:
 * seconds, not hours. Deterministic: every value derives from the row number (hashes), never
 * from random(), so two runs build the same académie.
 */
export type AcademyScale = { candidates: number; applications: number; diplomas: number };
export const academyScale: AcademyScale = { candidates: 100_000, applications: 150_000, diplomas: 120_000 };

/** A stable version-4 uuid from a text (valid for the app's checks, unlike a raw md5). */
const uuid = (text: string) => `(overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid)`;

/** A stable pseudo-random integer in [0, n) from a row number and a salt. */
const pick = (expression: string, salt: string, n: number) => `(abs(hashtext(${expression} || '${salt}')) % ${n})`;

export async function seedAcademy(db: Database, scale: AcademyScale = academyScale): Promise<void> {
  const second = Math.max(0, scale.applications - scale.candidates);
  await db.transaction(async (tx) => {
    const run = (statement: string) => tx.execute(sql.raw(statement));
    // A second post type, so that 150 000 applications fit 100 000 people (one per post type).
    await run(`insert into post_types (label, rank) values ('AESH EN PAS', 2) on conflict (label) do nothing`);
    await run(`
      insert into attachment_types (post_type_id, label, required, rank)
      select id, 'Pièce d''identité', true, 1 from post_types where label = 'AESH EN PAS'
      on conflict (post_type_id, label) do nothing`);
    await run(`
      create temporary table bench_names on commit drop as
      select array['Camille','Léa','Chloé','Manon','Inès','Hélène','Zoé','Maëlys','Sarah','Nadia','Claire','Aurélie','Sophie','Élodie','Julie','Marie','Fatima','Océane','Lucas','Hugo','Noé','Benoît','Thomas','Karim','Jérôme','Nicolas','Dominique','Alix','Loïc','François'] as firsts,
             array['Martin','Bernard','Dubois','Lefèvre','Leroy','Moreau','Lemaire','Dupont','Delattre','Vandenbussche','Lefebvre','Duhamel','Carpentier','Dufour','Mercier','Benali','Durand','Fontaine','Deschamps','Caron','Lecomte','Bouchez','Dhainaut','Wattel','Delannoy','Boulanger','Hérault','Lemoine','Van de Walle','Debève','Dupré','Ménard','Leclercq','Bauduin','Vasseur','Desmet','Verhaeghe','Lambin','Pruvost','Cuvelier'] as lasts`);
    await run(`
      insert into users (id, identifier, email, email_verified_at, password_hash, role, civility, first_name, birth_name, birth_date, birth_place, nationality, phone, created_at)
      select ${uuid("'bench-user-' || i")},
             'candidat.' || i || '@exemple.fr', 'candidat.' || i || '@exemple.fr', now(), 'bench:not-a-hash', 'candidate',
             case when ${pick("i::text", "civ", 10)} < 8 then 'madame'::civility else 'monsieur'::civility end,
             firsts[1 + ${pick("i::text", "first", 30)}], lasts[1 + ${pick("i::text", "last", 40)}],
             date '1965-01-01' + ${pick("i::text", "birth", 14600)}, 'Lille', 'FR',
             '06' || lpad((${pick("i::text", "phone", 100000000)})::text, 8, '0'),
             now() - make_interval(days => ${pick("i::text", "created", 240)})
      from generate_series(1, ${scale.candidates}) i, bench_names`);
    // One application per candidate for the first post type, and a second one for some.
    await run(`
      insert into applications (id, user_id, post_type_id, status, rqth, submitted_at, valid_until, university, curriculum, level, ine, created_at)
      select ${uuid("'bench-application-' || n")}, ${uuid("'bench-user-' || u")}, pt.id,
             (array['submitted','submitted','submitted','submitted','submitted','submitted','in_review','in_review','recruited','rejected','rejected','withdrawn'])[1 + ${pick("n::text", "status", 12)}]::application_status,
             (array['yes','no','no','no','pending','undisclosed'])[1 + ${pick("n::text", "rqth", 6)}]::rqth_status,
             now() - make_interval(days => ${pick("n::text", "submitted", 240)}, hours => ${pick("n::text", "hour", 24)}),
             (now() - make_interval(days => ${pick("n::text", "submitted", 240)}))::date + interval '6 months',
             case when ${pick("n::text", "uni", 4)} = 0 then 'Université de Lille' end,
             case when ${pick("n::text", "uni", 4)} = 0 then 'MEEF' end,
             case when ${pick("n::text", "uni", 4)} = 0 then 'Master 1re année (M1)' end,
             case when ${pick("n::text", "ine", 5)} = 0 then lpad(n::text, 10, '0') || 'L' end,
             now() - make_interval(days => ${pick("n::text", "submitted", 240)})
      from (
        select i as n, i as u, 1 as kind from generate_series(1, ${scale.candidates}) i
        union all
        select ${scale.candidates} + i, i * 2 - 1, 2 from generate_series(1, ${second}) i
      ) s
      join post_types pt on pt.label = case when s.kind = 1 then 'AESH EN PIAL INTER-DEGRE' else 'AESH EN PAS' end`);
    // 1–3 zone wishes; first wishes lean towards the first bassins (Lille, Douai, Cambrai…).
    await run(`
      create temporary table bench_zones on commit drop as select id, row_number() over (order by rank, label) - 1 as k, count(*) over () as total from zones`);
    await run(`
      insert into application_zones (application_id, zone_id, rank)
      select a.id, z.id, r.rank
      from applications a
      cross join lateral (select generate_series(1, 1 + ${pick("a.id::text", "nzones", 3)}) as rank) r
      join bench_zones z on z.k = ((least(${pick("a.id::text", "zone1", 16)}, ${pick("a.id::text", "zone1b", 16)}) + (r.rank - 1) * 5) % z.total)`);
    await run(`
      insert into application_working_times (application_id, working_time_id, rank)
      select a.id, w.id, r.rank
      from applications a
      cross join lateral (select generate_series(1, 1 + ${pick("a.id::text", "ntimes", 2)}) as rank) r
      join (select id, row_number() over (order by rank) - 1 as k, count(*) over () as total from working_times) w
        on w.k = ((${pick("a.id::text", "time1", 3)} + r.rank - 1) % w.total)`);
    await run(`
      insert into application_teaching_types (application_id, teaching_type_id, rank)
      select a.id, (select id from teaching_types order by rank limit 1), r.rank
      from applications a cross join lateral (select generate_series(1, 1 + ${pick("a.id::text", "nteach", 2)}) as rank) r
      where ${pick("a.id::text", "teach", 10)} > 0`);
    // The identity document for three applications in four.
    await run(`
      insert into files (id, user_id, purpose, storage_key, original_name, size, content_type, status, confirmed_at)
      select ${uuid("'bench-file-' || a.id")}, a.user_id, 'application_attachment', 'pieces-jointes/' || md5('bench-file-' || a.id) || '.pdf',
             'piece-identite.pdf', 180000 + ${pick("a.id::text", "size", 400000)}, 'application/pdf', 'ready', a.submitted_at
      from applications a where ${pick("a.id::text", "file", 4)} > 0`);
    await run(`
      insert into application_attachments (application_id, attachment_type_id, file_id)
      select a.id, t.id, ${uuid("'bench-file-' || a.id")}
      from applications a join attachment_types t on t.post_type_id = a.post_type_id and t.label = 'Pièce d''identité'
      where ${pick("a.id::text", "file", 4)} > 0`);
    await run(`
      insert into files (id, user_id, purpose, storage_key, original_name, size, content_type, status, confirmed_at)
      select ${uuid("'bench-diploma-file-' || i")}, ${uuid(`'bench-user-' || (1 + (i - 1) % ${scale.candidates})`)}, 'diploma',
             'diplomes/' || md5('bench-diploma-file-' || i) || '.pdf', 'diplome.pdf', 250000, 'application/pdf', 'ready', now()
      from generate_series(1, ${scale.diplomas}) i`);
    await run(`
      insert into diplomas (user_id, label, diploma_type_id, obtained_on, institution, country, city, file_id)
      select ${uuid(`'bench-user-' || (1 + (i - 1) % ${scale.candidates})`)}, dt.label, dt.id, date '2000-07-01' + ${pick("i::text", "obtained", 8000)},
             'Lycée Pasteur', 'FR', 'Lille', ${uuid("'bench-diploma-file-' || i")}
      from generate_series(1, ${scale.diplomas}) i
      join (select id, label, row_number() over (order by rank, label) - 1 as k, count(*) over () as total from diploma_types) dt
        on dt.k = ${pick("i::text", "dtype", 10)} % dt.total`);
    // A conversation on one application in twenty, an unread answer on one in sixty.
    await run(`
      insert into application_messages (application_id, from_staff, body, created_at, read_at)
      select a.id, true, 'Bonjour, pouvez-vous déposer de nouveau votre pièce d''identité ?', a.submitted_at + interval '1 day', a.submitted_at + interval '2 days'
      from applications a where ${pick("a.id::text", "msg", 20)} = 0`);
    await run(`
      insert into application_messages (application_id, from_staff, body, created_at)
      select a.id, false, 'Bonjour, c''est fait.', a.submitted_at + interval '3 days'
      from applications a where ${pick("a.id::text", "msg", 20)} = 0 and ${pick("a.id::text", "answer", 3)} = 0`);
    // applications.complete as the app keeps it: missingItems, through refreshCompleteness.
    // Statistics first: the read model's correlated subqueries would otherwise be planned on
    // empty tables (sequential scans per application, minutes instead of seconds).
    await tx.execute(sql`analyze`);
    const ids = (await tx.select({ id: applications.id }).from(applications)).map((row) => row.id);
    for (let start = 0; start < ids.length; start += 2000) await refreshCompleteness(tx, ids.slice(start, start + 2000));
  });
  // As autovacuum leaves a table some time after bulk inserts (and the completeness update of
  // every row): dead rows gone, statistics fresh, and the visibility map set. Without the map,
  // PostgreSQL prices an index-only scan as a heap read per row, and a name search counted its
  // applications by a sequential scan of all 150 000 (EXPLAIN in the README).
  await db.execute(sql`vacuum analyze`);
}
