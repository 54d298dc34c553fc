import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { e2eEnvFile, e2ePorts } from "../tests/e2e/ports";
import { runNext, superviseNext } from "./run-next";
import { startStack } from "./stack";

// The server Playwright tests run against: the production build (`next start`) on a fresh
// database and empty storage and inbox, at the fixed ports of tests/e2e/ports.ts.
const dataDir = await mkdtemp(path.join(os.tmpdir(), "aesh-e2e-"));
const stack = await startStack({
  dataDir,
  ephemeralDatabase: true,
  freshDatabaseName: "aesh_e2e",
  alwaysEmbed: ["storage", "mail"],
  appPort: e2ePorts.app,
  ports: { database: e2ePorts.database, storage: e2ePorts.storage, smtp: e2ePorts.smtp, inbox: e2ePorts.inbox },
});
// What end-to-end tests need to act as the platform scheduler, move time by SQL and run the
// CLIs (npm run staff:create) against this very stack.
await mkdir(".data", { recursive: true });
await writeFile(e2eEnvFile, JSON.stringify(stack.env), { mode: 0o600 });
superviseNext(runNext("start", e2ePorts.app, stack.env), stack.stop);
