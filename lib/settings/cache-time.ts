/**
 * How long a process keeps the settings it read (lib/settings/settings.ts `cachedSettings`): a
 * change made through this process is seen at once, one made elsewhere (another instance, SQL)
 * within this time. Plain constant, so end-to-end tests that write settings by SQL can wait it.
 */
export const settingsCacheMs = 5_000;
