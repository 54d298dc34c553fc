import "server-only";
import { and, eq, exists, sql } from "drizzle-orm";
import { recordAudit } from "../audit/audit";
import type { Queryable } from "../db/client";
import { applicationAttachments, applications, diplomas, files } from "../db/schema";
import { isUuid } from "../validation";
import { applicationPerimeter, assertStaff, staffActor, type StaffMember } from "./access";

/**
 * A file staff may open: an application's attachment, or a diploma of a candidate who has an
 * application inside the staff member's perimeter. Every opening is written to the audit log
 * (who, which file, when, from which address) before the one-minute link is given.
 */
export async function openFileAsStaff(
  db: Queryable,
  staff: StaffMember,
  fileId: string,
): Promise<{ storageKey: string; originalName: string } | null> {
  assertStaff(staff);
  if (!isUuid(fileId)) return null;
  return db.transaction(async (tx) => {
    const [attachment] = await tx
      .select({ storageKey: files.storageKey, originalName: files.originalName, applicationId: applicationAttachments.applicationId })
      .from(files)
      .innerJoin(applicationAttachments, eq(applicationAttachments.fileId, files.id))
      .innerJoin(applications, eq(applications.id, applicationAttachments.applicationId))
      .where(and(eq(files.id, fileId), eq(files.status, "ready"), applicationPerimeter(staff)));
    if (attachment) {
      await recordAudit(tx, {
        actor: staffActor(staff),
        action: "application.file_opened",
        entityType: "application",
        entityId: attachment.applicationId,
        details: { fileId, name: attachment.originalName },
      });
      return { storageKey: attachment.storageKey, originalName: attachment.originalName };
    }
    const [diploma] = await tx
      .select({ storageKey: files.storageKey, originalName: files.originalName, diplomaId: diplomas.id })
      .from(files)
      .innerJoin(diplomas, eq(diplomas.fileId, files.id))
      .where(
        and(
          eq(files.id, fileId),
          eq(files.status, "ready"),
          exists(sql`(select 1 from ${applications} where ${applications.userId} = ${diplomas.userId}${perimeterSql(staff)})`),
        ),
      );
    if (!diploma) return null;
    await recordAudit(tx, {
      actor: staffActor(staff),
      action: "diploma.file_opened",
      entityType: "diploma",
      entityId: diploma.diplomaId,
      details: { fileId, name: diploma.originalName },
    });
    return { storageKey: diploma.storageKey, originalName: diploma.originalName };
  });
}

function perimeterSql(staff: StaffMember) {
  const condition = applicationPerimeter(staff);
  return condition ? sql` and ${condition}` : sql``;
}
