import "server-only";
import { and, asc, count, eq, gt, inArray, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { refreshCompleteness } from "../applications/commands";
import { recordAudit } from "../audit/audit";
import { getDb, type Database, type Queryable } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import {
  applicationAttachments,
  applications,
  applicationTeachingTypes,
  applicationWorkingTimes,
  applicationZones,
  attachmentTypes,
  diplomas,
  diplomaTypes,
  postTypes,
  teachingTypes,
  workingTimes,
  zones,
} from "../db/schema";
import { assertAdmin, staffActor, type StaffMember } from "../staff/access";
import { fieldErrors, isUuid } from "../validation";
import { referentialCatalog, type ReferentialKind } from "./catalog";
import { parseZonesCsv, type ZoneLine } from "./zones-csv";

/**
 * Writing the reference lists: create, edit, reorder, deactivate (an entry in use is never
 * deleted: candidates stop seeing it for new choices, existing applications keep it). What
 * changes completeness (a post type's required sections, a required attachment type) makes
 * every application of that post type recompute it.
 */

type Table = PgTable & { id: PgColumn; label: PgColumn; rank: PgColumn; active: PgColumn };

const tables: Record<ReferentialKind, Table> = {
  postes: postTypes,
  zones,
  quotites: workingTimes,
  enseignements: teachingTypes,
  diplomes: diplomaTypes,
  pieces: attachmentTypes,
};

/** How many records hold each entry (shown to the admin; an entry in use is only deactivated). */
const usages: Record<ReferentialKind, { table: PgTable; column: PgColumn }> = {
  postes: { table: applications, column: applications.postTypeId },
  zones: { table: applicationZones, column: applicationZones.zoneId },
  quotites: { table: applicationWorkingTimes, column: applicationWorkingTimes.workingTimeId },
  enseignements: { table: applicationTeachingTypes, column: applicationTeachingTypes.teachingTypeId },
  diplomes: { table: diplomas, column: diplomas.diplomaTypeId },
  pieces: { table: applicationAttachments, column: applicationAttachments.attachmentTypeId },
};

export type ReferentialEntry = { id: string; label: string; rank: number; active: boolean; usage: number; values: Record<string, string | boolean> };

function formValues(kind: ReferentialKind, row: Record<string, unknown>): Record<string, string | boolean> {
  return Object.fromEntries(
    referentialCatalog[kind].fields.map((field) => {
      const value = row[field.name];
      return [field.name, field.input === "checkbox" ? Boolean(value) : value === null || value === undefined ? "" : String(value)];
    }),
  );
}

/** An attachment type is ordered among its post type's; every other list on its own. */
function scopeOf(kind: ReferentialKind, row: Record<string, unknown>) {
  return kind === "pieces" ? eq(attachmentTypes.postTypeId, String(row.postTypeId)) : undefined;
}

export async function listReferential(db: Queryable, admin: StaffMember, kind: ReferentialKind): Promise<ReferentialEntry[]> {
  assertAdmin(admin);
  const table = tables[kind];
  const rows = (await db.select().from(table).orderBy(...(kind === "pieces" ? [asc(attachmentTypes.postTypeId)] : []), asc(table.rank), asc(table.label))) as Record<string, unknown>[];
  const usage = usages[kind];
  const counts = rows.length
    ? await db
        .select({ id: usage.column, n: count() })
        .from(usage.table)
        .where(inArray(usage.column, rows.map((row) => String(row.id))))
        .groupBy(usage.column)
    : [];
  return rows.map((row) => ({
    id: String(row.id),
    label: String(row.label),
    rank: Number(row.rank),
    active: Boolean(row.active),
    usage: Number(counts.find((item) => item.id === row.id)?.n ?? 0),
    values: formValues(kind, row),
  }));
}

export async function findReferentialEntry(db: Queryable, admin: StaffMember, kind: ReferentialKind, id: string): Promise<ReferentialEntry | null> {
  assertAdmin(admin);
  if (!isUuid(id)) return null;
  return (await listReferential(db, admin, kind)).find((entry) => entry.id === id) ?? null;
}

export type ReferentialResult = { ok: true; id: string } | { ok: false; errors: Partial<Record<string, string>> } | { ok: false; notFound: true };

const duplicate = (kind: ReferentialKind) =>
  kind === "zones" ? { code: "Une zone a déjà ce code ou ce libellé." } : { label: `Un(e) ${referentialCatalog[kind].singular} porte déjà ce libellé.` };

/** The post types whose applications must recompute completeness after this change. */
function affectedPostTypes(kind: ReferentialKind, row: Record<string, unknown>): string[] {
  if (kind === "postes") return [String(row.id)];
  if (kind === "pieces") return [String(row.postTypeId)];
  return [];
}

/**
 * Recomputes `applications.complete` for every application of these post types, by batches,
 * each in its own transaction (an académie has 150 000 applications: not one request's work).
 */
export async function refreshCompletenessOfPostTypes(db: Database, postTypeIds: string[]): Promise<number> {
  let done = 0;
  for (const postTypeId of postTypeIds) {
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const batch = await db
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.postTypeId, postTypeId), gt(applications.id, after)))
        .orderBy(asc(applications.id))
        .limit(2000);
      if (batch.length === 0) break;
      await db.transaction((tx) => refreshCompleteness(tx, batch.map((row) => row.id)));
      done += batch.length;
      after = batch[batch.length - 1]!.id;
      if (batch.length < 2000) break;
    }
  }
  return done;
}

