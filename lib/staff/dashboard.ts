import "server-only";
import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { applicationMessages, applications, applicationWorkingTimes, applicationZones, workingTimes, zones } from "../db/schema";
import { deletionCutoff, isoMinusDays } from "../renewals/rules";
import { lastJobRuns } from "../renewals/staff-view";
import { loadSettings } from "../settings/settings";
import { todayIso } from "../format/date";
import { applicationPerimeter, assertStaff, type StaffMember } from "./access";
import { countsByStatus } from "./applications";

/** What the staff dashboard (/admin) shows, inside the staff member's perimeter. */

/** Applications still in play: filed and not decided. */
const alive = inArray(applications.status, ["submitted", "in_review"]);

export type WeekCount = { weekStart: string; count: number };

/** Monday (ISO date) of the week of `iso`. */
export function mondayOf(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return isoMinusDays(iso, (day + 6) % 7);
}

/** 26 weeks ending with the current one, missing weeks at zero. */
export function fillWeeks(rows: { weekStart: string; count: number }[], today: string, weeks = 26): WeekCount[] {
  const last = mondayOf(today);
  return Array.from({ length: weeks }, (_, index) => {
    const weekStart = isoMinusDays(last, (weeks - 1 - index) * 7);
    return { weekStart, count: rows.find((row) => row.weekStart === weekStart)?.count ?? 0 };
  });
}

export async function loadDashboard(db: Queryable, staff: StaffMember, now = new Date()) {
  assertStaff(staff);
  const perimeter = applicationPerimeter(staff);
  const today = todayIso(now);
  const since = isoMinusDays(mondayOf(today), 25 * 7);
  const settings = await loadSettings(db);
  // Notices delivered before this moment reach their deletion date within the coming week.
  const deletionsBefore = deletionCutoff(new Date(now.getTime() + 7 * 24 * 3600 * 1000), settings.graceDays);
  const [statuses, byZone, byWorkingTime, perWeek, awaiting, dueThisWeek, unread, runs] = await Promise.all([
    countsByStatus(db, staff),
    db
      .select({ label: zones.label, count: count() })
      .from(applicationZones)
      .innerJoin(applications, eq(applications.id, applicationZones.applicationId))
      .innerJoin(zones, eq(zones.id, applicationZones.zoneId))
      .where(and(eq(applicationZones.rank, 1), alive, perimeter))
      .groupBy(zones.label, zones.rank)
      .orderBy(asc(zones.rank), asc(zones.label)),
    db
      .select({ label: workingTimes.label, count: count() })
      .from(applicationWorkingTimes)
      .innerJoin(applications, eq(applications.id, applicationWorkingTimes.applicationId))
      .innerJoin(workingTimes, eq(workingTimes.id, applicationWorkingTimes.workingTimeId))
      .where(and(eq(applicationWorkingTimes.rank, 1), alive, perimeter))
      .groupBy(workingTimes.label, workingTimes.rank)
      .orderBy(asc(workingTimes.rank), asc(workingTimes.label)),
    db
      .select({
        weekStart: sql<string>`to_char(date_trunc('week', ${applications.submittedAt} at time zone 'Europe/Paris'), 'YYYY-MM-DD')`,
        count: count(),
      })
      .from(applications)
      .where(and(gte(applications.submittedAt, sql`(${since}::date)::timestamp at time zone 'Europe/Paris'`), perimeter))
      .groupBy(sql`1`),
    db
      .select({ count: count() })
      .from(applications)
      .where(and(eq(applications.status, "submitted"), isNotNull(applications.renewalNoticeSentAt), perimeter)),
    db
      .select({ count: count() })
      .from(applications)
      .where(and(eq(applications.status, "submitted"), lte(applications.renewalNoticeSentAt, deletionsBefore), perimeter)),
    db
      .select({ applications: sql<number>`count(distinct ${applicationMessages.applicationId})::int`, messages: count() })
      .from(applicationMessages)
      .innerJoin(applications, eq(applications.id, applicationMessages.applicationId))
      .where(and(eq(applicationMessages.fromStaff, false), isNull(applicationMessages.readAt), perimeter)),
    lastJobRuns(db, 1),
  ]);
  const statusCount = (status: string, complete?: boolean) =>
    statuses.filter((row) => row.status === status && (complete === undefined || row.complete === complete)).reduce((sum, row) => sum + row.n, 0);
  return {
    total: statuses.reduce((sum, row) => sum + row.n, 0),
    statuses: {
      submittedComplete: statusCount("submitted", true),
      submittedIncomplete: statusCount("submitted", false),
      inReview: statusCount("in_review"),
      recruited: statusCount("recruited"),
      rejected: statusCount("rejected"),
      withdrawn: statusCount("withdrawn"),
    },
    byZone,
    byWorkingTime,
    perWeek: fillWeeks(perWeek, today),
    renewalsAwaiting: awaiting[0]?.count ?? 0,
    deletionsThisWeek: dueThisWeek[0]?.count ?? 0,
    unread: { applications: unread[0]?.applications ?? 0, messages: unread[0]?.messages ?? 0 },
    lastRun: runs[0] ?? null,
  };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
