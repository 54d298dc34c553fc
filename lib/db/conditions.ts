import { getTableName, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { isUuid } from "../validation";

/**
 * `column = any('{…}'::uuid[])`: one parameter whatever the number of ids. Drizzle's inArray
 * sends one parameter per id; with a thousand ids (an export batch) binding and planning them
 * took three to four times longer than reading the rows.
 */
export function inUuids(column: AnyColumn, ids: readonly string[], type: "uuid" | "text" = "uuid"): SQL {
  // Only uuids reach the array literal, so no comma or brace can change its meaning.
  const literal = `{${ids.filter(isUuid).join(",")}}`;
  // A text column holding ids (tokens.subject) compares with a text array.
  return type === "text" ? sql`${column} = any(${literal}::text[])` : sql`${column} = any(${literal}::uuid[])`;
}

/**
 * `"table"."column"`, whatever the query around it. Drizzle leaves the selected columns of a
 * query over one table unqualified, where a correlated subquery (`where link.application_id =
 * applications.id`) would then compare a column with itself.
 */
export function qualified(column: AnyColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