export async function saveReferentialEntry(
  admin: StaffMember,
  kind: ReferentialKind,
  id: string | null,
  raw: Record<string, unknown>,
): Promise<ReferentialResult & { refresh?: string[] }> {
  assertAdmin(admin);
  if (id !== null && !isUuid(id)) return { ok: false, notFound: true };
  const parsed = referentialCatalog[kind].schema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const table = tables[kind];
  const values = parsed.data as Record<string, unknown>;
  try {
    return await getDb().transaction(async (tx) => {
      if (kind === "pieces") {
        const [postType] = await tx.select({ id: postTypes.id }).from(postTypes).where(eq(postTypes.id, String(values.postTypeId)));
        if (!postType) return { ok: false as const, errors: { postTypeId: "Choisissez le poste dans la liste." } };
      }
      let before: Record<string, unknown> | undefined;
      let savedId: string;
      if (id) {
        [before] = (await tx.select().from(table).where(eq(table.id, id)).for("update")) as Record<string, unknown>[];
        if (!before) return { ok: false as const, notFound: true as const };
        // An attachment type stays with its post type (its files were given for that post).
        if (kind === "pieces") values.postTypeId = before.postTypeId;
        await tx.update(table).set({ ...values, updatedAt: new Date() } as never).where(eq(table.id, id));
        savedId = id;
      } else {
        const siblings = (await tx.select({ rank: table.rank }).from(table).where(kind === "pieces" ? eq(attachmentTypes.postTypeId, String(values.postTypeId)) : undefined)) as { rank: number }[];
        const rank = Math.max(0, ...siblings.map((row) => row.rank)) + 1;
        const [created] = (await tx.insert(table).values({ ...values, rank } as never).returning({ id: table.id })) as { id: string }[];
        savedId = created!.id;
      }
      await recordAudit(tx, {
        actor: staffActor(admin),
        action: id ? "referential.updated" : "referential.created",
        entityType: kind,
        entityId: savedId,
        details: { before: before ? formValues(kind, before) : null, after: formValues(kind, values) },
      });
      return { ok: true as const, id: savedId, refresh: affectedPostTypes(kind, { ...values, id: savedId }) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: duplicate(kind) };
    throw error;
  }
}

/** "Désactiver" / "Réactiver": never a deletion, whatever uses the entry. */
export async function setReferentialActive(admin: StaffMember, kind: ReferentialKind, id: string, active: boolean): Promise<ReferentialResult & { refresh?: string[] }> {
  assertAdmin(admin);
  if (!isUuid(id)) return { ok: false, notFound: true };
  const table = tables[kind];
  return getDb().transaction(async (tx) => {
    const [row] = (await tx.select().from(table).where(eq(table.id, id)).for("update")) as Record<string, unknown>[];
    if (!row) return { ok: false as const, notFound: true as const };
    await tx.update(table).set({ active, updatedAt: new Date() } as never).where(eq(table.id, id));
    await recordAudit(tx, { actor: staffActor(admin), action: active ? "referential.reactivated" : "referential.deactivated", entityType: kind, entityId: id, details: { label: row.label } });
    return { ok: true as const, id, refresh: affectedPostTypes(kind, row) };
  });
}

/** "Monter" / "Descendre": swaps with the neighbour and renumbers the list 1…n. */
export async function moveReferentialEntry(admin: StaffMember, kind: ReferentialKind, id: string, direction: -1 | 1): Promise<ReferentialResult> {
  assertAdmin(admin);
  if (!isUuid(id)) return { ok: false, notFound: true };
  const table = tables[kind];
  return getDb().transaction(async (tx) => {
    const [row] = (await tx.select().from(table).where(eq(table.id, id))) as Record<string, unknown>[];
    if (!row) return { ok: false as const, notFound: true as const };
    const siblings = (await tx.select({ id: table.id }).from(table).where(scopeOf(kind, row)).orderBy(asc(table.rank), asc(table.label)).for("update")) as { id: string }[];
    const order = siblings.map((sibling) => sibling.id);
    const index = order.indexOf(id);
    const target = index + direction;
    if (target < 0 || target >= order.length) return { ok: true as const, id };
    [order[index], order[target]] = [order[target]!, order[index]!];
    for (const [position, entryId] of order.entries()) await tx.update(table).set({ rank: position + 1 } as never).where(eq(table.id, entryId));
    await recordAudit(tx, { actor: staffActor(admin), action: "referential.moved", entityType: kind, entityId: id, details: { label: row.label, position: target + 1 } });
    return { ok: true as const, id };
  });
}

export type ZoneImportLine = ZoneLine & { outcome: "création" | "modification" | "réactivation" | "inchangée" };
export type ZoneImportResult = { ok: boolean; lines: ZoneImportLine[]; errors: { line: number; message: string }[] };

/** Each line of the file against the zones already there, matched by code. */
async function planZonesImport(tx: Queryable, text: string): Promise<ZoneImportResult & { existing: Map<string, { id: string }> }> {
  const { lines, errors } = parseZonesCsv(text);
  const rows = await tx.select({ id: zones.id, code: zones.code, label: zones.label, department: zones.department, active: zones.active }).from(zones);
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const byLabel = new Map(rows.map((row) => [row.label, row]));
  const planned: ZoneImportLine[] = [];
  for (const line of lines) {
    const current = byCode.get(line.code);
    const holder = byLabel.get(line.label);
    if (holder && holder.code !== line.code) {
      errors.push({ line: line.line, message: `Le libellé « ${line.label} » est déjà celui de la zone ${holder.code}.` });
      continue;
    }
    planned.push({
      ...line,
      outcome: !current ? "création" : !current.active ? "réactivation" : current.label === line.label && current.department === line.department ? "inchangée" : "modification",
    });
  }
  errors.sort((a, b) => a.line - b.line);
  return { ok: errors.length === 0, lines: planned, errors, existing: new Map(rows.map((row) => [row.code, { id: row.id }])) };
}

/** "Aperçu": what applying the file would do, line by line; writes nothing. */
export async function previewZonesImport(db: Queryable, admin: StaffMember, text: string): Promise<ZoneImportResult> {
  assertAdmin(admin);
  const { existing: _, ...plan } = await planZonesImport(db, text);
  return plan;
}

/** "Importer": all lines or none, in one transaction, checked again against the table as it is now. */
export async function applyZonesImport(admin: StaffMember, text: string): Promise<ZoneImportResult> {
  assertAdmin(admin);
  try {
    return await getDb().transaction(async (tx) => {
      // One import at a time, and no form saving a zone between the check and the writes.
      await tx.execute(sql`lock table ${zones} in share row exclusive mode`);
      const { existing, ...plan } = await planZonesImport(tx, text);
      if (!plan.ok) return plan;
      const [last] = await tx.select({ rank: sql<number>`coalesce(max(${zones.rank}), 0)` }).from(zones);
      let rank = Number(last?.rank ?? 0);
      for (const line of plan.lines) {
        const current = existing.get(line.code);
        if (current && line.outcome !== "inchangée") {
          await tx.update(zones).set({ label: line.label, department: line.department, active: true, updatedAt: new Date() }).where(eq(zones.id, current.id));
        } else if (!current) {
          await tx.insert(zones).values({ code: line.code, label: line.label, department: line.department, rank: ++rank });
        }
      }
      const tally = (outcome: ZoneImportLine["outcome"]) => plan.lines.filter((line) => line.outcome === outcome).length;
      await recordAudit(tx, {
        actor: staffActor(admin),
        action: "referential.zones_imported",
        entityType: "zones",
        entityId: null,
        details: { created: tally("création"), updated: tally("modification"), reactivated: tally("réactivation"), unchanged: tally("inchangée") },
      });
      return plan;
    });
  } catch (error) {
    // Two labels swapped between codes in one file meet the unique index mid-way: nothing was written.
    if (isUniqueViolation(error)) return { ok: false, lines: [], errors: [{ line: 1, message: "Deux zones échangeraient leurs libellés : importez en deux fois (d'abord des libellés provisoires)." }] };
    throw error;
  }
}
