import path from "node:path";
import { closeDb, getDb } from "../lib/db/client";
import { getStorage } from "../lib/storage/client";
import { publishDevEnv, withdrawDevEnv } from "./cli-env";
import { demoPassword, hasCandidates, loadDemoData } from "./demo/demo-data";
import { ensureDevStaff } from "./dev-staff";
import { runNext, superviseNext } from "./run-next";
import { startStack } from "./stack";

// `npm run dev`: the whole platform on embedded defaults, data kept under .data/.
const dataDir = path.resolve(".data");
const appPort = 3000;

const stack = await startStack({
  dataDir,
  appPort,
  ports: { database: 54329, storage: 4568, smtp: 1025, inbox: 1080 },
});
const staff = await ensureDevStaff(dataDir);
// A first start shows a populated staff space: fictional candidates (never outside localhost).
const demo = (await hasCandidates(getDb())) ? null : await loadDemoData({ db: getDb(), storage: getStorage() });
await closeDb();

const lines = [
  "",
  "Plateforme de recrutement des AESH — développement",
  `  Application        : ${stack.env.APP_URL}`,
  stack.inboxUrl ? `  Courriels envoyés  : ${stack.inboxUrl}` : `  Courriels          : envoyés par ${stack.env.SMTP_URL}`,
  staff.password
    ? `  Compte admin       : ${staff.email} / ${staff.password}`
    : `  Compte admin       : ${staff.email} (mot de passe : voir .data/dev-staff.json ou npm run staff:create)`,
  `                       sur ${stack.env.APP_URL}/admin/connexion ; à la première connexion, ajoutez une clé d'accès ou une application d'authentification`,
  demo
    ? `  Démonstration      : ${demo.candidates} candidats fictifs, ${demo.applications} candidatures (mot de passe des candidats : ${demoPassword})`
    : null,
  ...stack.embedded.map((line) => `  ${line}`),
  `  Données locales    : ${dataDir}`,
  "  Ctrl-C arrête tout.",
  "",
];
console.log(lines.filter((line) => line !== null).join("\n"));

await publishDevEnv(stack.env);
superviseNext(runNext("dev", appPort, stack.env), async () => {
  await withdrawDevEnv();
  await stack.stop();
});
