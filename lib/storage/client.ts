import "server-only";
import { HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { env } from "../env";

export type StorageConfig = {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
};

export type Storage = { client: S3Client; bucket: string };

export function createStorage(config: StorageConfig): Storage {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Non-AWS servers (MinIO, Garage, s3rver…) reject or mis-store the SDK's default checksums.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 2,
  });
  return { client, bucket: config.bucket };
}

const holder = globalThis as typeof globalThis & { __aeshStorage?: Storage };

export function getStorage(): Storage {
  if (!holder.__aeshStorage) {
    const e = env();
    holder.__aeshStorage = createStorage({
      endpoint: e.S3_ENDPOINT,
      region: e.S3_REGION,
      bucket: e.S3_BUCKET,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      forcePathStyle: e.S3_FORCE_PATH_STYLE,
    });
  }
  return holder.__aeshStorage;
}

/** Resolves when the bucket answers; rejects otherwise. */
export async function pingStorage(storage: Storage, signal?: AbortSignal): Promise<void> {
  await storage.client.send(new HeadBucketCommand({ Bucket: storage.bucket }), { abortSignal: signal });
}
