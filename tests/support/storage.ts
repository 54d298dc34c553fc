import { HeadObjectCommand } from "@aws-sdk/client-s3";
import { createStorage, getStorage } from "@/lib/storage/client";

/** What a browser does with a presigned POST: the fields, then the file, straight to storage. */
export async function postToStorage(ticket: { url: string; fields: Record<string, string> }, body: Buffer, name = "piece.pdf"): Promise<Response> {
  const data = new FormData();
  for (const [field, value] of Object.entries(ticket.fields)) data.append(field, value);
  data.append("file", new Blob([new Uint8Array(body)], { type: "application/pdf" }), name);
  return fetch(ticket.url, { method: "POST", body: data });
}

/** Whether the test storage holds an object under `key`. */
export async function stored(key: string): Promise<boolean> {
  const storage = getStorage();
  return storage.client.send(new HeadObjectCommand({ Bucket: storage.bucket, Key: key })).then(
    () => true,
    (error: { name?: string }) => {
      if (error.name === "NotFound") return false;
      throw error;
    },
  );
}

/** A storage that does not answer (nothing listens on port 9): what the app meets when storage is down. */
export const stoppedStorageEndpoint = "http://127.0.0.1:9";
export function stoppedStorage() {
  return createStorage({ endpoint: stoppedStorageEndpoint, region: "us-east-1", bucket: getStorage().bucket, accessKeyId: "x", secretAccessKey: "x", forcePathStyle: true });
}
