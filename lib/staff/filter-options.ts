import "server-only";
import { asc, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Queryable } from "../db/client";
import { postTypes, teachingTypes, workingTimes, zones } from "../db/schema";

type Kind = "postTypes" | "zones" | "workingTimes" | "teachingTypes";

/**
 * The lists the staff filters offer: every reference row, retired ones included (existing
 * applications still hold them), marked as such. The four tables in one statement (one round
 * trip for every list page, where there were four).
 */
export async function loadFilterOptions(db: Queryable) {
  const rowsOf = (kind: Kind, table: typeof postTypes | typeof zones | typeof workingTimes | typeof teachingTypes) =>
    db.select({ kind: sql<Kind>`${sql.raw(`'${kind}'`)}`.as("kind"), id: table.id, label: table.label, active: table.active, rank: table.rank }).from(table);
  const rows = await unionAll(rowsOf("postTypes", postTypes), rowsOf("zones", zones), rowsOf("workingTimes", workingTimes), rowsOf("teachingTypes", teachingTypes)).orderBy(
    asc(sql`rank`),
    asc(sql`label`),
  );
  const options = (kind: Kind) => rows.filter((row) => row.kind === kind).map((row) => ({ value: row.id, label: row.active ? row.label : `${row.label} (retiré)` }));
  return { postTypes: options("postTypes"), zones: options("zones"), workingTimes: options("workingTimes"), teachingTypes: options("teachingTypes") };
}
