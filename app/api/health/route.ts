import { getDb } from "@/lib/db/client";
import { checkHealth } from "@/lib/health/check";
import { healthResponse } from "@/lib/health/response";
import { getStorage } from "@/lib/storage/client";

export const dynamic = "force-dynamic";

/** For load balancers and uptime checks: the state of the database and storage. */
export async function GET() {
  return healthResponse(await checkHealth({ db: getDb(), storage: getStorage() }));
}
