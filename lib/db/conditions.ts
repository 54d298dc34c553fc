import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { isUuid } from "../validation";

/**
 * `column = any('{…}'::uuid[])`: one parameter whatever the number of ids. Drizzle's inArray
 * sends one parameter per id; with a thousand ids (an export batch) binding and planning them
 * took three to four times longer than reading the rows.
 */
export function inUuids(column: AnyColumn, ids: readonly string[]): SQL {
  // Only uuids reach the array literal, so no comma or brace can change its meaning.
  const literal = `{${ids.filter(isUuid).join(",")}}`;
  return sql`${column} = any(${literal}::uuid[])`;
}
