import "server-only";
import { and, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import type { Database, Queryable } from "../db/client";
import { auditLog } from "../db/schema";
import { parseFrenchDate } from "../format/date";
import { assertAdmin, type StaffMember } from "./access";
import { pageSize } from "./list-filters";

/**
 * "Journal" (/admin/journal, admins): who did what to which record, when, from where. Read
 * only: the table refuses updates and deletions itself.
 */

export type JournalFilters = { person: string | null; action: string | null; record: string | null; from: string | null; to: string | null; page: number };

const isoOrFrench = (value: string | undefined) => {
  if (!value) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return parseFrenchDate(iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value);
};

export function parseJournalFilters(input: URLSearchParams | Record<string, string | string[] | undefined>): JournalFilters {
  const get = (name: string) => {
    if (input instanceof URLSearchParams) return input.get(name) ?? undefined;
    const value = input[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const text = (name: string) => get(name)?.trim().slice(0, 120) || null;
  const page = Number.parseInt(get("page") ?? "1", 10);
  return {
    person: text("qui"),
    action: text("action"),
    record: text("fiche"),
    from: isoOrFrench(get("depuis")),
    to: isoOrFrench(get("jusqua")),
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

export function journalQuery(filters: JournalFilters, changes: Partial<JournalFilters> = {}): string {
  const next = { ...filters, ...changes };
  const params = new URLSearchParams();
  if (next.person) params.set("qui", next.person);
  if (next.action) params.set("action", next.action);
  if (next.record) params.set("fiche", next.record);
  if (next.from) params.set("depuis", next.from);
  if (next.to) params.set("jusqua", next.to);
  if (next.page > 1) params.set("page", String(next.page));
  return params.toString();
}

const like = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

function where(filters: JournalFilters): SQL | undefined {
  return and(
    filters.person ? or(ilike(auditLog.actorLabel, like(filters.person)), sql`${auditLog.actorId}::text = ${filters.person}`) : undefined,
    filters.action ? ilike(auditLog.action, like(filters.action)) : undefined,
    filters.record ? eq(auditLog.entityId, filters.record) : undefined,
    filters.from ? gte(auditLog.createdAt, sql`(${filters.from}::date)::timestamp at time zone 'Europe/Paris'`) : undefined,
    filters.to ? lt(auditLog.createdAt, sql`((${filters.to}::date + 1)::timestamp at time zone 'Europe/Paris')`) : undefined,
  );
}

const columns = {
  id: auditLog.id,
  at: auditLog.createdAt,
  actor: auditLog.actorLabel,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  details: auditLog.details,
  address: auditLog.address,
};

export async function listJournal(db: Queryable, staff: StaffMember, filters: JournalFilters) {
  assertAdmin(staff);
  const condition = where(filters);
  const [totalRow] = await db.select({ total: count() }).from(auditLog).where(condition);
  const total = totalRow?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page, pages);
  const rows = await db.select(columns).from(auditLog).where(condition).orderBy(desc(auditLog.id)).limit(pageSize).offset((page - 1) * pageSize);
  return { total, page, pages, rows };
}

/** Every entry the filters keep, newest first, by batches (the CSV export). */
export async function* journalBatches(db: Database, staff: StaffMember, filters: JournalFilters, batch = 2000) {
  assertAdmin(staff);
  let before: number | null = null;
  for (;;) {
    const rows = await db
      .select(columns)
      .from(auditLog)
      .where(and(where(filters), before === null ? undefined : lt(auditLog.id, before)))
      .orderBy(desc(auditLog.id))
      .limit(batch);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
    before = rows[rows.length - 1]!.id;
  }
}


