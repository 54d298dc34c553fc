import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApplication } from "@/lib/applications/commands";
import { deleteApplication } from "@/lib/applications/removal";
import { getDb } from "@/lib/db/client";
import { auditLog, diplomas, diplomaTypes, files } from "@/lib/db/schema";
import { createDiploma, deleteDiploma, diplomaSummary, findDiploma, listDiplomas, startDiplomaUpload, updateDiploma, verifyDiplomaUpload } from "@/lib/diplomas/diplomas";
import type { RawDiplomaForm } from "@/lib/diplomas/form-fields";
import { uploadMessages } from "@/lib/uploads/rules";
import { applicationForm } from "../support/applications";
import { insertCandidate } from "../support/factories";
import { samplePdf } from "../../scripts/services/sample-pdf";
import { postToStorage, stored } from "../support/storage";

const db = () => getDb();

async function bacPro(): Promise<string> {
  const [type] = await db().select({ id: diplomaTypes.id }).from(diplomaTypes).where(eq(diplomaTypes.label, "Bac Pro"));
  return type!.id;
}

async function form(overrides: Partial<RawDiplomaForm> = {}): Promise<RawDiplomaForm> {
  return {
    label: "Bac Pro ASSP",
    diplomaTypeId: await bacPro(),
    obtainedOn: "01/01/2000",
    institution: "Lycée Pasteur",
    country: "FR",
    city: "Lille",
    fileId: "",
    removeFile: false,
    ...overrides,
  };
}

/** Uploads a PDF as the browser does and has the server verify it; returns the file id and key. */
async function verifiedFile(userId: string, body = samplePdf(4000)) {
  const started = await startDiplomaUpload(userId, { name: "diplome.pdf", size: body.length, type: "application/pdf" });
  if (!started.ok) throw new Error(started.message);
  expect((await postToStorage(started.ticket, body)).status).toBeLessThan(300);
  expect(await verifyDiplomaUpload(userId, started.ticket.fileId)).toEqual({ ok: true });
  const [file] = await db().select().from(files).where(eq(files.id, started.ticket.fileId));
  return { id: file!.id, key: file!.storageKey };
}

