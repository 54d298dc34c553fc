import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const complete = {
  DATABASE_URL: "postgres://postgres@127.0.0.1:5432/aesh",
  AUTH_SECRET: "0123456789abcdef0123456789abcdef",
  APP_URL: "https://aesh.ac-lille.fr",
  S3_ENDPOINT: "https://s3.fr-par.scw.cloud",
  S3_REGION: "fr-par",
  S3_BUCKET: "aesh-pieces",
  S3_ACCESS_KEY_ID: "key",
  S3_SECRET_ACCESS_KEY: "secret",
  S3_FORCE_PATH_STYLE: "false",
  SMTP_URL: "smtps://user:pass@smtp.ac-lille.fr:465",
  MAIL_FROM: "Recrutement AESH <ne-pas-repondre@ac-lille.fr>",
  CRON_SECRET: "a-long-enough-cron-secret",
};

function problemsOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).message;
  }
  throw new Error("parseEnv accepted an invalid environment");
}

describe("environment contract", () => {
  it("accepts a complete production environment and types its values", () => {
    const env = parseEnv(complete);
    expect(env.S3_FORCE_PATH_STYLE).toBe(false);
    expect(env.DATABASE_URL).toBe(complete.DATABASE_URL);
    expect(env.DATABASE_POOL_MAX).toBe(10);
    expect(parseEnv({ ...complete, DATABASE_POOL_MAX: "1" }).DATABASE_POOL_MAX).toBe(1);
  });

  it("names a missing variable", () => {
    const message = problemsOf({ ...complete, DATABASE_URL: undefined });
    expect(message).toContain("DATABASE_URL est manquante");
    expect(message).not.toContain("SMTP_URL");
  });

  it("names every malformed variable with what is expected", () => {
    const message = problemsOf({ ...complete, SMTP_URL: "mail.example.org", AUTH_SECRET: "short" });
    expect(message).toContain("SMTP_URL doit être une URL smtp(s)://");
    expect(message).toContain("AUTH_SECRET doit compter au moins 32 caractères");
  });

  it("treats an empty value as missing", () => {
    expect(problemsOf({ ...complete, CRON_SECRET: "" })).toContain("CRON_SECRET est manquante");
  });
});
