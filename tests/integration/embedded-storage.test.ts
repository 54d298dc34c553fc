import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DeleteObjectsCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStorage, type Storage } from "@/lib/storage/client";
import { startEmbeddedStorage, type EmbeddedStorage } from "../../scripts/services/embedded-storage";

/** The local S3 server's deletions (its folder clean-up is ours: see deleteInConstantTime). */
describe("the embedded S3 server", () => {
  let directory: string;
  let server: EmbeddedStorage;
  let storage: Storage;
  const bucket = "suppressions";

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), "aesh-s3-"));
    server = await startEmbeddedStorage({ directory, bucket, allowedOrigins: [] });
    storage = createStorage({ ...server, forcePathStyle: true });
  });
  afterAll(async () => {
    await server.stop();
    await rm(directory, { recursive: true, force: true });
  });

  const put = (key: string) => storage.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `contenu de ${key}` }));
  const remove = (...keys: string[]) => storage.client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }));
  const exists = (key: string) =>
    storage.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).then(
      () => true,
      () => false,
    );
  const folders = async (prefix: string) =>
    ((await storage.client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, Delimiter: "/" }))).CommonPrefixes ?? []).map((entry) => entry.Prefix);

  it("deletes only the objects asked for, and a folder once its last object is gone", async () => {
    const kept = ["pieces-jointes/a/2.pdf", "pieces-jointes/b/1.pdf", "pieces-jointes/racine.pdf"];
    for (const key of ["pieces-jointes/a/1.pdf", ...kept]) await put(key);
    expect((await remove("pieces-jointes/a/1.pdf")).Errors ?? []).toEqual([]);
    expect(await exists("pieces-jointes/a/1.pdf")).toBe(false);
    for (const key of kept) expect(await exists(key)).toBe(true);
    expect(await folders("pieces-jointes/")).toEqual(["pieces-jointes/a/", "pieces-jointes/b/"]);

    // The folder's last object: the folder goes with it, its parent (still holding objects) stays.
    await remove("pieces-jointes/a/2.pdf");
    expect(await folders("pieces-jointes/")).toEqual(["pieces-jointes/b/"]);
    expect(await exists("pieces-jointes/racine.pdf")).toBe(true);
    // Deleting what is already gone succeeds, as on S3.
    expect((await remove("pieces-jointes/a/2.pdf", "pieces-jointes/inconnu.pdf")).Errors ?? []).toEqual([]);
    await remove("pieces-jointes/b/1.pdf", "pieces-jointes/racine.pdf");
    expect(await folders("")).toEqual([]);
  });
});
