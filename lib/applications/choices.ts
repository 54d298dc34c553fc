import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable, Transaction } from "../db/client";
import { inUuids, qualified } from "../db/conditions";
import { applications, applicationTeachingTypes, applicationWorkingTimes, applicationZones, teachingTypes, workingTimes, zones } from "../db/schema";

/**
 * The ranked choices of an application, from one definition: "Type d'enseignement" (choix 1
 * and 2), "Zones géographiques souhaitées" and "Quotités souhaitées". Each is a link table
 * (application, reference row, rank 1…n) to a reference table with a label and an `active`
 * flag. Reading, checking and writing them is the same code for the three.
 */
type Link = { applicationId: string; id: string; rank: number };

const choiceTables = {
  teachingTypes: {
    links: applicationTeachingTypes,
    chosen: applicationTeachingTypes.teachingTypeId,
    reference: teachingTypes,
    insert: (tx: Transaction, rows: Link[]) => tx.insert(applicationTeachingTypes).values(rows.map(({ id, ...row }) => ({ ...row, teachingTypeId: id }))),
  },
  zones: {
    links: applicationZones,
    chosen: applicationZones.zoneId,
    reference: zones,
    insert: (tx: Transaction, rows: Link[]) => tx.insert(applicationZones).values(rows.map(({ id, ...row }) => ({ ...row, zoneId: id }))),
  },
  workingTimes: {
    links: applicationWorkingTimes,
    chosen: applicationWorkingTimes.workingTimeId,
    reference: workingTimes,
    insert: (tx: Transaction, rows: Link[]) => tx.insert(applicationWorkingTimes).values(rows.map(({ id, ...row }) => ({ ...row, workingTimeId: id }))),
  },
} as const;

export type ChoiceKind = keyof typeof choiceTables;
export const choiceKinds = Object.keys(choiceTables) as ChoiceKind[];

export type RankedOption = { id: string; label: string; rank: number };
export type Choices = Record<ChoiceKind, RankedOption[]>;
export type ChosenIds = Record<ChoiceKind, string[]>;

/**
 * For a query over `applications`: the application's choices of a kind, in rank order, with
 * their labels, as one JSON column (a correlated subquery on the link table's primary key).
 */
export function rankedChoicesJson(kind: ChoiceKind): SQL<RankedOption[]> {
  const { links, chosen, reference } = choiceTables[kind];
  const [id, label, rank] = [qualified(reference.id), qualified(reference.label), qualified(links.rank)];
  return sql<RankedOption[]>`coalesce((select json_agg(json_build_object('id', ${id}, 'label', ${label}, 'rank', ${rank}) order by ${rank}) from ${links} join ${reference} on ${id} = ${qualified(chosen)} where ${qualified(links.applicationId)} = ${qualified(applications.id)}), '[]'::json)`;
}

/** Each application's choices, in rank order, with the reference labels: one statement. */
export async function loadChoices(db: Queryable, applicationIds: string[]): Promise<Map<string, Choices>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .select({ id: applications.id, teachingTypes: rankedChoicesJson("teachingTypes"), zones: rankedChoicesJson("zones"), workingTimes: rankedChoicesJson("workingTimes") })
    .from(applications)
    .where(inUuids(applications.id, applicationIds));
  return new Map(rows.map(({ id, ...chosen }) => [id, chosen]));
}

/**
 * For a query over many applications (the streamed exports): each application's chosen ids of
 * a kind and their ranks as comma-separated text, in the same order (`application_id`, `ids`,
 * `ranks`), for those `among` selects (all when undefined). One pass over the link table, not
 * one subquery per application. Text, because the driver spent a third more time parsing
 * arrays than splitting strings costs; unordered, because ordering each application's two
 * or three choices in PostgreSQL took longer than sorting them here (`rankedOptions`).
 */
export function rankedChoiceIds(kind: ChoiceKind, among?: SQL): SQL {
  const { links, chosen } = choiceTables[kind];
  return sql`select ${links.applicationId} as application_id, string_agg(${chosen}::text, ',') as ids, string_agg(${links.rank}::text, ',') as ranks from ${links}${
    among ? sql` where ${links.applicationId} in (${among})` : sql``
  } group by ${links.applicationId}`;
}

/** Every label of each kind's reference table, retired rows included (an application may keep one). */
export async function loadChoiceLabels(db: Queryable): Promise<Record<ChoiceKind, Map<string, string>>> {
  const rows = await Promise.all(choiceKinds.map((kind) => db.select({ id: choiceTables[kind].reference.id, label: choiceTables[kind].reference.label }).from(choiceTables[kind].reference)));
  return Object.fromEntries(choiceKinds.map((kind, index) => [kind, new Map(rows[index]!.map((row) => [row.id, row.label]))])) as Record<ChoiceKind, Map<string, string>>;
}

/** Ids and ranks (from `rankedChoiceIds`) as options in rank order, with their labels. */
export function rankedOptions(ids: string | null, ranks: string | null, labels: Map<string, string>): RankedOption[] {
  if (!ids) return [];
  const rankList = ranks!.split(",");
  return ids
    .split(",")
    .map((id, index) => ({ id, label: labels.get(id) ?? "", rank: Number(rankList[index]) }))
    .sort((a, b) => a.rank - b.rank);
}

/**
 * Whether each chosen id is offered: an active reference row, or one this application already
 * had (an admin may retire a zone; those who chose it keep it).
 */
export async function unofferedChoices(tx: Queryable, chosenIds: ChosenIds, applicationId?: string): Promise<ChoiceKind[]> {
  const refused: ChoiceKind[] = [];
  for (const kind of choiceKinds) {
    const ids = chosenIds[kind];
    if (ids.length === 0) continue;
    const { links, chosen, reference } = choiceTables[kind];
    const [rows, previous] = await Promise.all([
      tx.select({ id: reference.id, active: reference.active }).from(reference).where(inArray(reference.id, ids)),
      applicationId
        ? tx.select({ id: chosen }).from(links).where(and(eq(links.applicationId, applicationId), inArray(chosen, ids)))
        : Promise.resolve([] as { id: string }[]),
    ]);
    const kept = new Set(previous.map((row) => row.id));
    if (!ids.every((id) => rows.some((row) => row.id === id && (row.active || kept.has(id))))) refused.push(kind);
  }
  return refused;
}

/** Replaces an application's choices, ranked in the given order. */
export async function writeChoices(tx: Transaction, applicationId: string, chosenIds: ChosenIds): Promise<void> {
  for (const kind of choiceKinds) {
    const { links, insert } = choiceTables[kind];
    await tx.delete(links).where(eq(links.applicationId, applicationId));
    const ids = chosenIds[kind];
    if (ids.length) await insert(tx, ids.map((id, index) => ({ applicationId, id, rank: index + 1 })));
  }
}
