import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createDatabase } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { seedReferenceData } from "../lib/db/seed";
import { applyEnv, presentEnv } from "../lib/env";
import { startEmbeddedDatabase } from "./services/embedded-database";
import { startEmbeddedStorage } from "./services/embedded-storage";
import { createFreshDatabase } from "./services/fresh-database";
import { startMailCatcher } from "./services/mail-catcher";

export type StackOptions = {
  /** Where embedded pieces keep their data (PGlite under pg/, objects under s3/, mail under mail/). */
  dataDir: string;
  /** In-memory database instead of `dataDir/pg` (e2e runs start empty). */
  ephemeralDatabase?: boolean;
  /** With DATABASE_URL set, create this fresh database on that server instead of using it as is. */
  freshDatabaseName?: string;
  /** Tests never send real mail nor write to real storage, whatever the shell has set. */
  alwaysEmbed?: ("storage" | "mail")[];
  appPort: number;
  ports: { database: number; storage: number; smtp: number; inbox: number };
};

export type Stack = {
  env: Record<string, string>;
  inboxUrl?: string;
  embedded: string[];
  stop: () => Promise<void>;
};

type LocalSecrets = { authSecret: string; cronSecret: string };

async function localSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, "local-secrets.json");
  try {
    return JSON.parse(await readFile(file, "utf8")) as LocalSecrets;
  } catch {
    const secrets = { authSecret: randomBytes(32).toString("base64url"), cronSecret: randomBytes(24).toString("base64url") };
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    return secrets;
  }
}

/**
 * Starts whatever the environment does not provide (database, storage, mail), fills the
 * remaining variables with local defaults, applies migrations and seeds. Each variable set in
 * the environment replaces the matching embedded piece.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const given = presentEnv();
  const stops: (() => Promise<void>)[] = [];
  const embedded: string[] = [];
  const values: Record<string, string> = {};
  let inboxUrl: string | undefined;

  try {
    if (given.DATABASE_URL) {
      values.DATABASE_URL = options.freshDatabaseName
        ? await createFreshDatabase(given.DATABASE_URL, options.freshDatabaseName)
        : given.DATABASE_URL;
    } else {
      const database = await startEmbeddedDatabase({
        dataDir: options.ephemeralDatabase ? undefined : path.join(options.dataDir, "pg"),
        port: options.ports.database,
      });
      stops.push(database.stop);
      embedded.push(`PostgreSQL embarqué (PGlite) : ${database.url}`);
      values.DATABASE_URL = database.url;
      // PGlite is one session: the socket server interleaves the protocol messages of
      // concurrent connections, so each process keeps to a single connection.
      values.DATABASE_POOL_MAX = "1";
    }

    const embedAlways = new Set(options.alwaysEmbed ?? []);
    // Under test the app is always the local one, whatever APP_URL the shell carries.
    const appUrl = (embedAlways.size > 0 ? undefined : given.APP_URL) ?? `http://localhost:${options.appPort}`;
    if (!given.S3_ENDPOINT || embedAlways.has("storage")) {
      const storage = await startEmbeddedStorage({
        directory: path.join(options.dataDir, "s3"),
        bucket: "aesh-local",
        port: options.ports.storage,
        allowedOrigins: [appUrl, `http://127.0.0.1:${options.appPort}`],
      });
      stops.push(storage.stop);
      embedded.push(`Stockage S3 local (s3rver) : ${storage.endpoint}`);
      Object.assign(values, {
        S3_ENDPOINT: storage.endpoint,
        S3_REGION: storage.region,
        S3_BUCKET: storage.bucket,
        S3_ACCESS_KEY_ID: storage.accessKeyId,
        S3_SECRET_ACCESS_KEY: storage.secretAccessKey,
        S3_FORCE_PATH_STYLE: "true",
      });
    }

    if (!given.SMTP_URL || embedAlways.has("mail")) {
      const catcher = await startMailCatcher({
        smtpPort: options.ports.smtp,
        httpPort: options.ports.inbox,
        directory: path.join(options.dataDir, "mail"),
      });
      stops.push(catcher.stop);
      inboxUrl = catcher.inboxUrl;
      embedded.push(`Serveur SMTP local : ${catcher.smtpUrl}`);
      values.SMTP_URL = catcher.smtpUrl;
    }

    const secrets = await localSecrets(options.dataDir);
    values.APP_URL = appUrl;
    values.AUTH_SECRET = given.AUTH_SECRET ?? secrets.authSecret;
    values.CRON_SECRET = given.CRON_SECRET ?? secrets.cronSecret;
    values.MAIL_FROM = given.MAIL_FROM ?? "Recrutement AESH <ne-pas-repondre@aesh.localhost>";

    // The SDK warns that releases after January 2027 need Node 22; versions here are pinned,
    // and the README asks production for Node 22. Locally the warning is noise.
    values.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
    applyEnv(values);
    const connection = createDatabase(values.DATABASE_URL, { max: 1 });
    try {
      await applyMigrations(connection.db);
      await seedReferenceData(connection.db);
    } finally {
      await connection.sql.end({ timeout: 5 });
    }
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    throw error;
  }

  return {
    env: values,
    inboxUrl,
    embedded,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => {});
    },
  };
}
