import { mkdir, rmdir, unlink } from "node:fs/promises";
import path from "node:path";
import S3rver from "s3rver";
import { postPolicyMiddleware } from "./post-policy";

export type EmbeddedStorage = {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop: () => Promise<void>;
};

function corsConfiguration(origins: string[]): string {
  const rules = origins
    .map(
      (origin) => `<CORSRule>
    <AllowedOrigin>${origin}</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>`,
    )
    .join("\n");
  return `<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\n${rules}\n</CORSConfiguration>`;
}

/** What deleteObject needs of s3rver's filesystem store (lib/stores/filesystem.js, 3.7.1). */
type FilesystemStore = {
  getBucketPath(bucket: string): string;
  getResourcePath(bucket: string, key: string, resource: string): string;
  deleteObject(bucket: string, key: string): Promise<void>;
};

const ignoring = (codes: string[]) => (error: NodeJS.ErrnoException) => {
  if (!codes.includes(error.code ?? "")) throw error;
};

/**
 * s3rver 3.7.1 (no longer maintained) deletes an object's three files, then checks whether its
 * folder became empty by listing it, synchronously: with 10 000 objects under `pieces-jointes/`
 * every deletion read 30 000 names while the server answered nothing else, and the daily job's
 * 10 000 deletions took minutes (S3 itself takes 1 000 keys a request). The same deletion, with
 * the emptiness check left to the system (`rmdir` refuses a folder that is not empty), takes
 * constant time.
 */
function deleteInConstantTime(store: FilesystemStore): void {
  store.deleteObject = async (bucket, key) => {
    await Promise.all(["object", "object.md5", "metadata.json"].map((resource) => unlink(store.getResourcePath(bucket, key, resource)).catch(ignoring(["ENOENT"]))));
    // The key's folders, deepest first, while they are empty (the last part is the file's name).
    const parts = key.split("/").slice(0, -1);
    while (parts.length > 0) {
      try {
        await rmdir(path.join(store.getBucketPath(bucket), ...parts));
      } catch (error) {
        ignoring(["ENOTEMPTY", "EEXIST", "ENOENT"])(error as NodeJS.ErrnoException);
        return;
      }
      parts.pop();
    }
  };
}

/**
 * A local S3-protocol server (s3rver) with the bucket created and CORS open to the app's
 * origins, for browser uploads by presigned POST. Objects are files under `directory`.
 */
export async function startEmbeddedStorage(options: {
  directory: string;
  bucket: string;
  port?: number;
  allowedOrigins: string[];
}): Promise<EmbeddedStorage> {
  await mkdir(options.directory, { recursive: true });
  // s3rver's fixed development credentials.
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    silent: true,
    directory: options.directory,
    configureBuckets: [
      { name: options.bucket, configs: options.allowedOrigins.length ? [corsConfiguration(options.allowedOrigins)] : [] },
    ],
  });
  deleteInConstantTime((server as unknown as { store: FilesystemStore }).store);
  // Checked before s3rver sees the request (s3rver itself ignores POST policies).
  server.middleware.unshift(postPolicyMiddleware({ secretAccessKey: credentials.secretAccessKey, allowedOrigins: options.allowedOrigins }));
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    region: "us-east-1",
    bucket: options.bucket,
    ...credentials,
    stop: () => server.close(),
  };
}
