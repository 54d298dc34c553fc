import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { logger } from "../logger";
import { pingStorage, type Storage } from "../storage/client";

export type HealthReport = {
  status: "ok" | "degraded";
  database: "up" | "down";
  storage: "up" | "down";
  checkedAt: string;
};

const timeoutMs = 3000;

async function probe(name: string, run: (signal: AbortSignal) => Promise<unknown>): Promise<"up" | "down"> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    await Promise.race([
      run(controller.signal),
      new Promise((_, reject) => controller.signal.addEventListener("abort", () => reject(new Error("timeout")))),
    ]);
    return "up";
  } catch (error) {
    logger.warn("health.probe_failed", { probe: name, error });
    return "down";
  } finally {
    clearTimeout(timer);
  }
}

/** Checks the two pieces the platform cannot work without. Mail is queued, so it is not one. */
export async function checkHealth(deps: { db: Database; storage: Storage }): Promise<HealthReport> {
  const [database, storage] = await Promise.all([
    probe("database", () => deps.db.execute(sql`select 1`)),
    probe("storage", (signal) => pingStorage(deps.storage, signal)),
  ]);
  return {
    status: database === "up" && storage === "up" ? "ok" : "degraded",
    database,
    storage,
    checkedAt: new Date().toISOString(),
  };
}
