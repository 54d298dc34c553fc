import "server-only";
import { randomUUID } from "node:crypto";
import { DeleteObjectsCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { maxUploadBytes, pdfContentType } from "../uploads/rules";
import { presignUpload } from "../uploads/uploads";
import type { Storage } from "./client";

/**
 * Before go-live, an académie checks that its storage protects candidates' documents the way
 * the platform counts on (`npm run storage:check`): nobody reads or lists the bucket without
 * credentials, a browser upload outside its presigned policy is refused (the confirm step
 * checks again, but a refusal at the door keeps junk out of the bucket), and the bucket lets
 * browsers on the platform's address upload (CORS).
 */
export type StorageCheck = { name: string; ok: boolean; detail: string };

const refused = (status: number) => status === 401 || status === 403 || status === 400;

function objectUrl(storage: Storage, endpoint: string, pathStyle: boolean, key = ""): string {
  const base = new URL(endpoint);
  if (pathStyle) return `${base.origin}${base.pathname.replace(/\/$/, "")}/${storage.bucket}/${key}`;
  return `${base.protocol}//${storage.bucket}.${base.host}/${key}`;
}

async function post(ticket: { url: string; fields: Record<string, string> }, body: Uint8Array<ArrayBuffer>, override: Record<string, string> = {}): Promise<number> {
  const form = new FormData();
  for (const [field, value] of Object.entries({ ...ticket.fields, ...override })) form.append(field, value);
  form.append("file", new Blob([body], { type: override["Content-Type"] ?? pdfContentType }), "controle.pdf");
  const response = await fetch(ticket.url, { method: "POST", body: form, signal: AbortSignal.timeout(60_000) });
  await response.body?.cancel();
  return response.status;
}

/** The ticket the app itself gives browsers (lib/uploads), so the check tests exactly its policy. */
const ticket = (storage: Storage, key: string, expires = 60) => presignUpload(storage, key, expires);

export async function checkStorage(
  storage: Storage,
  config: { endpoint: string; forcePathStyle: boolean; appUrl: string },
  options: { sleep?: (ms: number) => Promise<void> } = {},
): Promise<StorageCheck[]> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const prefix = `controle-stockage/${randomUUID()}/`;
  const results: StorageCheck[] = [];
  const run = async (name: string, check: () => Promise<{ ok: boolean; detail: string }>) => {
    try {
      results.push({ name, ...(await check()) });
    } catch (error) {
      results.push({ name, ok: false, detail: `stockage injoignable ou erreur : ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  const pdf = new Uint8Array(new TextEncoder().encode("%PDF-1.4\n% contrôle du stockage\n%%EOF\n"));

  try {
    await run("Liste du bucket refusée sans identifiants", async () => {
      const response = await fetch(objectUrl(storage, config.endpoint, config.forcePathStyle), { signal: AbortSignal.timeout(15_000) });
      await response.body?.cancel();
      return { ok: refused(response.status), detail: `HTTP ${response.status}` };
    });
    await run("Lecture d'un fichier refusée sans identifiants", async () => {
      const key = `${prefix}lecture.pdf`;
      await storage.client.send(new PutObjectCommand({ Bucket: storage.bucket, Key: key, Body: pdf, ContentType: pdfContentType }));
      const response = await fetch(objectUrl(storage, config.endpoint, config.forcePathStyle, key), { signal: AbortSignal.timeout(15_000) });
      await response.body?.cancel();
      return { ok: refused(response.status), detail: `HTTP ${response.status}` };
    });
    await run("Dépôt conforme accepté (témoin)", async () => {
      const status = await post(await ticket(storage, `${prefix}conforme.pdf`), pdf);
      return { ok: status >= 200 && status < 300, detail: `HTTP ${status}` };
    });
    await run("Dépôt de plus de 20 Mo refusé", async () => {
      const status = await post(await ticket(storage, `${prefix}trop-gros.pdf`), new Uint8Array(maxUploadBytes + 1));
      return { ok: refused(status), detail: `HTTP ${status}` };
    });
    await run("Dépôt d'un autre type que PDF refusé", async () => {
      const status = await post(await ticket(storage, `${prefix}type.pdf`), pdf, { "Content-Type": "text/html" });
      return { ok: refused(status), detail: `HTTP ${status}` };
    });
    await run("Dépôt sous une autre clé refusé", async () => {
      const status = await post(await ticket(storage, `${prefix}prevue.pdf`), pdf, { key: `${prefix}autre.pdf` });
      return { ok: refused(status), detail: `HTTP ${status}` };
    });
    await run("Dépôt après l'expiration de son autorisation refusé", async () => {
      const expiring = await ticket(storage, `${prefix}expire.pdf`, 1);
      await sleep(2_500);
      const status = await post(expiring, pdf);
      return { ok: refused(status), detail: `HTTP ${status}` };
    });
    await run("Dépôt depuis le navigateur autorisé pour l'adresse de la plateforme (CORS)", async () => {
      const origin = new URL(config.appUrl).origin;
      const response = await fetch(objectUrl(storage, config.endpoint, config.forcePathStyle), {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST" },
        signal: AbortSignal.timeout(15_000),
      });
      await response.body?.cancel();
      const allowed = response.headers.get("access-control-allow-origin");
      return { ok: allowed === origin || allowed === "*", detail: `Access-Control-Allow-Origin : ${allowed ?? "absent"}` };
    });
  } finally {
    // Whatever the checks left behind (an upload the storage wrongly accepted included).
    const keys = ["lecture", "conforme", "trop-gros", "type", "prevue", "autre", "expire"].map((name) => ({ Key: `${prefix}${name}.pdf` }));
    await storage.client.send(new DeleteObjectsCommand({ Bucket: storage.bucket, Delete: { Objects: keys, Quiet: true } })).catch(() => undefined);
  }
  return results;
}