describe("diplomas", () => {
  it("refuses invalid dates and missing fields, writing nothing", async () => {
    const candidate = await insertCandidate("diplome-invalide");
    const attempts: [Partial<RawDiplomaForm>, Record<string, unknown>][] = [
      [{ obtainedOn: "31/02/2020" }, { obtainedOn: expect.stringContaining("date réelle") }],
      [{ obtainedOn: "01/01/2099" }, { obtainedOn: "La date d'obtention ne peut pas être dans le futur." }],
      [{ obtainedOn: "01/01/1980" }, { obtainedOn: "La date d'obtention ne peut pas être antérieure à votre date de naissance." }],
      [
        { label: "", diplomaTypeId: "", institution: "", country: "", city: "" },
        { label: expect.any(String), diplomaTypeId: expect.any(String), institution: expect.any(String), country: expect.any(String), city: expect.any(String) },
      ],
      [{ fileId: crypto.randomUUID() }, { file: expect.stringContaining("n'a pas été vérifié") }],
    ];
    for (const [overrides, errors] of attempts) {
      const result = await createDiploma(candidate.id, await form(overrides));
      expect(result).toEqual({ ok: false, errors });
    }
    expect(await listDiplomas(db(), candidate.id)).toEqual([]);
  });

  it("adds a diploma with its file, replaces the file (the old object goes), removes it, deletes the diploma", async () => {
    const candidate = await insertCandidate("diplome");
    const first = await verifiedFile(candidate.id);
    const created = await createDiploma(candidate.id, await form({ fileId: first.id }));
    if (!created.ok) throw new Error("not created");
    const [listed] = await listDiplomas(db(), candidate.id);
    expect(listed).toMatchObject({
      label: "Bac Pro ASSP",
      diplomaType: { label: "Bac Pro", level: 4 },
      obtainedOn: "2000-01-01",
      country: "FR",
      countryName: "France",
      city: "Lille",
      institution: "Lycée Pasteur",
      file: { id: first.id, name: "diplome.pdf", size: 4000 },
    });
    expect(await diplomaSummary(db(), candidate.id)).toEqual({ count: 1, withoutFile: 0 });

    // A verified file links once: it cannot be reused for a second diploma.
    expect(await createDiploma(candidate.id, await form({ fileId: first.id }))).toMatchObject({ ok: false, errors: { file: expect.any(String) } });

    const second = await verifiedFile(candidate.id, samplePdf(6000));
    expect(await updateDiploma(candidate.id, created.id, await form({ city: "Douai", fileId: second.id }))).toEqual({ ok: true, id: created.id });
    expect(await findDiploma(db(), candidate.id, created.id)).toMatchObject({ city: "Douai", file: { id: second.id, size: 6000 } });
    expect(await stored(first.key)).toBe(false);
    expect(await stored(second.key)).toBe(true);

    expect(await updateDiploma(candidate.id, created.id, await form({ removeFile: true }))).toEqual({ ok: true, id: created.id });
    expect((await findDiploma(db(), candidate.id, created.id))!.file).toBeNull();
    expect(await stored(second.key)).toBe(false);
    expect(await diplomaSummary(db(), candidate.id)).toEqual({ count: 1, withoutFile: 1 });

    const third = await verifiedFile(candidate.id);
    await updateDiploma(candidate.id, created.id, await form({ fileId: third.id }));
    expect(await deleteDiploma(candidate.id, created.id)).toBe(true);
    expect(await listDiplomas(db(), candidate.id)).toEqual([]);
    expect(await stored(third.key)).toBe(false);
    expect(await db().select().from(files).where(eq(files.id, third.id))).toEqual([]);
    const audit = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(["diploma.created", "diploma.updated", "diploma.deleted"]));
  });

  it("refuses a text file named .pdf at verification and deletes its object", async () => {
    const candidate = await insertCandidate("diplome-texte");
    const body = Buffer.from("pas un pdf");
    const started = await startDiplomaUpload(candidate.id, { name: "diplome.pdf", size: body.length, type: "application/pdf" });
    if (!started.ok) throw new Error(started.message);
    await postToStorage(started.ticket, body);
    const [file] = await db().select().from(files).where(eq(files.id, started.ticket.fileId));
    expect(await verifyDiplomaUpload(candidate.id, started.ticket.fileId)).toEqual({ ok: false, message: uploadMessages.notPdf });
    expect(await stored(file!.storageKey)).toBe(false);
    expect(await createDiploma(candidate.id, await form({ fileId: started.ticket.fileId }))).toMatchObject({ ok: false, errors: { file: expect.any(String) } });
  });

  it("gives another candidate nothing: not found for reads, changes, deletions and files", async () => {
    const owner = await insertCandidate("diplome-a");
    const other = await insertCandidate("diplome-b");
    const file = await verifiedFile(owner.id);
    const created = await createDiploma(owner.id, await form({ fileId: file.id }));
    if (!created.ok) throw new Error("not created");
    expect(await findDiploma(db(), other.id, created.id)).toBeNull();
    expect(await updateDiploma(other.id, created.id, await form({ city: "Arras" }))).toEqual({ ok: false, notFound: true });
    expect(await deleteDiploma(other.id, created.id)).toBe(false);
    // B cannot verify or claim A's upload for a diploma of their own.
    const mine = await verifiedFile(owner.id);
    expect(await verifyDiplomaUpload(other.id, mine.id)).toEqual({ ok: false, message: uploadMessages.missing });
    expect(await createDiploma(other.id, await form({ fileId: mine.id }))).toMatchObject({ ok: false, errors: { file: expect.any(String) } });
    expect(await findDiploma(db(), owner.id, created.id)).toMatchObject({ city: "Lille", file: { id: file.id } });
    expect(await stored(file.key)).toBe(true);
  });

  it("survives the deletion of an application: diplomas belong to the candidate", async () => {
    const candidate = await insertCandidate("diplome-garde");
    const created = await createDiploma(candidate.id, await form({ fileId: (await verifiedFile(candidate.id)).id }));
    const application = await createApplication(candidate.id, await applicationForm());
    if (!application.ok || !created.ok) throw new Error("setup failed");
    expect(await deleteApplication(candidate.id, application.id)).toBe(true);
    const [kept] = await db().select().from(diplomas).where(eq(diplomas.id, created.id));
    expect(kept).toBeDefined();
    expect((await findDiploma(db(), candidate.id, created.id))!.file).not.toBeNull();
  });
});
