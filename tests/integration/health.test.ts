import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { checkHealth } from "@/lib/health/check";
import { healthResponse } from "@/lib/health/response";
import { createStorage, getStorage, type Storage } from "@/lib/storage/client";
import { startEmbeddedStorage, type EmbeddedStorage } from "../../scripts/services/embedded-storage";

describe("health", () => {
  it("answers 200 when the database and storage answer", async () => {
    const response = healthResponse(await checkHealth({ db: getDb(), storage: getStorage() }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "up", storage: "up" });
  });

  describe("with a storage server that stops", () => {
    let directory: string;
    let server: EmbeddedStorage;
    let storage: Storage;

    beforeAll(async () => {
      directory = await mkdtemp(path.join(os.tmpdir(), "aesh-health-"));
      server = await startEmbeddedStorage({ directory, bucket: "sante", allowedOrigins: [] });
      storage = createStorage({ ...server, forcePathStyle: true });
    });
    afterAll(async () => rm(directory, { recursive: true, force: true }));

    it("answers 503 naming storage as down once the server is stopped", async () => {
      expect((await checkHealth({ db: getDb(), storage })).storage).toBe("up");
      await server.stop();
      const response = healthResponse(await checkHealth({ db: getDb(), storage }));
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "degraded", database: "up", storage: "down" });
    });
  });
});
