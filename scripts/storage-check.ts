import { env } from "../lib/env";
import { getStorage } from "../lib/storage/client";
import { checkStorage } from "../lib/storage/self-check";
import { runCli } from "./cli-env";

// npm run storage:check — against the storage of the environment (or of a running `npm run dev`).
await runCli(async () => {
  const config = env();
  console.log(`Contrôle du stockage ${config.S3_ENDPOINT}, bucket ${config.S3_BUCKET}, pour ${config.APP_URL} :`);
  const results = await checkStorage(getStorage(), { endpoint: config.S3_ENDPOINT, forcePathStyle: config.S3_FORCE_PATH_STYLE, appUrl: config.APP_URL });
  for (const result of results) console.log(`${result.ok ? "  ✔" : "  ✘"} ${result.name} — ${result.detail}`);
  const failed = results.filter((result) => !result.ok).length;
  if (failed) {
    console.log(`\n${failed} point(s) à corriger avant la mise en service : les pièces des candidats ne sont pas protégées comme la plateforme le suppose.`);
    process.exitCode = 1;
  } else {
    console.log("\nLe stockage protège les pièces des candidats comme la plateforme le suppose.");
  }
});
