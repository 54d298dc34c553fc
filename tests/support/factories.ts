import { randomUUID } from "node:crypto";

/** A unique address per call, so tests never see each other's rows or mail. */
export function uniqueEmail(prefix = "personne"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@exemple.fr`;
}

/** A password the policy accepts (long, mixed, not built from a dictionary word). */
export function strongPassword(): string {
  return `Tq7!${randomUUID().replace(/-/g, "").slice(0, 12)}#Zb`;
}
