import "server-only";
import type { Database, Queryable } from "../db/client";
import { settings as settingsTable } from "../db/schema";
import { logger } from "../logger";
import { settingsCacheMs } from "./cache-time";
import { resolveSettings, type Settings } from "./definitions";

export async function loadSettings(db: Queryable): Promise<Settings> {
  const rows = await db.select({ key: settingsTable.key, value: settingsTable.value }).from(settingsTable);
  const { settings, invalidKeys } = resolveSettings(rows);
  if (invalidKeys.length > 0) logger.warn("settings.invalid_stored_value", { keys: invalidKeys });
  return settings;
}

let cached: { at: number; db: Database; value: Promise<Settings> } | null = null;

/**
 * Settings for pages: every page reads them and they change a few times a year, so each
 * process keeps them `settingsCacheMs` (a change made here is forgotten at once, see
 * `forgetCachedSettings`). Writes and transactions read the table itself (`loadSettings`).
 */
export function cachedSettings(db: Database): Promise<Settings> {
  const now = Date.now();
  if (cached && cached.db === db && now - cached.at < settingsCacheMs) return cached.value;
  const value = loadSettings(db);
  const entry = { at: now, db, value };
  cached = entry;
  value.catch(() => {
    if (cached === entry) cached = null;
  });
  return value;
}

/** After a write to `settings` from this process: the next read goes to the table. */
export function forgetCachedSettings(): void {
  cached = null;
}
