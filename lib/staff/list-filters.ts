import { z } from "zod";
import { parseFrenchDate } from "../format/date";

/**
 * The staff list's state as it travels in the URL (filters, search, sort, page), so a list can
 * be bookmarked, shared and walked with "précédente / suivante". Pure: the page, the export,
 * the bulk actions and the tests read it the same way. Unknown or malformed values are
 * dropped, never an error: a shared link from an older version still opens.
 *
 * RQTH is health data: never a filter, never a sort (DESIGN.md).
 */

export const applicationStatuses = ["submitted", "in_review", "recruited", "rejected", "withdrawn"] as const;
export type ListStatus = (typeof applicationStatuses)[number];

export const sortKeys = ["depot", "-depot", "nom", "-nom", "validite", "-validite"] as const;
export type SortKey = (typeof sortKeys)[number];

export const pageSize = 50;

export type ApplicationFilters = {
  q: string | null;
  postType: string | null;
  zone: string | null;
  /** "1": the zone is the first wish; "tous": any wish. */
  zoneRank: "1" | "tous";
  workingTime: string | null;
  teachingType: string | null;
  status: ListStatus | null;
  complete: boolean | null;
  /** ISO dates (the URL carries JJ/MM/AAAA or ISO). */
  submittedFrom: string | null;
  submittedTo: string | null;
  validBefore: string | null;
  unread: boolean;
  sort: SortKey;
  page: number;
};

const uuid = z.uuid();
const id = (value: unknown) => (uuid.safeParse(value).success ? (value as string) : null);
/** A real calendar day, typed JJ/MM/AAAA or carried as ISO ("2025-02-31" is dropped, not sent to PostgreSQL). */
function date(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return parseFrenchDate(iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value);
}
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Next's `searchParams` (or URLSearchParams) → filters. */
export function parseApplicationFilters(input: URLSearchParams | Record<string, string | string[] | undefined>): ApplicationFilters {
  const get = (name: string) => (input instanceof URLSearchParams ? (input.get(name) ?? undefined) : first(input[name]));
  const q = get("q")?.trim().slice(0, 100) ?? "";
  const status = get("statut");
  const sort = get("tri");
  const page = Number.parseInt(get("page") ?? "1", 10);
  return {
    q: q || null,
    postType: id(get("poste")),
    zone: id(get("zone")),
    zoneRank: get("voeu") === "tous" ? "tous" : "1",
    workingTime: id(get("quotite")),
    teachingType: id(get("enseignement")),
    status: applicationStatuses.includes(status as ListStatus) ? (status as ListStatus) : null,
    complete: get("complete") === "oui" ? true : get("complete") === "non" ? false : null,
    submittedFrom: date(get("depuis")),
    submittedTo: date(get("jusqua")),
    validBefore: date(get("valide_avant")),
    unread: get("non_lus") === "1",
    sort: sortKeys.includes(sort as SortKey) ? (sort as SortKey) : "-depot",
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** Filters → the URL's query string (only what differs from the defaults), for links. */
export function applicationFiltersQuery(filters: ApplicationFilters, changes: Partial<ApplicationFilters> = {}): string {
  const next = { ...filters, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.postType) params.set("poste", next.postType);
  if (next.zone) params.set("zone", next.zone);
  if (next.zone && next.zoneRank === "tous") params.set("voeu", "tous");
  if (next.workingTime) params.set("quotite", next.workingTime);
  if (next.teachingType) params.set("enseignement", next.teachingType);
  if (next.status) params.set("statut", next.status);
  if (next.complete !== null) params.set("complete", next.complete ? "oui" : "non");
  if (next.submittedFrom) params.set("depuis", next.submittedFrom);
  if (next.submittedTo) params.set("jusqua", next.submittedTo);
  if (next.validBefore) params.set("valide_avant", next.validBefore);
  if (next.unread) params.set("non_lus", "1");
  if (next.sort !== "-depot") params.set("tri", next.sort);
  if (next.page > 1) params.set("page", String(next.page));
  return params.toString();
}

/** Whether anything narrows the list (the "whole filtered list" bulk actions need a filter). */
export function hasFilter(filters: ApplicationFilters): boolean {
  return Boolean(
    filters.q ||
      filters.postType ||
      filters.zone ||
      filters.workingTime ||
      filters.teachingType ||
      filters.status ||
      filters.complete !== null ||
      filters.submittedFrom ||
      filters.submittedTo ||
      filters.validBefore ||
      filters.unread,
  );
}

/** An INE typed in the search box ("2068113589L", spaces and case forgiven). */
export function asIne(query: string): string | null {
  const compact = query.replace(/\s+/g, "").toUpperCase();
  return /^[0-9A-Z]{11}$/.test(compact) && /\d{9}/.test(compact) ? compact : null;
}
