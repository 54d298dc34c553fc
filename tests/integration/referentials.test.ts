import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApplication, updateApplication } from "@/lib/applications/commands";
import { findApplication, loadFormOptions } from "@/lib/applications/queries";
import { getDb } from "@/lib/db/client";
import { applications, attachmentTypes, auditLog, zones } from "@/lib/db/schema";
import {
  applyZonesImport,
  findReferentialEntry,
  listReferential,
  moveReferentialEntry,
  previewZonesImport,
  refreshCompletenessOfPostTypes,
  saveReferentialEntry,
  setReferentialActive,
} from "@/lib/referentials/referentials";
import { StaffForbidden, type StaffMember } from "@/lib/staff/access";
import { loadFilterOptions } from "@/lib/staff/filter-options";
import { applicationForm } from "../support/applications";
import { insertCandidate, insertStaff } from "../support/factories";

const db = () => getDb();


/** Codes and labels nobody else in the run uses. */
const unique = (prefix: string) => `${prefix}${randomUUID().slice(0, 8).toUpperCase()}`;

async function newZone(admin: StaffMember, label = unique("ZONE TEST ")) {
  const saved = await saveReferentialEntry(admin, "zones", null, { code: unique("Z"), label, department: "59" });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return { id: saved.id, label };
}

async function zoneRows(codes: string[]) {
  const rows = await db().select({ code: zones.code, label: zones.label, department: zones.department, active: zones.active }).from(zones);
  return rows.filter((row) => codes.includes(row.code)).sort((a, b) => a.code.localeCompare(b.code));
}

