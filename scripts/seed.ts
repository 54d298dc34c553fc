import { closeDb, getDb } from "../lib/db/client";
import { seedReferenceData } from "../lib/db/seed";
import { getStorage } from "../lib/storage/client";
import { runCli } from "./cli-env";
import { demoPassword, hasCandidates, loadDemoData } from "./demo/demo-data";

// `npm run db:seed`: loads the reference data and default settings; safe to run again.
// `npm run db:seed -- --demo`: adds fictional candidates (local platforms only, empty of candidates).
await runCli(async () => {
  await seedReferenceData(getDb());
  console.log("Données de référence chargées.");
  if (process.argv.includes("--demo")) {
    if (await hasCandidates(getDb())) {
      console.log("Des candidats existent déjà : aucune donnée de démonstration ajoutée (rm -rf .data pour repartir de zéro).");
    } else {
      const loaded = await loadDemoData({ db: getDb(), storage: getStorage() });
      console.log(`Démonstration : ${loaded.candidates} candidats fictifs, ${loaded.applications} candidatures (mot de passe : ${demoPassword}).`);
    }
  }
  await closeDb();
});
