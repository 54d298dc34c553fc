import "server-only";
import { z } from "zod";

/**
 * The only module that reads `process.env`. Everything else asks `env()` for typed,
 * validated configuration. Validation is lazy (first call) so that `next build` can
 * import route modules without secrets; `instrumentation.ts` calls `assertEnv()` when a
 * server starts, so a misconfigured deployment stops at once with the variable named.
 */

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "doit être une URL postgres://…" }),
  // Optional: connections per server instance (1 suits serverless functions and the embedded PGlite).
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: z.string().min(32, "doit compter au moins 32 caractères (openssl rand -base64 32)"),
  APP_URL: z.url({ protocol: /^https?$/, error: "doit être une URL http(s)://…" }),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "doit être une URL http(s)://…" }),
  S3_REGION: z.string().min(1, "est vide"),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "n'est pas un nom de bucket valide"),
  S3_ACCESS_KEY_ID: z.string().min(1, "est vide"),
  S3_SECRET_ACCESS_KEY: z.string().min(1, "est vide"),
  S3_FORCE_PATH_STYLE: booleanFlag,
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "doit être une URL smtp(s)://…" }),
  MAIL_FROM: z.string().min(3, "est vide"),
  CRON_SECRET: z.string().min(16, "doit compter au moins 16 caractères"),
  // Optional: reverse proxies in front of the app that append to X-Forwarded-For (default 1).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1, "doit valoir au moins 1").max(5).default(1),
});

export type Env = z.infer<typeof envSchema>;
export type EnvVariable = Exclude<keyof Env, "NODE_ENV">;
export const envVariables = Object.keys(envSchema.shape).filter((key) => key !== "NODE_ENV") as EnvVariable[];

export class EnvError extends Error {
  constructor(readonly problems: { variable: string; problem: string }[]) {
    super(
      `Configuration invalide :\n${problems
        .map(({ variable, problem }) => `  - ${variable} ${problem}`)
        .join("\n")}\nVoir .env.example pour la liste des variables attendues.`,
    );
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? "?");
      const missing = source[variable] === undefined || source[variable] === "";
      return { variable, problem: missing ? "est manquante" : issue.message };
    }),
  );
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The port `next start` (or `next dev`) listens on: it sets PORT itself. Undefined elsewhere
 * (a serverless platform), where the proxy keeps no shared copies of public pages.
 */
export function serverPort(): number | undefined {
  const port = Number(process.env.PORT);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

/** Called once at server start (instrumentation) and by CLIs. */
export function assertEnv(): void {
  env();
}

/** Raw values of the variables that are set, for the dev orchestrator that fills the rest. */
export function presentEnv(): Partial<Record<EnvVariable, string>> {
  const present: Partial<Record<EnvVariable, string>> = {};
  for (const name of envVariables) {
    const value = process.env[name];
    if (value) present[name] = value;
  }
  return present;
}

/** The environment a child process (the Next server) inherits, with `overrides` applied. */
export function childProcessEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

/** Makes `overrides` visible to this process's `env()` (orchestration scripts fill defaults). */
export function applyEnv(overrides: Record<string, string>): void {
  Object.assign(process.env, overrides);
  cached = undefined;
}
