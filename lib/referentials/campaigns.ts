import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/audit";
import { getDb, type Queryable } from "../db/client";
import { postTypes } from "../db/schema";
import { assertAdmin, staffActor, type StaffMember } from "../staff/access";
import { invalidCharacterMessage, isCleanText, isUuid } from "../validation";

/** The recruitment campaign of each post type: open to new applications, or closed with a message. */

export async function listCampaigns(db: Queryable) {
  return db
    .select({ id: postTypes.id, label: postTypes.label, open: postTypes.campaignOpen, message: postTypes.closedMessage })
    .from(postTypes)
    .where(eq(postTypes.active, true))
    .orderBy(asc(postTypes.rank), asc(postTypes.label));
}

const campaignSchema = z.object({
  open: z.boolean(),
  message: z
    .string({ message: "Le message doit être du texte." })
    .trim()
    .max(500, "Le message aux candidats ne peut dépasser 500 caractères.")
    .refine(isCleanText, invalidCharacterMessage)
    .transform((text) => text || null),
});

export type CampaignUpdate = { ok: true } | { ok: false; error: string } | { ok: false; notFound: true };

/** Opens or closes one post type's campaign; closing asks what candidates will read. Journaled. */
export async function setCampaign(staff: StaffMember, postTypeId: string, input: unknown): Promise<CampaignUpdate> {
  assertAdmin(staff);
  if (!isUuid(postTypeId)) return { ok: false, notFound: true };
  const parsed = campaignSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  if (!parsed.data.open && !parsed.data.message) {
    return { ok: false, error: "Indiquez le message que liront les candidats tant que la campagne est fermée (par exemple sa date de réouverture)." };
  }
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ open: postTypes.campaignOpen, message: postTypes.closedMessage, label: postTypes.label })
      .from(postTypes)
      .where(eq(postTypes.id, postTypeId))
      .for("update");
    if (!before) return { ok: false as const, notFound: true as const };
    await tx.update(postTypes).set({ campaignOpen: parsed.data.open, closedMessage: parsed.data.message, updatedAt: new Date() }).where(eq(postTypes.id, postTypeId));
    await recordAudit(tx, {
      actor: staffActor(staff),
      action: parsed.data.open ? "campaign.opened" : "campaign.closed",
      entityType: "post_type",
      entityId: postTypeId,
      details: { postType: before.label, from: { open: before.open, message: before.message }, to: parsed.data },
    });
    return { ok: true as const };
  });
}
