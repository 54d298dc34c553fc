import "server-only";
import type { Database, Queryable } from "../db/client";
import { settings as settingsTable } from "../db/schema";
import { logger } from "../logger";
import { countSettingsWrite, settingsCacheMs } from "./cache-time";
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
 * `fresh` reads the table and keeps what it read: the shared copies of the public pages
 * (lib/pages/shared-copies.ts) are rendered that way, so that they are never older than
 * `settingsCacheMs` either.
 */
export function cachedSettings(db: Database, { fresh = false }: { fresh?: boolean } = {}): Promise<Settings> {
  const now = Date.now();
  if (!fresh && cached && cached.db === db && now - cached.at < settingsCacheMs) return cached.value;
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
  countSettingsWrite();
}
