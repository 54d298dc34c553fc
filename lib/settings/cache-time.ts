/**
 * How long a process keeps the settings it read (lib/settings/settings.ts `cachedSettings`): a
 * change made through this process is seen at once, one made elsewhere (another instance, SQL)
 * within this time. Plain constant, so end-to-end tests that write settings by SQL can wait it.
 */
export const settingsCacheMs = 5_000;

/**
 * How many times this process wrote the settings. Kept on `globalThis` because the proxy
 * (lib/pages/shared-copies.ts, bundled apart from the pages) forgets its copies of the public
 * pages when it changes, as pages forget their settings.
 */
const writesKey = Symbol.for("aesh.settings.writes");
type WithWrites = typeof globalThis & { [writesKey]?: number };

export function settingsWriteCount(): number {
  return (globalThis as WithWrites)[writesKey] ?? 0;
}

export function countSettingsWrite(): void {
  (globalThis as WithWrites)[writesKey] = settingsWriteCount() + 1;
}
