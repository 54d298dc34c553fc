import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable, Transaction } from "../db/client";
import { inUuids } from "../db/conditions";
import { applicationTeachingTypes, applicationWorkingTimes, applicationZones, teachingTypes, workingTimes, zones } from "../db/schema";

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

/** Each application's choices, in rank order, with the reference labels. */
export async function loadChoices(db: Queryable, applicationIds: string[]): Promise<Map<string, Choices>> {
  const byApplication = new Map<string, Choices>(applicationIds.map((id) => [id, { teachingTypes: [], zones: [], workingTimes: [] }]));
  if (applicationIds.length === 0) return byApplication;
  const rows = await Promise.all(
    choiceKinds.map((kind) => {
      const { links, chosen, reference } = choiceTables[kind];
      return db
        .select({ applicationId: links.applicationId, rank: links.rank, id: reference.id, label: reference.label })
        .from(links)
        .innerJoin(reference, eq(reference.id, chosen))
        .where(inUuids(links.applicationId, applicationIds))
        .orderBy(asc(links.applicationId), asc(links.rank));
    }),
  );
  choiceKinds.forEach((kind, index) => {
    for (const { applicationId, ...option } of rows[index]!) byApplication.get(applicationId)?.[kind].push(option);
  });
  return byApplication;
}

/**
 * For a query over many applications (the streamed exports): each application's chosen ids of
 * a kind with their ranks (`application_id`, `ids`, `ranks`), for those `among` selects (all
 * when undefined). One pass over the link table, not one subquery per application.
 */
export function rankedChoiceIds(kind: ChoiceKind, among?: SQL): SQL {
  const { links, chosen } = choiceTables[kind];
  return sql`select ${links.applicationId} as application_id, array_agg(${chosen}) as ids, array_agg(${links.rank}) as ranks from ${links}${
    among ? sql` where ${links.applicationId} in (${among})` : sql``
  } group by ${links.applicationId}`;
}

/** Every label of each kind's reference table, retired rows included (an application may keep one). */
export async function loadChoiceLabels(db: Queryable): Promise<Record<ChoiceKind, Map<string, string>>> {
  const rows = await Promise.all(choiceKinds.map((kind) => db.select({ id: choiceTables[kind].reference.id, label: choiceTables[kind].reference.label }).from(choiceTables[kind].reference)));
  return Object.fromEntries(choiceKinds.map((kind, index) => [kind, new Map(rows[index]!.map((row) => [row.id, row.label]))])) as Record<ChoiceKind, Map<string, string>>;
}

/** Ids and ranks (from `rankedChoiceIds`) as options in rank order, with their labels. */
export function rankedOptions(ids: readonly string[] | null, ranks: readonly number[] | null, labels: Map<string, string>): RankedOption[] {
  return (ids ?? []).map((id, index) => ({ id, label: labels.get(id) ?? "", rank: ranks![index]! })).sort((a, b) => a.rank - b.rank);
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
