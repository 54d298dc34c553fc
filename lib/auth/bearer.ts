import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/** Compares an `Authorization: Bearer …` header with the expected secret in constant time. */
export function hasBearerSecret(header: string | null, secret: string): boolean {
  const presented = header?.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(secret)) && presented.length > 0;
}
