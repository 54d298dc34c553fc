import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApplication } from "@/lib/applications/commands";
import { findApplication, openPostTypesFor } from "@/lib/applications/queries";
import { getDb } from "@/lib/db/client";
import { auditLog, postTypes, settings } from "@/lib/db/schema";
import { addMonths, todayIso } from "@/lib/format/date";
import { listCampaigns, setCampaign } from "@/lib/referentials/campaigns";
import { editableSettings } from "@/lib/settings/definitions";
import { updateSettings } from "@/lib/settings/edit";
import { settingsCacheMs } from "@/lib/settings/cache-time";
import { cachedSettings, loadSettings } from "@/lib/settings/settings";
import { StaffForbidden } from "@/lib/staff/access";
import { listJournal, parseJournalFilters } from "@/lib/staff/journal";
import { applicationForm } from "../support/applications";
import { insertCandidate, insertStaff } from "../support/factories";

const db = () => getDb();


async function formOf() {
  const current = await loadSettings(db());
  return Object.fromEntries(
    editableSettings.map((key) => [key, String(current[key])]),
  );
}

describe("settings (admins)", () => {
  it("refuse gestionnaires and candidates, and nonsense rules with a French message", async () => {
    const gestionnaire = await insertStaff("gestionnaire");
    await expect(updateSettings(gestionnaire, await formOf())).rejects.toBeInstanceOf(StaffForbidden);
    await expect(setCampaign(gestionnaire, randomUUID(), { open: true, message: "" })).rejects.toBeInstanceOf(StaffForbidden);
    await expect(listJournal(db(), gestionnaire, parseJournalFilters({}))).rejects.toBeInstanceOf(StaffForbidden);
    const admin = await insertStaff("admin");
    expect(await updateSettings(admin, { ...(await formOf()), graceDays: "0" })).toMatchObject({ ok: false, errors: { graceDays: expect.stringContaining("au moins 7") } });
    expect(await updateSettings(admin, { ...(await formOf()), graceDays: "10", reminderDaysBeforeDeletion: "12" })).toEqual({
      ok: false,
      errors: { reminderDaysBeforeDeletion: "La relance doit partir avant la suppression : indiquez moins de jours que le délai de réponse." },
    });
    expect(await updateSettings(admin, { ...(await formOf()), platformContactEmail: "pas une adresse" })).toMatchObject({ ok: false, errors: { platformContactEmail: expect.stringContaining("valide") } });
  });

  it("take effect at once, journaled with the old and new value: validity 4 months for the next application", async () => {
    const admin = await insertStaff("admin");
    const before = await formOf();
    try {
      expect(await updateSettings(admin, { ...before, validityMonths: "4" })).toEqual({ ok: true, changed: ["validityMonths"] });
      const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, "settings.changed"), eq(auditLog.entityId, "validityMonths"))).orderBy(desc(auditLog.id)).limit(1);
      expect(entry).toMatchObject({ actorId: admin.id, details: { from: Number(before.validityMonths), to: 4 } });
      const candidate = await insertCandidate("quatre-mois");
      const created = await createApplication(candidate.id, await applicationForm());
      if (!created.ok) throw new Error("refused");
      expect((await findApplication(db(), candidate.id, created.id))?.validUntil).toBe(addMonths(todayIso(), 4));
    } finally {
      await updateSettings(admin, before);
    }
  });

  it("pages read a copy kept a few seconds: a change made here is seen at once, one made elsewhere once the copy expires", async () => {
    const admin = await insertStaff("admin");
    const before = await formOf();
    try {
      const first = await cachedSettings(db());
      // Another instance (here: SQL) changes the platform name; this process's copy still holds.
      await db().update(settings).set({ value: "Écrit ailleurs" }).where(eq(settings.key, "platformName"));
      expect((await cachedSettings(db())).platformName).toBe(first.platformName);
      // A change through this process is seen by the next page at once.
      expect(await updateSettings(admin, { ...before, platformName: "Recrutement AESH — test du cache" })).toMatchObject({ ok: true });
      expect((await cachedSettings(db())).platformName).toBe("Recrutement AESH — test du cache");
      await db().update(settings).set({ value: "Écrit ailleurs" }).where(eq(settings.key, "platformName"));
      await new Promise((resolve) => setTimeout(resolve, settingsCacheMs + 50));
      expect((await cachedSettings(db())).platformName).toBe("Écrit ailleurs");
    } finally {
      await updateSettings(admin, before);
    }
  });
});

describe("campaigns per post type", () => {
  it("a closed campaign takes no new application and says why; closing needs that message", async () => {
    const admin = await insertStaff("admin");
    const [postType] = await db().insert(postTypes).values({ label: `AESH EN PAS ${randomUUID().slice(0, 6)}`, rank: 9 }).returning({ id: postTypes.id, label: postTypes.label });
    const candidate = await insertCandidate("campagne");
    expect((await openPostTypesFor(db(), candidate.id)).map((open) => open.id)).toContain(postType!.id);
    expect(await setCampaign(admin, postType!.id, { open: false, message: "" })).toMatchObject({ ok: false, error: expect.stringContaining("message") });
    expect(await setCampaign(admin, postType!.id, { open: false, message: "Réouverture le 1er mars." })).toEqual({ ok: true });
    expect((await openPostTypesFor(db(), candidate.id)).map((open) => open.id)).not.toContain(postType!.id);
    expect((await listCampaigns(db())).find((campaign) => campaign.id === postType!.id)).toMatchObject({ open: false, message: "Réouverture le 1er mars." });
    const refused = await createApplication(candidate.id, await applicationForm({ postTypeId: postType!.id }));
    expect(refused).toEqual({ ok: false, errors: { postTypeId: "Choisissez un poste parmi ceux proposés." } });
    const journal = await listJournal(db(), admin, parseJournalFilters({ action: "campaign", fiche: postType!.id }));
    expect(journal.rows.map((row) => row.action)).toEqual(["campaign.closed"]);
  });
});
