import "server-only";
import type { Queryable } from "../db/client";
import { settings as settingsTable } from "../db/schema";
import { logger } from "../logger";
import { resolveSettings, type Settings } from "./definitions";

export async function loadSettings(db: Queryable): Promise<Settings> {
  const rows = await db.select({ key: settingsTable.key, value: settingsTable.value }).from(settingsTable);
  const { settings, invalidKeys } = resolveSettings(rows);
  if (invalidKeys.length > 0) logger.warn("settings.invalid_stored_value", { keys: invalidKeys });
  return settings;
}
