/** Fixed ports of the e2e stack, apart from the dev defaults (3000, 54329, 4568, 1025, 1080). */
export const e2ePorts = { app: 3100, database: 54339, storage: 4578, smtp: 1035, inbox: 1090 } as const;
export const e2eBaseUrl = `http://localhost:${e2ePorts.app}`;
export const e2eInboxUrl = `http://127.0.0.1:${e2ePorts.inbox}`;
/** Written by the e2e server: its database URL and cron secret, for tests that move time. */
export const e2eEnvFile = ".data/e2e-env.json";
