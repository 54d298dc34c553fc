import { z } from "zod";

/** Shared input checks. Pure: usable in server actions, lib code and tests. */

/** A record id as it arrives from a form, a URL or a bound action argument. */
export const idSchema = z.uuid();

/** Ids that are not uuids can never match a row: answer "not found" without asking PostgreSQL. */
export const isUuid = (value: unknown): value is string => idSchema.safeParse(value).success;

/** A zod failure as one French message per form field (the first one), keyed by field name. */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}