describe("référentiels: entries", () => {
  it("adds a zone at the end of the list, refuses a duplicate code or label with a French message, and logs both", async () => {
    const admin = await insertStaff("admin");
    const code = unique("NORD");
    const label = unique("NORD - BASSIN ");
    const saved = await saveReferentialEntry(admin, "zones", null, { code: code.toLowerCase(), label: `  ${label} `, department: "59" });
    expect(saved).toMatchObject({ ok: true });
    const list = await listReferential(db(), admin, "zones");
    expect(list.at(-1)).toMatchObject({ label, active: true, usage: 0, values: { code, label, department: "59" } });

    expect(await saveReferentialEntry(admin, "zones", null, { code, label: unique("AUTRE "), department: "62" })).toEqual({ ok: false, errors: { code: "Une zone a déjà ce code ou ce libellé." } });
    expect(await saveReferentialEntry(admin, "zones", null, { code: "", label: "", department: "599" })).toEqual({
      ok: false,
      errors: { code: "Indiquez le code.", label: "Indiquez le libellé de la zone.", department: "Indiquez le numéro du département : 59, 62, 2A…" },
    });
    expect(await saveReferentialEntry(admin, "quotites", null, { label: unique("Temps "), weeklyHours: "", percentage: "120" })).toEqual({
      ok: false,
      errors: { percentage: "Indiquez un pourcentage entre 1 et 100." },
    });
    expect((await listReferential(db(), admin, "zones")).length).toBe(list.length);

    const logged = await db().select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(and(eq(auditLog.entityType, "zones"), eq(auditLog.entityId, saved.ok ? saved.id : "")));
    expect(logged).toEqual([{ action: "referential.created", details: { before: null, after: { code, label, department: "59" } } }]);
  });

  it("a used zone is deactivated, not deleted: new forms stop offering it, the application keeps and shows it and may be saved with it", async () => {
    const admin = await insertStaff("admin");
    const zone = await newZone(admin);
    expect((await loadFormOptions(db())).zones.map((option) => option.id)).toContain(zone.id);
    const candidate = await insertCandidate("referentiel");
    const created = await createApplication(candidate.id, await applicationForm({ zones: [zone.id] }));
    if (!created.ok) throw new Error("refused");
    expect((await findReferentialEntry(db(), admin, "zones", zone.id))?.usage).toBe(1);

    expect(await setReferentialActive(admin, "zones", zone.id, false)).toMatchObject({ ok: true });

    expect((await loadFormOptions(db())).zones.map((option) => option.id)).not.toContain(zone.id);
    expect((await findApplication(db(), candidate.id, created.id))?.zones).toEqual([{ id: zone.id, label: zone.label, rank: 1 }]);
    // Its holder keeps it when saving again; a newcomer cannot pick it.
    expect(await updateApplication(candidate.id, created.id, await applicationForm({ zones: [zone.id], university: "Université de Lille" }))).toMatchObject({ ok: true });
    const other = await insertCandidate("referentiel");
    expect(await createApplication(other.id, await applicationForm({ zones: [zone.id] }))).toMatchObject({ ok: false, errors: { zones: expect.any(String) } });
    expect(await findReferentialEntry(db(), admin, "zones", zone.id)).toMatchObject({ active: false, usage: 1 });
    // Staff filters still offer it, marked, in the referential's order, beside the other lists.
    const staffOptions = await loadFilterOptions(db());
    expect(staffOptions.zones.find((option) => option.value === zone.id)?.label).toBe(`${zone.label} (retiré)`);
    const ordered = await db().select({ id: zones.id }).from(zones).orderBy(asc(zones.rank), asc(zones.label));
    expect(staffOptions.zones.map((option) => option.value)).toEqual(ordered.map((row) => row.id));
    expect(staffOptions.postTypes.map((option) => option.label)).toContain("AESH EN PIAL INTER-DEGRE");
    expect(staffOptions.workingTimes.map((option) => option.label)).toContain("Temps plein");
    expect(staffOptions.teachingTypes.length).toBeGreaterThan(0);

    expect(await setReferentialActive(admin, "zones", zone.id, true)).toMatchObject({ ok: true });
    expect((await loadFormOptions(db())).zones.map((option) => option.id)).toContain(zone.id);
    const actions = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, zone.id));
    expect(actions.map((row) => row.action).sort()).toEqual(["referential.created", "referential.deactivated", "referential.reactivated"]);
  });

  it("moves an entry up and down, renumbering the list, and stays put at either end", async () => {
    const admin = await insertStaff("admin");
    const first = await newZone(admin);
    const second = await newZone(admin);
    const order = async () => (await listReferential(db(), admin, "zones")).map((entry) => entry.id).filter((id) => id === first.id || id === second.id);
    expect(await order()).toEqual([first.id, second.id]);
    expect(await moveReferentialEntry(admin, "zones", second.id, -1)).toMatchObject({ ok: true });
    expect(await order()).toEqual([second.id, first.id]);
    expect((await loadFormOptions(db())).zones.map((option) => option.id).filter((id) => id === first.id || id === second.id)).toEqual([second.id, first.id]);
    // The last one going down changes nothing.
    const last = (await listReferential(db(), admin, "zones")).at(-1)!;
    expect(await moveReferentialEntry(admin, "zones", last.id, 1)).toMatchObject({ ok: true });
    expect((await listReferential(db(), admin, "zones")).at(-1)!.id).toBe(last.id);
    const ranks = (await listReferential(db(), admin, "zones")).map((entry) => entry.rank);
    expect(ranks).toEqual(ranks.map((_, index) => index + 1));
  });

  it("a newly required attachment type makes the post type's complete applications incomplete once refreshed", async () => {
    const admin = await insertStaff("admin");
    const postType = await saveReferentialEntry(admin, "postes", null, { label: unique("AESH TEST "), requiresTeachingType: "", requiresZone: "", requiresWorkingTime: "", requiresUniversity: "" });
    if (!postType.ok) throw new Error("refused");
    expect(postType.refresh).toEqual([postType.id]);
    const candidate = await insertCandidate("completude");
    const created = await createApplication(candidate.id, await applicationForm({ postTypeId: postType.id }));
    if (!created.ok) throw new Error("refused");
    const complete = async () => (await db().select({ complete: applications.complete }).from(applications).where(eq(applications.id, created.id)))[0]?.complete;
    expect(await complete()).toBe(true);

    const piece = await saveReferentialEntry(admin, "pieces", null, { postTypeId: postType.id, label: "Casier judiciaire", required: "on" });
    if (!piece.ok) throw new Error("refused");
    expect(piece.refresh).toEqual([postType.id]);
    expect(await refreshCompletenessOfPostTypes(db(), piece.refresh!)).toBe(1);
    expect(await complete()).toBe(false);
    expect((await findApplication(db(), candidate.id, created.id))?.missing.map((item) => item.message)).toEqual(["Veuillez joindre : Casier judiciaire"]);

    // Deactivating the attachment type no longer asks for it.
    const deactivated = await setReferentialActive(admin, "pieces", piece.id, false);
    await refreshCompletenessOfPostTypes(db(), deactivated.ok ? deactivated.refresh! : []);
    expect(await complete()).toBe(true);
    // An attachment type stays with its post type whatever the form says.
    const other = (await listReferential(db(), admin, "postes")).find((entry) => entry.id !== postType.id)!;
    expect(await saveReferentialEntry(admin, "pieces", piece.id, { postTypeId: other.id, label: "Extrait de casier judiciaire", required: "" })).toMatchObject({ ok: true });
    const [row] = await db().select({ postTypeId: attachmentTypes.postTypeId, label: attachmentTypes.label }).from(attachmentTypes).where(eq(attachmentTypes.id, piece.id));
    expect(row).toEqual({ postTypeId: postType.id, label: "Extrait de casier judiciaire" });
  });

  it("answers not found for an unknown or malformed id", async () => {
    const admin = await insertStaff("admin");
    expect(await saveReferentialEntry(admin, "zones", randomUUID(), { code: "X", label: "X", department: "59" })).toEqual({ ok: false, notFound: true });
    expect(await setReferentialActive(admin, "zones", "pas-un-id", false)).toEqual({ ok: false, notFound: true });
    expect(await findReferentialEntry(db(), admin, "zones", randomUUID())).toBeNull();
  });
});

