import "server-only";
import { and, asc, count, desc, eq, exists, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { displayName } from "../accounts/personal-details";
import { loadChoices } from "../applications/choices";
import type { ApplicationStatus } from "../applications/status";
import type { Queryable } from "../db/client";
import {
  applicationMessages,
  applications,
  applicationTeachingTypes,
  applicationWorkingTimes,
  applicationZones,
  postTypes,
  users,
} from "../db/schema";
import { isUuid } from "../validation";
import { applicationPerimeter, assertStaff, type StaffMember } from "./access";
import { asIne, pageSize, type ApplicationFilters, type SortKey } from "./list-filters";

/**
 * The staff list of applications: filters, search, sort and pages over the whole académie,
 * inside the staff member's perimeter. Every condition is an indexed lookup (EXISTS on the
 * wish tables, the trigram index of users.search_text, applications' own columns).
 */

const unreadFromCandidate = (applicationId: SQL | typeof applications.id) =>
  exists(
    sql`(select 1 from ${applicationMessages} where ${applicationMessages.applicationId} = ${applicationId} and ${applicationMessages.fromStaff} = false and ${applicationMessages.readAt} is null)`,
  );

/**
 * Every word typed must appear in the person's names, identifier or email ("hélène dépré",
 * "DUPRE Helene"), folded by PostgreSQL's aesh_fold, the function that fills users.search_text.
 */
export function personSearch(query: string): SQL {
  const words = query.split(/\s+/).filter(Boolean).slice(0, 6);
  return and(...words.map((word) => sql`${users.searchText} like '%' || aesh_fold(${word}) || '%'`))!;
}

function searchCondition(query: string): SQL {
  const ine = asIne(query);
  const byPerson = inArray(applications.userId, sql`(select ${users.id} from ${users} where ${personSearch(query)})`);
  return ine ? or(byPerson, eq(applications.ine, ine))! : byPerson;
}

/** The WHERE of a filtered list, perimeter included. */
export function filteredApplications(staff: StaffMember, filters: ApplicationFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [applicationPerimeter(staff)];
  if (filters.q) conditions.push(searchCondition(filters.q));
  if (filters.postType) conditions.push(eq(applications.postTypeId, filters.postType));
  if (filters.zone) {
    conditions.push(
      exists(
        sql`(select 1 from ${applicationZones} where ${applicationZones.applicationId} = ${applications.id} and ${applicationZones.zoneId} = ${filters.zone}${
          filters.zoneRank === "1" ? sql` and ${applicationZones.rank} = 1` : sql``
        })`,
      ),
    );
  }
  if (filters.workingTime) {
    conditions.push(
      exists(sql`(select 1 from ${applicationWorkingTimes} where ${applicationWorkingTimes.applicationId} = ${applications.id} and ${applicationWorkingTimes.workingTimeId} = ${filters.workingTime})`),
    );
  }
  if (filters.teachingType) {
    conditions.push(
      exists(sql`(select 1 from ${applicationTeachingTypes} where ${applicationTeachingTypes.applicationId} = ${applications.id} and ${applicationTeachingTypes.teachingTypeId} = ${filters.teachingType})`),
    );
  }
  if (filters.status) conditions.push(eq(applications.status, filters.status));
  if (filters.complete !== null) conditions.push(eq(applications.complete, filters.complete));
  // Dates are days in Paris: "from the 1st" includes the whole 1st, "to the 31st" the whole 31st.
  if (filters.submittedFrom) conditions.push(gte(applications.submittedAt, sql`(${filters.submittedFrom}::date)::timestamp at time zone 'Europe/Paris'`));
  if (filters.submittedTo) conditions.push(lt(applications.submittedAt, sql`((${filters.submittedTo}::date + 1)::timestamp at time zone 'Europe/Paris')`));
  if (filters.validBefore) conditions.push(lt(applications.validUntil, filters.validBefore));
  if (filters.unread) conditions.push(unreadFromCandidate(applications.id));
  return and(...conditions);
}

const nameKey = sql`lower(coalesce(nullif(${users.usageName}, ''), ${users.birthName}, ''))`;

function sortColumns(sort: SortKey): { key: SQL | typeof applications.submittedAt | typeof applications.validUntil; descending: boolean } {
  const descending = sort.startsWith("-");
  const key = sort.endsWith("nom") ? nameKey : sort.endsWith("validite") ? applications.validUntil : applications.submittedAt;
  return { key, descending };
}

function orderBy(sort: SortKey) {
  const { key, descending } = sortColumns(sort);
  return descending ? [desc(key), desc(applications.id)] : [asc(key), asc(applications.id)];
}

export type ApplicationListRow = {
  id: string;
  candidate: string;
  identifier: string;
  email: string | null;
  postType: string;
  status: ApplicationStatus;
  complete: boolean;
  submittedAt: Date;
  validUntil: string;
  firstZone: string | null;
  firstWorkingTime: string | null;
  unread: number;
};

/** One page of the filtered list, with the total count. */
export async function listApplications(
  db: Queryable,
  staff: StaffMember,
  filters: ApplicationFilters,
): Promise<{ total: number; rows: ApplicationListRow[]; page: number; pages: number }> {
  assertStaff(staff);
  const where = filteredApplications(staff, filters);
  const [totalRow] = await db.select({ total: count() }).from(applications).innerJoin(users, eq(users.id, applications.userId)).where(where);
  const total = totalRow?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page, pages);
  const base = await db
    .select({
      id: applications.id,
      status: applications.status,
      complete: applications.complete,
      submittedAt: applications.submittedAt,
      validUntil: applications.validUntil,
      postType: postTypes.label,
      identifier: users.identifier,
      email: users.email,
      firstName: users.firstName,
      usageName: users.usageName,
      birthName: users.birthName,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.userId))
    .innerJoin(postTypes, eq(postTypes.id, applications.postTypeId))
    .where(where)
    .orderBy(...orderBy(filters.sort))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const ids = base.map((row) => row.id);
  const [choices, unread] = await Promise.all([
    loadChoices(db, ids),
    ids.length
      ? db
          .select({ applicationId: applicationMessages.applicationId, unread: count() })
          .from(applicationMessages)
          .where(and(inArray(applicationMessages.applicationId, ids), eq(applicationMessages.fromStaff, false), isNull(applicationMessages.readAt)))
          .groupBy(applicationMessages.applicationId)
      : Promise.resolve([]),
  ]);
  return {
    total,
    page,
    pages,
    rows: base.map((row) => ({
      id: row.id,
      candidate: displayName(row) || row.identifier,
      identifier: row.identifier,
      email: row.email,
      postType: row.postType,
      status: row.status,
      complete: row.complete,
      submittedAt: row.submittedAt,
      validUntil: row.validUntil,
      firstZone: choices.get(row.id)?.zones[0]?.label ?? null,
      firstWorkingTime: choices.get(row.id)?.workingTimes[0]?.label ?? null,
      unread: unread.find((item) => item.applicationId === row.id)?.unread ?? 0,
    })),
  };
}

