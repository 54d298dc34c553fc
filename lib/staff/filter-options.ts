import "server-only";
import { asc } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { postTypes, teachingTypes, workingTimes, zones } from "../db/schema";

/**
 * The lists the staff filters offer: every reference row, retired ones included (existing
 * applications still hold them), marked as such.
 */
export async function loadFilterOptions(db: Queryable) {
  const label = (row: { label: string; active: boolean }) => (row.active ? row.label : `${row.label} (retiré)`);
  const [posts, zoneRows, times, teaching] = await Promise.all([
    db.select({ id: postTypes.id, label: postTypes.label, active: postTypes.active }).from(postTypes).orderBy(asc(postTypes.rank), asc(postTypes.label)),
    db.select({ id: zones.id, label: zones.label, active: zones.active }).from(zones).orderBy(asc(zones.rank), asc(zones.label)),
    db.select({ id: workingTimes.id, label: workingTimes.label, active: workingTimes.active }).from(workingTimes).orderBy(asc(workingTimes.rank), asc(workingTimes.label)),
    db.select({ id: teachingTypes.id, label: teachingTypes.label, active: teachingTypes.active }).from(teachingTypes).orderBy(asc(teachingTypes.rank), asc(teachingTypes.label)),
  ]);
  const options = (rows: { id: string; label: string; active: boolean }[]) => rows.map((row) => ({ value: row.id, label: label(row) }));
  return { postTypes: options(posts), zones: options(zoneRows), workingTimes: options(times), teachingTypes: options(teaching) };
}
