import { hasBearerSecret } from "@/lib/auth/bearer";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { runDailyJob } from "@/lib/renewals/daily-job";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

/** Called once a day by the platform scheduler (vercel.json) with the cron secret. */
export async function GET(request: Request) {
  if (!hasBearerSecret(request.headers.get("authorization"), env().CRON_SECRET)) {
    return Response.json({ error: "Non autorisé" }, { status: 401 });
  }
  const summary = await runDailyJob();
  logger.info("cron.daily_job", summary);
  return Response.json(summary, { headers: { "Cache-Control": "no-store" } });
}
