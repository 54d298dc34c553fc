import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env";

/**
 * Secrets kept in the database but useless from a copy of it alone: AES-256-GCM under a key
 * derived from AUTH_SECRET, one key per purpose. Format `v1.<iv>.<ciphertext>.<tag>`.
 */
export type SealPurpose = { salt: string; info: string };

export const sealPurposes = {
  totp: { salt: "aesh-staff-totp", info: "totp secret at rest" },
  mail: { salt: "aesh-email-outbox", info: "mail body at rest" },
} as const satisfies Record<string, SealPurpose>;

/** Derived once per secret and purpose: the daily job seals and opens thousands of mails. */
const keys = new Map<string, Buffer>();

function key(purpose: SealPurpose): Buffer {
  const secret = env().AUTH_SECRET;
  const id = `${purpose.salt}\u0000${purpose.info}\u0000${secret}`;
  let derived = keys.get(id);
  if (!derived) {
    derived = Buffer.from(hkdfSync("sha256", secret, purpose.salt, purpose.info, 32));
    keys.set(id, derived);
  }
  return derived;
}

export function seal(purpose: SealPurpose, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), sealed.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

export function isSealed(value: string): boolean {
  return /^v1\.[\w-]+\.[\w-]*\.[\w-]+$/.test(value);
}

/** Throws when the value was sealed under another AUTH_SECRET, or altered. */
export function unseal(purpose: SealPurpose, value: string): string {
  const [version, iv, sealed, tag] = value.split(".");
  if (version !== "v1" || !iv || sealed === undefined || !tag) throw new Error("unknown sealed format");
  const decipher = createDecipheriv("aes-256-gcm", key(purpose), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
}
