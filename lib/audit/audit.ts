import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { auditLog, users } from "../db/schema";

/** `address`: the client address, for staff actions and file openings. */
export type AuditActor = { id: string | null; label: string; address?: string | null };
export const systemActor: AuditActor = { id: null, label: "système" };
export const shellActor: AuditActor = { id: null, label: "ligne de commande" };

export type AuditEntry = {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
};

/** A person acting on their own records, named by their identifier in the log. */
export async function personActor(tx: Queryable, userId: string, suffix = ""): Promise<AuditActor> {
  const [user] = await tx.select({ identifier: users.identifier }).from(users).where(eq(users.id, userId));
  return { id: userId, label: `${user?.identifier ?? "candidat"}${suffix}` };
}

/**
 * What replaces a person's label in the journal once their account is deleted (the journal's
 * trigger, migration 0012, accepts this value and no other change of label).
 */
export const erasedActorLabel = "personne (données effacées)";

/** Written in the same transaction as the change it records. */
export async function recordAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, [entry]);
}

/** Several entries in one statement (the daily job's batches). */
export async function recordAudits(tx: Queryable, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((entry) => ({
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      details: entry.details ?? null,
      address: entry.actor.address ?? null,
    })),
  );
}
