import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { createStorage, getStorage } from "@/lib/storage/client";
import { checkStorage } from "@/lib/storage/self-check";

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
    const stopped = createStorage({ endpoint: "http://127.0.0.1:9", region: "us-east-1", bucket: getStorage().bucket, accessKeyId: "x", secretAccessKey: "x", forcePathStyle: true });
    const results = await checkStorage(stopped, { ...config(), endpoint: "http://127.0.0.1:9" }, { sleep: async () => {} });
    expect(results).toHaveLength(8);
    expect(results.every((result) => !result.ok && result.detail.startsWith("stockage injoignable"))).toBe(true);
  });
});
