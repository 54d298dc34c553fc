import { closeDb, getDb } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { runCli } from "./cli-env";

// `npm run db:migrate`: applies the committed migrations of drizzle/ to DATABASE_URL.
await runCli(async () => {
  await applyMigrations(getDb());
  await closeDb();
  console.log("Migrations appliquées.");
});
