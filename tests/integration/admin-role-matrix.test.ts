import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLog, zones } from "@/lib/db/schema";
import { setCampaign } from "@/lib/referentials/campaigns";
import {
  applyZonesImport,
  findReferentialEntry,
  listReferential,
  moveReferentialEntry,
  previewZonesImport,
  saveReferentialEntry,
  setReferentialActive,
} from "@/lib/referentials/referentials";
import { editableSettings } from "@/lib/settings/definitions";
import { loadSettings } from "@/lib/settings/settings";
import { updateSecondFactorSettings, updateSettings } from "@/lib/settings/edit";
import { StaffForbidden, type StaffMember } from "@/lib/staff/access";
import { factorOverview, passkeyRegistrationOptions, regenerateRecoveryCodes, removeTotp, resetMemberFactors, startTotpEnrolment } from "@/lib/staff/factors";
import { journalBatches, listJournal, parseJournalFilters } from "@/lib/staff/journal";
import { inviteStaff, listTeam, resendInvitation, setMemberActive, updateMember } from "@/lib/staff/team";
import { insertStaff, uniqueEmail } from "../support/factories";

const db = () => getDb();


async function drain(iterable: AsyncIterable<unknown>) {
  for await (const _ of iterable) void _;
}

/**
 * Every action of the admin side (issue 12) checks the role itself, whatever page or action
 * called it: a gestionnaire, a forged candidate or nobody gets StaffForbidden and changes
 * nothing; an admin gets an answer.
 */
describe("issue 12: role matrix", () => {
  it("reference data, team, settings, campaigns, journal and factor resets are an admin's only", async () => {
    const admin = await insertStaff("admin");
    const colleague = await insertStaff("gestionnaire");
    // A zone of this test's own: moving it leaves the seeded order alone.
    const code = `MATRICE${randomUUID().slice(0, 6).toUpperCase()}`;
    const [zone] = await db().insert(zones).values({ code, label: code, department: "59", rank: 999 }).returning({ id: zones.id });
    const settings = await loadSettings(db());
    const sameSettings = Object.fromEntries(
      editableSettings.map((key) => [key, String(settings[key])]),
    );
    const csv = `code;libellé;département\n${code}X;${code}X;59`;
    const actions: [string, (staff: StaffMember) => Promise<unknown>][] = [
      ["référentiel : liste", (staff) => listReferential(db(), staff, "zones")],
      ["référentiel : fiche", (staff) => findReferentialEntry(db(), staff, "zones", zone!.id)],
      ["référentiel : ajout", (staff) => saveReferentialEntry(staff, "enseignements", null, { label: `Matrice ${randomUUID().slice(0, 6)}` })],
      ["référentiel : désactivation", (staff) => setReferentialActive(staff, "zones", zone!.id, true)],
      ["référentiel : ordre", (staff) => moveReferentialEntry(staff, "zones", zone!.id, 1)],
      ["zones : aperçu", (staff) => previewZonesImport(db(), staff, csv)],
      ["zones : import", (staff) => applyZonesImport(staff, "code;libellé;département\n")],
      ["équipe : liste", (staff) => listTeam(db(), staff)],
      ["équipe : invitation", (staff) => inviteStaff(staff, { email: uniqueEmail("matrice-invite"), role: "gestionnaire", departements: [] })],
      ["équipe : rôle", (staff) => updateMember(staff, colleague.id, { role: "gestionnaire", departements: [] })],
      ["équipe : désactivation", (staff) => setMemberActive(staff, colleague.id, true)],
      ["équipe : invitation renvoyée", (staff) => resendInvitation(staff, colleague.id)],
      ["équipe : double authentification réinitialisée", (staff) => resetMemberFactors(staff, colleague.id)],
      ["paramètres", (staff) => updateSettings(staff, sameSettings)],
      ["paramètres : double authentification", (staff) => updateSecondFactorSettings(staff, { secondFactorForAdmins: settings.secondFactorForAdmins, secondFactorForGestionnaires: settings.secondFactorForGestionnaires })],
      ["campagne", (staff) => setCampaign(staff, randomUUID(), { open: true, message: "" })],
      ["journal", (staff) => listJournal(db(), staff, parseJournalFilters({}))],
      ["journal : export", (staff) => drain(journalBatches(db(), staff, parseJournalFilters({})))],
    ];
    const refused = [await insertStaff("gestionnaire"), await insertStaff("candidate"), null as unknown as StaffMember];
    for (const [name, action] of actions) {
      for (const someone of refused) {
        await expect(action(someone), `${name} (${someone?.role ?? "anonyme"})`).rejects.toBeInstanceOf(StaffForbidden);
      }
      await expect(action(admin), `${name} (administrateur)`).resolves.not.toThrow();
    }
    // Refused callers left no trace of a change.
    for (const someone of refused.filter(Boolean)) {
      expect(await db().select().from(auditLog).where(eq(auditLog.actorId, someone.id))).toEqual([]);
    }
  });

  it("one's own second factors are any staff member's, never a candidate's", async () => {
    const candidate = await insertStaff("candidate");
    const own: [string, (staff: StaffMember) => Promise<unknown>][] = [
      ["sécurité : état", (staff) => factorOverview(db(), staff)],
      ["sécurité : application", (staff) => startTotpEnrolment(staff)],
      ["sécurité : clé d'accès", (staff) => passkeyRegistrationOptions(staff)],
      ["sécurité : codes de secours", (staff) => regenerateRecoveryCodes(staff)],
      ["sécurité : retrait", (staff) => removeTotp(staff)],
    ];
    const gestionnaire = await insertStaff("gestionnaire");
    for (const [name, action] of own) {
      await expect(action(candidate), `${name} (candidat)`).rejects.toBeInstanceOf(StaffForbidden);
      await expect(action(gestionnaire), `${name} (gestionnaire)`).resolves.not.toThrow();
    }
  });
});
