import path from "node:path";
import { closeDb, getDb } from "../../lib/db/client";
import { presentEnv } from "../../lib/env";
import { startStack } from "../stack";
import { academyScale, seedAcademy } from "./academy-seed";

/**
 * `npm run bench:seed`: an académie at scale (100 000 candidates, 150 000 applications, 120 000
 * diplomas) in a fresh database `aesh_bench_seed` on the server of DATABASE_URL, or, without
 * it, in an embedded database kept under .data/bench (open it with DATABASE_URL pointing at a
 * PGlite server, or use `npm run bench`, which seeds its own). Deterministic: two runs build
 * the same académie.
 */
const dataDir = path.resolve(".data", "bench");
const stack = await startStack({ dataDir, freshDatabaseName: "aesh_bench_seed", alwaysEmbed: ["storage", "mail"], appPort: 3994, ports: { database: 0, storage: 0, smtp: 0, inbox: 0 } });
try {
  const started = performance.now();
  await seedAcademy(getDb());
  console.log(`${academyScale.candidates} candidats, ${academyScale.applications} candidatures, ${academyScale.diplomas} diplômes en ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(presentEnv().DATABASE_URL ? `Base : ${stack.env.DATABASE_URL}` : `Base embarquée : ${path.join(dataDir, "pg")}`);
} finally {
  await closeDb();
  await stack.stop();
}