describe("référentiels: zones import", () => {
  it("previews line by line, then applies all lines in one go and logs the tally", async () => {
    const admin = await insertStaff("admin");
    const existing = await newZone(admin);
    const [current] = await db().select({ code: zones.code }).from(zones).where(eq(zones.id, existing.id));
    const created = unique("AVESNOIS");
    const file = ["code;libellé;département", `${created};${created} - BASSIN 12;59`, `${current!.code};${existing.label};62`].join("\r\n");

    const preview = await previewZonesImport(db(), admin, file);
    expect(preview).toEqual({
      ok: true,
      errors: [],
      lines: [
        { line: 2, code: created, label: `${created} - BASSIN 12`, department: "59", outcome: "création" },
        { line: 3, code: current!.code, label: existing.label, department: "62", outcome: "modification" },
      ],
    });
    expect(await zoneRows([created])).toEqual([]);

    expect(await applyZonesImport(admin, file)).toMatchObject({ ok: true });
    expect(await zoneRows([created, current!.code])).toEqual(
      [
        { code: created, label: `${created} - BASSIN 12`, department: "59", active: true },
        { code: current!.code, label: existing.label, department: "62", active: true },
      ].sort((a, b) => a.code.localeCompare(b.code)),
    );
    const [logged] = await db().select({ details: auditLog.details, actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.action, "referential.zones_imported"), eq(auditLog.actorId, admin.id)));
    expect(logged?.details).toEqual({ created: 1, updated: 1, reactivated: 0, unchanged: 0 });

    // The same file again changes nothing; a deactivated zone in the file comes back.
    await setReferentialActive(admin, "zones", existing.id, false);
    expect((await previewZonesImport(db(), admin, file)).lines.map((line) => line.outcome)).toEqual(["inchangée", "réactivation"]);
  });

  it("writes nothing when one line is wrong, and says each error in French with its line", async () => {
    const admin = await insertStaff("admin");
    const taken = await newZone(admin);
    const good = unique("SAMBRE");
    const [takenRow] = await db().select({ code: zones.code }).from(zones).where(eq(zones.id, taken.id));
    const file = [
      "Code,Libelle,Departement",
      `${good},${good} - BASSIN 13,59`,
      `,SANS CODE,59`,
      `${unique("X")},DEPARTEMENT FAUX,999`,
      `${good},${good} BIS,59`,
      `${unique("Y")},${taken.label},62`,
    ].join("\n");
    const expected = {
      ok: false,
      errors: [
        { line: 3, message: "Indiquez le code." },
        { line: 4, message: "Indiquez le numéro du département : 59, 62, 2A…" },
        { line: 5, message: `Le code ${good} figure déjà ligne 2.` },
        { line: 6, message: `Le libellé « ${taken.label} » est déjà celui de la zone ${takenRow!.code}.` },
      ],
    };
    expect(await previewZonesImport(db(), admin, file)).toMatchObject(expected);
    expect(await applyZonesImport(admin, file)).toMatchObject(expected);
    expect(await zoneRows([good])).toEqual([]);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.action, "referential.zones_imported"), eq(auditLog.actorId, admin.id)))).toEqual([]);
  });

  it("refuses a file without the column line or with an unclosed quote", async () => {
    const admin = await insertStaff("admin");
    expect(await previewZonesImport(db(), admin, "NORD;NORD - BASSIN 1;59")).toMatchObject({ ok: false, errors: [{ line: 1, message: "La première ligne doit nommer les colonnes : code;libellé;département." }] });
    expect(await previewZonesImport(db(), admin, 'code;libellé;département\nA;"B;59')).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("guillemet") }] });
    expect(await previewZonesImport(db(), admin, "")).toMatchObject({ ok: false, errors: [{ line: 1, message: "Le fichier est vide." }] });
  });
});

describe("référentiels: roles", () => {
  it("a gestionnaire reaches none of it, and nothing changes", async () => {
    const admin = await insertStaff("admin");
    const gestionnaire = await insertStaff("gestionnaire");
    const zone = await newZone(admin);
    const file = `code;libellé;département\n${unique("INTRUS")};INTRUS;59`;
    const attempts: [string, () => Promise<unknown>][] = [
      ["list", () => listReferential(db(), gestionnaire, "zones")],
      ["find", () => findReferentialEntry(db(), gestionnaire, "zones", zone.id)],
      ["create", () => saveReferentialEntry(gestionnaire, "zones", null, { code: unique("G"), label: unique("G "), department: "59" })],
      ["update", () => saveReferentialEntry(gestionnaire, "zones", zone.id, { code: "G", label: "Renommée", department: "59" })],
      ["deactivate", () => setReferentialActive(gestionnaire, "zones", zone.id, false)],
      ["move", () => moveReferentialEntry(gestionnaire, "zones", zone.id, -1)],
      ["preview", () => previewZonesImport(db(), gestionnaire, file)],
      ["import", () => applyZonesImport(gestionnaire, file)],
    ];
    for (const [name, attempt] of attempts) {
      await expect(attempt(), name).rejects.toBeInstanceOf(StaffForbidden);
    }
    expect(await findReferentialEntry(db(), admin, "zones", zone.id)).toMatchObject({ label: zone.label, active: true });
    expect(await db().select().from(auditLog).where(eq(auditLog.actorId, gestionnaire.id))).toEqual([]);
  });
});
