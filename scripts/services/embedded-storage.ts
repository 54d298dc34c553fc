import { mkdir } from "node:fs/promises";
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
