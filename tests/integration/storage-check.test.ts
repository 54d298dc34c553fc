import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { checkStorageAsAdmin, serviceState } from "@/lib/health/service-state";
import { StaffForbidden } from "@/lib/staff/access";
import { getStorage } from "@/lib/storage/client";
import { checkStorage } from "@/lib/storage/self-check";
import { insertStaff } from "../support/factories";
import { stoppedStorage, stoppedStorageEndpoint } from "../support/storage";

const config = () => ({ endpoint: env().S3_ENDPOINT, forcePathStyle: env().S3_FORCE_PATH_STYLE, appUrl: env().APP_URL });

describe("issue 13: npm run storage:check", () => {
  it("passes every check on a storage that protects the documents (the local one, like S3)", async () => {
    const results = await checkStorage(getStorage(), config());
    expect(results.map((result) => result.name)).toEqual([
      "Liste du bucket refusée sans identifiants",
      "Lecture d'un fichier refusée sans identifiants",
      "Dépôt conforme accepté (témoin)",
      "Dépôt de plus de 20 Mo refusé",
      "Dépôt d'un autre type que PDF refusé",
      "Dépôt sous une autre clé refusé",
      "Dépôt après l'expiration de son autorisation refusé",
      "Dépôt depuis le navigateur autorisé pour l'adresse de la plateforme (CORS)",
    ]);
    expect(results.filter((result) => !result.ok)).toEqual([]);
  });

  it("fails every check, with a French reason, when the storage does not answer", async () => {
    const stopped = stoppedStorage();
    const results = await checkStorage(stopped, { ...config(), endpoint: stoppedStorageEndpoint }, { sleep: async () => {} });
    expect(results).toHaveLength(8);
    expect(results.every((result) => !result.ok && result.detail.startsWith("stockage injoignable"))).toBe(true);
  });
});

describe("issue 13: the storage check and the service's state for admins (État du service)", () => {
  it("an admin runs the same check from the admin space, and it is journaled with its outcome; a gestionnaire cannot", async () => {
    const admin = await insertStaff("admin");
    const gestionnaire = await insertStaff("gestionnaire");
    const deps = { db: getDb(), storage: getStorage(), config: config() };
    await expect(checkStorageAsAdmin(gestionnaire, deps)).rejects.toBeInstanceOf(StaffForbidden);
    await expect(serviceState(gestionnaire, deps)).rejects.toBeInstanceOf(StaffForbidden);
    expect(await getDb().select().from(auditLog).where(eq(auditLog.actorId, gestionnaire.id))).toEqual([]);

    const results = await checkStorageAsAdmin(admin, deps);
    expect(results.filter((result) => !result.ok)).toEqual([]);
    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.actorId, admin.id), eq(auditLog.action, "storage.checked")));
    expect(entry?.details).toEqual({ checks: 8, failed: [] });

    const state = await serviceState(admin, deps);
    expect(state.health).toMatchObject({ database: "up", storage: "up", status: "ok" });
    expect(state.mail).toMatchObject({ waiting: expect.any(Number), failed: expect.any(Number) });
  });

  it("says which point failed when the storage does not answer", async () => {
    const admin = await insertStaff("admin");
    const stopped = stoppedStorage();
    const results = await checkStorageAsAdmin(admin, { db: getDb(), storage: stopped, config: { ...config(), endpoint: stoppedStorageEndpoint } });
    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.actorId, admin.id), eq(auditLog.action, "storage.checked")));
    expect(entry?.details).toEqual({ checks: 8, failed: results.map((result) => result.name) });
    const state = await serviceState(admin, { db: getDb(), storage: stopped });
    expect(state.health).toMatchObject({ database: "up", storage: "down", status: "degraded" });
  });
});
