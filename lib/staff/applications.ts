import "server-only";
import { and, asc, count, desc, eq, exists, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { displayName } from "../accounts/personal-details";
import { loadChoices } from "../applications/choices";
import type { ApplicationStatus } from "../applications/status";
import type { Queryable } from "../db/client";
import { inUuids } from "../db/conditions";
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
  // % and _ are what the person typed, not LIKE's wildcards.
  return and(...words.map((word) => sql`${users.searchText} like '%' || aesh_fold(${word.replace(/[\\%_]/g, "\\$&")}) || '%'`))!;
}

/**
 * The people found first (trigram index), then their applications by `user_id` (index): an
 * array rather than `in (select …)`, which PostgreSQL turned into a hash join over a scan of
 * every application — parallel under load — for a name matching 2.5 % of the académie. On
 * 150 000 applications: « dupré » counted in 12 ms (19–40 before), the heaviest filters 25 ms
 * and their page of 50 23 ms (36 and 44 before). A search matching everyone (« e ») costs
 * more this way (160 ms against 100), the price of never scanning the table for a name.
 */
function searchCondition(query: string): SQL {
  const ine = asIne(query);
  const byPerson = sql`${applications.userId} = any(array(select ${users.id} from ${users} where ${personSearch(query)}))`;
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

/** The column a list is ordered by (each has an index `(key, id)`), and in which direction. */
function sortColumns(sort: SortKey) {
  const descending = sort.startsWith("-");
  const key = sort.endsWith("nom") ? applications.candidateSortName : sort.endsWith("validite") ? applications.validUntil : applications.submittedAt;
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

/** How many applications a list shows (the person table is reached through the search's subquery only). */
async function countOf(db: Queryable, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ total: count() }).from(applications).where(where);
  return row?.total ?? 0;
}

/** One page of the filtered list, with the total count. */
export async function listApplications(
  db: Queryable,
  staff: StaffMember,
  filters: ApplicationFilters,
): Promise<{ total: number; rows: ApplicationListRow[]; page: number; pages: number }> {
  assertStaff(staff);
  const where = filteredApplications(staff, filters);
  const pageOf = (page: number) =>
    db
      .select({ id: applications.id, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(applications)
      .where(where)
      .orderBy(...orderBy(filters.sort))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
  const idsOf = async (page: number) =>
    (
      await db
        .select({ id: applications.id })
        .from(applications)
        .where(where)
        .orderBy(...orderBy(filters.sort))
        .limit(pageSize)
        .offset((page - 1) * pageSize)
    ).map((row) => row.id);
  /**
   * A search reads and sorts every application it finds before the first row: the total is
   * counted over that same set (`count(*) over ()`), half the work of a second statement
   * (heaviest filters 33 → 17 ms of PostgreSQL). Otherwise the page is an index walk that
   * stops after 50 rows, and the total a statement of its own, both at once.
   */
  async function pageAndTotal(): Promise<[number, string[]]> {
    if (!filters.q) return Promise.all([countOf(db, where), idsOf(filters.page)]);
    const rows = await pageOf(filters.page);
    // Past the end, the page has no row to carry the total.
    return rows.length > 0 ? [rows[0]!.total, rows.map((row) => row.id)] : [await countOf(db, where), []];
  }
  const [total, requested] = await pageAndTotal();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page, pages);
  // A page past the end (a shared link to a list that shrank) shows the last one.
  const pageIds = page === filters.page ? requested : await idsOf(page);
  if (pageIds.length === 0) return { total, page, pages, rows: [] };
  const [base, choices, unread] = await Promise.all([
    db
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
      .where(inUuids(applications.id, pageIds)),
    loadChoices(db, pageIds),
    db
      .select({ applicationId: applicationMessages.applicationId, unread: count() })
      .from(applicationMessages)
      .where(and(inUuids(applicationMessages.applicationId, pageIds), eq(applicationMessages.fromStaff, false), isNull(applicationMessages.readAt)))
      .groupBy(applicationMessages.applicationId),
  ]);
  const byId = new Map(base.map((row) => [row.id, row]));
  return {
    total,
    page,
    pages,
    rows: pageIds.map((id) => {
      const row = byId.get(id)!;
      return {
        id,
        candidate: displayName(row) || row.identifier,
        identifier: row.identifier,
        email: row.email,
        postType: row.postType,
        status: row.status,
        complete: row.complete,
        submittedAt: row.submittedAt,
        validUntil: row.validUntil,
        firstZone: choices.get(id)?.zones[0]?.label ?? null,
        firstWorkingTime: choices.get(id)?.workingTimes[0]?.label ?? null,
        unread: unread.find((item) => item.applicationId === id)?.unread ?? 0,
      };
    }),
  };
}

/** The ids of the filtered list in its order, at most `limit` (bulk actions, exports by batch). */
export async function filteredApplicationIds(db: Queryable, staff: StaffMember, filters: ApplicationFilters, limit: number): Promise<string[]> {
  assertStaff(staff);
  const rows = await db
    .select({ id: applications.id })
    .from(applications)
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
  if (!isUuid(applicationId)) return { previous: null, next: null, position: null, total: 0 };
  const where = filteredApplications(staff, filters);
  const { key, descending } = sortColumns(filters.sort);
  // The candidature's own (key, id), read inside each statement: the three run at once, where
  // reading it first was one more round trip before them.
  const current = db.select({ key, id: applications.id }).from(applications).where(eq(applications.id, applicationId));
  // (key, id) compared as a row, in the list's direction.
  const before = sql`(${key}, ${applications.id}) ${sql.raw(descending ? ">" : "<")} ${current}`;
  const after = sql`(${key}, ${applications.id}) ${sql.raw(descending ? "<" : ">")} ${current}`;
  const step = (condition: SQL, order: SortKey) =>
    db
      .select({ id: applications.id })
      .from(applications)
      .where(and(where, condition))
      .orderBy(...orderBy(order))
      .limit(1);
  // The total, the position and whether the candidature is in the list, in one pass over it.
  const [[previous], [next], [counts]] = await Promise.all([
    step(before, invert(filters.sort)),
    step(after, filters.sort),
    db
      .select({
        total: count(),
        before: sql<number>`count(*) filter (where ${before})`.mapWith(Number),
        inList: sql<boolean>`coalesce(bool_or(${applications.id} = ${applicationId}), false)`,
      })
      .from(applications)
      .where(where),
  ]);
  const total = counts?.total ?? 0;
  if (!counts?.inList) return { previous: null, next: null, position: null, total };
  return { previous: previous?.id ?? null, next: next?.id ?? null, position: counts.before + 1, total };
}

const invert = (sort: SortKey): SortKey => (sort.startsWith("-") ? (sort.slice(1) as SortKey) : (`-${sort}` as SortKey));

/** Counts by status and completeness, for the dashboard and the list's quick filters. */
export async function countsByStatus(db: Queryable, staff: StaffMember) {
  assertStaff(staff);
  return db
    .select({ status: applications.status, complete: applications.complete, n: count() })
    .from(applications)
    .where(applicationPerimeter(staff))
    .groupBy(applications.status, applications.complete);
}

