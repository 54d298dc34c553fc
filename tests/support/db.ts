import { getDb } from "@/lib/db/client";

/** The test run's database (built from the migrations by the global setup). */
export const db = () => getDb();