/** The ids of the filtered list in its order, at most `limit` (bulk actions, exports by batch). */
export async function filteredApplicationIds(db: Queryable, staff: StaffMember, filters: ApplicationFilters, limit: number): Promise<string[]> {
  assertStaff(staff);
  const rows = await db
    .select({ id: applications.id })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.userId))
    .where(filteredApplications(staff, filters))
    .orderBy(...orderBy(filters.sort))
    .limit(limit);
  return rows.map((row) => row.id);
}

/** Keeps, of `ids`, those inside the staff member's perimeter (a posted selection is not trusted). */
export async function applicationsInPerimeter(db: Queryable, staff: StaffMember, ids: string[]): Promise<string[]> {
  assertStaff(staff);
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(inArray(applications.id, valid), applicationPerimeter(staff)));
  return rows.map((row) => row.id);
}

/**
 * "Précédente / suivante" in the filtered list, from one candidature: the rows just before and
 * after it in the list's order (null at either end, or when it is not in the list).
 */
export async function neighbours(
  db: Queryable,
  staff: StaffMember,
  filters: ApplicationFilters,
  applicationId: string,
): Promise<{ previous: string | null; next: string | null; position: number | null; total: number }> {
  assertStaff(staff);
  const where = filteredApplications(staff, filters);
  const { key, descending } = sortColumns(filters.sort);
  const [current] = await db
    .select({ key: sql<string>`(${key})::text`, id: applications.id })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.userId))
    .where(and(where, eq(applications.id, applicationId)));
  const [totalRow] = await db.select({ total: count() }).from(applications).innerJoin(users, eq(users.id, applications.userId)).where(where);
  const total = totalRow?.total ?? 0;
  if (!current) return { previous: null, next: null, position: null, total };
  const castKey = typedKey(filters.sort, current.key);
  // (key, id) compared as a row, in the list's direction.
  const before = sql`(${key}, ${applications.id}) ${sql.raw(descending ? ">" : "<")} (${castKey}, ${current.id}::uuid)`;
  const after = sql`(${key}, ${applications.id}) ${sql.raw(descending ? "<" : ">")} (${castKey}, ${current.id}::uuid)`;
  const step = (condition: SQL, reverse: boolean) =>
    db
      .select({ id: applications.id })
      .from(applications)
      .innerJoin(users, eq(users.id, applications.userId))
      .where(and(where, condition))
      .orderBy(...(reverse ? orderBy(invert(filters.sort)) : orderBy(filters.sort)))
      .limit(1);
  const [[previous], [next], [rank]] = await Promise.all([
    step(before, true),
    step(after, false),
    db.select({ n: count() }).from(applications).innerJoin(users, eq(users.id, applications.userId)).where(and(where, before)),
  ]);
  return { previous: previous?.id ?? null, next: next?.id ?? null, position: (rank?.n ?? 0) + 1, total };
}

const invert = (sort: SortKey): SortKey => (sort.startsWith("-") ? (sort.slice(1) as SortKey) : (`-${sort}` as SortKey));

/** The current row's sort value, typed back as its column's type for the row comparison. */
function typedKey(key: SortKey, value: string): SQL {
  if (key.endsWith("depot")) return sql`${value}::timestamptz`;
  if (key.endsWith("validite")) return sql`${value}::date`;
  return sql`${value}::text`;
}

/** Counts by status and completeness, for the dashboard and the list's quick filters. */
export async function countsByStatus(db: Queryable, staff: StaffMember) {
  assertStaff(staff);
  return db
    .select({ status: applications.status, complete: applications.complete, n: count() })
    .from(applications)
    .where(applicationPerimeter(staff))
    .groupBy(applications.status, applications.complete);
}

