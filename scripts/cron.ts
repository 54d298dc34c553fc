import { closeDb } from "../lib/db/client";
import { runDailyJob } from "../lib/renewals/daily-job";
import { runCli } from "./cli-env";

// `npm run cron`: the same daily job the platform scheduler calls, from a shell.
await runCli(async () => {
  const summary = await runDailyJob();
  await closeDb();
  console.log(JSON.stringify(summary, null, 2));
});
