import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  attachmentTypes,
  diplomaTypes,
  postTypes,
  settings,
  teachingTypes,
  workingTimes,
  zones,
} from "@/lib/db/schema";
import { seedReferenceData } from "@/lib/db/seed";
import { loadSettings } from "@/lib/settings/settings";

async function counts() {
  const db = getDb();
  const tables = { postTypes, zones, workingTimes, teachingTypes, diplomaTypes, attachmentTypes, settings };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => [name, (await db.select({ n: count() }).from(table))[0]?.n]),
  );
  return Object.fromEntries(entries) as Record<keyof typeof tables, number>;
}

describe("seed", () => {
  it("loaded the guide's reference data", async () => {
    const db = getDb();
    const [post] = await db.select().from(postTypes).where(eq(postTypes.label, "AESH EN PIAL INTER-DEGRE"));
    expect(post).toBeDefined();
    const zoneLabels = (await db.select({ label: zones.label }).from(zones)).map((z) => z.label);
    expect(zoneLabels).toEqual(expect.arrayContaining(["CAMBRESIS - BASSIN 9", "DOUAIS - BASSIN 6"]));
    const attachments = await db
      .select({ label: attachmentTypes.label, required: attachmentTypes.required })
      .from(attachmentTypes)
      .where(eq(attachmentTypes.postTypeId, post!.id));
    expect(attachments).toEqual(
      expect.arrayContaining([
        { label: "Pièce d'identité", required: true },
        { label: "CV", required: false },
        { label: "Lettre de motivation", required: false },
      ]),
    );
    const [bacPro] = await db.select().from(diplomaTypes).where(eq(diplomaTypes.label, "Bac Pro"));
    expect(bacPro?.level).toBe(4);
    expect((await db.select().from(teachingTypes)).map((t) => t.label)).toContain("AESH");
  });

  it("is idempotent and keeps what admins changed", async () => {
    const db = getDb();
    await db.update(zones).set({ label: "CAMBRESIS (BASSIN 9)" }).where(eq(zones.code, "CAMBRESIS"));
    await db.update(settings).set({ value: 12 }).where(eq(settings.key, "validityMonths"));
    const before = await counts();

    await seedReferenceData(db);
    await seedReferenceData(db);

    expect(await counts()).toEqual(before);
    const [cambresis] = await db.select().from(zones).where(eq(zones.code, "CAMBRESIS"));
    expect(cambresis?.label).toBe("CAMBRESIS (BASSIN 9)");
    expect((await loadSettings(db)).validityMonths).toBe(12);

    await db.update(zones).set({ label: "CAMBRESIS - BASSIN 9" }).where(eq(zones.code, "CAMBRESIS"));
    await db.update(settings).set({ value: 6 }).where(eq(settings.key, "validityMonths"));
  });
});
