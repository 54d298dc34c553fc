import { closeDb, getDb } from "../lib/db/client";
import { seedReferenceData } from "../lib/db/seed";
import { runCli } from "./cli-env";

// `npm run db:seed`: loads the reference data and default settings; safe to run again.
await runCli(async () => {
  await seedReferenceData(getDb());
  await closeDb();
  console.log("Données de référence chargées.");
});
