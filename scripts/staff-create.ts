import { parseArgs } from "node:util";
import { createStaffAccount, staffRoles } from "../lib/accounts/staff";
import { shellActor } from "../lib/audit/audit";
import { closeDb } from "../lib/db/client";
import { runCli } from "./cli-env";

// npm run staff:create -- --email E --password P --role admin|gestionnaire
await runCli(async () => {
  const { values } = parseArgs({
    options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string" } },
  });
  if (!values.email || !values.password || !values.role) {
    throw new Error(
      `Usage : npm run staff:create -- --email ADRESSE --password MOT_DE_PASSE --role ${staffRoles.join("|")}`,
    );
  }
  try {
    const { id } = await createStaffAccount(
      { email: values.email, password: values.password, role: values.role as (typeof staffRoles)[number] },
      shellActor,
    );
    console.log(`Compte ${values.role} créé pour ${values.email.toLowerCase()} (${id}). Un courriel l'en informe.`);
  } finally {
    await closeDb();
  }
});
