import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { countryName, isCountryCode } from "../accounts/countries";
import { personActor, recordAudit } from "../audit/audit";
import { getDb, type Queryable, type Transaction } from "../db/client";
import { diplomas, diplomaTypes, files, users } from "../db/schema";
import { todayIso } from "../format/date";
import { runObjectDeletions, scheduleObjectDeletion } from "../storage/deletions";
import { uploadMessages } from "../uploads/rules";
import { beginUpload, claimVerifiedFile, confirmUpload, defaultUploadDeps, type DeclaredFile, type UploadDeps, type UploadResult, type UploadTicket } from "../uploads/uploads";
import { fieldErrors, isUuid } from "../validation";
import { diplomaFormSchema } from "./form-schema";
import { type RawDiplomaForm } from "./form-fields";

/** "MES DIPLÔMES": the candidate's diplomas, each with an optional scanned or photographed PDF. */

export type DiplomaTypeOption = { id: string; label: string; level: number | null };

export async function loadDiplomaTypes(db: Queryable): Promise<DiplomaTypeOption[]> {
  return db
    .select({ id: diplomaTypes.id, label: diplomaTypes.label, level: diplomaTypes.level })
    .from(diplomaTypes)
    .where(eq(diplomaTypes.active, true))
    .orderBy(asc(diplomaTypes.rank), asc(diplomaTypes.label));
}

export type DiplomaDetail = {
  id: string;
  label: string;
  diplomaType: DiplomaTypeOption;
  obtainedOn: string | null;
  institution: string;
  country: string;
  countryName: string;
  city: string;
  file: { id: string; name: string; size: number } | null;
};

async function selectDiplomas(db: Queryable, userId: string, onlyId?: string): Promise<DiplomaDetail[]> {
  const rows = await db
    .select({
      diploma: diplomas,
      typeLabel: diplomaTypes.label,
      typeLevel: diplomaTypes.level,
      fileName: files.originalName,
      fileSize: files.size,
      fileStatus: files.status,
    })
    .from(diplomas)
    .innerJoin(diplomaTypes, eq(diplomaTypes.id, diplomas.diplomaTypeId))
    .leftJoin(files, eq(files.id, diplomas.fileId))
    .where(and(eq(diplomas.userId, userId), onlyId ? eq(diplomas.id, onlyId) : undefined))
    .orderBy(asc(diplomas.obtainedOn), asc(diplomas.createdAt));
  return rows.map(({ diploma, typeLabel, typeLevel, fileName, fileSize, fileStatus }) => ({
    id: diploma.id,
    label: diploma.label,
    diplomaType: { id: diploma.diplomaTypeId, label: typeLabel, level: typeLevel },
    obtainedOn: diploma.obtainedOn,
    institution: diploma.institution,
    country: diploma.country,
    countryName: countryName(diploma.country),
    city: diploma.city,
    file: diploma.fileId && fileStatus === "ready" ? { id: diploma.fileId, name: fileName ?? "diplome.pdf", size: fileSize ?? 0 } : null,
  }));
}

export const listDiplomas = (db: Queryable, userId: string) => selectDiplomas(db, userId);

/** One of the candidate's diplomas, or null when it is not theirs (pages answer 404). */
export async function findDiploma(db: Queryable, userId: string, diplomaId: string): Promise<DiplomaDetail | null> {
  if (!isUuid(diplomaId)) return null;
  const [diploma] = await selectDiplomas(db, userId, diplomaId);
  return diploma ?? null;
}

/** Upload step 1: a presigned POST for a diploma file (the diploma form is sent afterwards). */
export function startDiplomaUpload(userId: string, declared: DeclaredFile, uploadDeps: UploadDeps = defaultUploadDeps()): Promise<UploadResult<{ ticket: UploadTicket }>> {
  return beginUpload(uploadDeps, userId, "diploma", declared);
}

/** Upload step 2: the object is checked now; the form's "Valider" links it. */
export function verifyDiplomaUpload(userId: string, fileId: string, uploadDeps: UploadDeps = defaultUploadDeps()): Promise<UploadResult> {
  return confirmUpload(uploadDeps, userId, fileId, undefined, "diploma");
}

export type DiplomaResult = { ok: true; id: string } | { ok: false; errors: Partial<Record<string, string>> } | { ok: false; notFound: true };

async function validate(tx: Queryable, userId: string, raw: RawDiplomaForm, currentTypeId?: string) {
  const [user] = await tx.select({ birthDate: users.birthDate }).from(users).where(eq(users.id, userId));
  const parsed = diplomaFormSchema({ today: todayIso(), birthDate: user?.birthDate ?? null, isCountry: isCountryCode }).safeParse(raw);
  if (!parsed.success) return { ok: false as const, errors: fieldErrors(parsed.error.issues) };
  const [type] = await tx.select({ active: diplomaTypes.active }).from(diplomaTypes).where(eq(diplomaTypes.id, parsed.data.diplomaTypeId));
  if (!type || (!type.active && parsed.data.diplomaTypeId !== currentTypeId)) {
    return { ok: false as const, errors: { diplomaTypeId: "Ce type de diplôme n'est plus proposé : choisissez-en un autre dans la liste." } };
  }
  return { ok: true as const, data: parsed.data, actor: await personActor(tx, userId) };
}

const fileNotVerified = { file: `${uploadMessages.missing} (le fichier n'a pas été vérifié)` };

/** "Valider" on "Ajouter un diplôme". */
export async function createDiploma(userId: string, raw: RawDiplomaForm): Promise<DiplomaResult> {
  return getDb().transaction(async (tx) => {
    const checked = await validate(tx, userId, raw);
    if (!checked.ok) return checked;
    const { fileId, removeFile: _, ...values } = checked.data;
    if (fileId && !(await claimVerifiedFile(tx, userId, fileId, "diploma"))) return { ok: false as const, errors: fileNotVerified };
    const [created] = await tx.insert(diplomas).values({ userId, ...values, fileId }).returning({ id: diplomas.id });
    await recordAudit(tx, { actor: checked.actor, action: "diploma.created", entityType: "diploma", entityId: created!.id, details: { file: Boolean(fileId) } });
    return { ok: true as const, id: created!.id };
  });
}

async function dropFile(tx: Transaction, fileId: string): Promise<string[]> {
  const [file] = await tx.delete(files).where(eq(files.id, fileId)).returning({ key: files.storageKey });
  if (!file) return [];
  await scheduleObjectDeletion(tx, [file.key]);
  return [file.key];
}

/** "Modifier": a new file replaces the old one, whose object is deleted after commit. */
export async function updateDiploma(userId: string, diplomaId: string, raw: RawDiplomaForm, uploadDeps: UploadDeps = defaultUploadDeps()): Promise<DiplomaResult> {
  if (!isUuid(diplomaId)) return { ok: false, notFound: true };
  const result = await uploadDeps.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ fileId: diplomas.fileId, diplomaTypeId: diplomas.diplomaTypeId })
      .from(diplomas)
      .where(and(eq(diplomas.id, diplomaId), eq(diplomas.userId, userId)))
      .for("update");
    if (!current) return { ok: false as const, notFound: true as const };
    const checked = await validate(tx, userId, raw, current.diplomaTypeId);
    if (!checked.ok) return checked;
    const { fileId, removeFile, ...values } = checked.data;
    let nextFileId = current.fileId;
    const dropped: string[] = [];
    if (fileId && fileId !== current.fileId) {
      if (!(await claimVerifiedFile(tx, userId, fileId, "diploma"))) return { ok: false as const, errors: fileNotVerified };
      nextFileId = fileId;
    } else if (removeFile) {
      nextFileId = null;
    }
    await tx.update(diplomas).set({ ...values, fileId: nextFileId, updatedAt: new Date() }).where(eq(diplomas.id, diplomaId));
    if (current.fileId && current.fileId !== nextFileId) dropped.push(...(await dropFile(tx, current.fileId)));
    await recordAudit(tx, {
      actor: checked.actor,
      action: "diploma.updated",
      entityType: "diploma",
      entityId: diplomaId,
      details: { fileReplaced: Boolean(fileId && current.fileId && fileId !== current.fileId), fileRemoved: Boolean(current.fileId && !nextFileId) },
    });
    return { ok: true as const, id: diplomaId, dropped };
  });
  if (!result.ok) return result;
  if (result.dropped.length) await runObjectDeletions(uploadDeps, { keys: result.dropped });
  return { ok: true, id: result.id };
}

/** "Supprimer": the diploma, its file row, and its object once the database has committed. */
export async function deleteDiploma(userId: string, diplomaId: string, uploadDeps: UploadDeps = defaultUploadDeps()): Promise<boolean> {
  if (!isUuid(diplomaId)) return false;
  const dropped = await uploadDeps.db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(diplomas)
      .where(and(eq(diplomas.id, diplomaId), eq(diplomas.userId, userId)))
      .returning({ fileId: diplomas.fileId, label: diplomas.label });
    if (!deleted) return null;
    const keys = deleted.fileId ? await dropFile(tx, deleted.fileId) : [];
    await recordAudit(tx, { actor: await personActor(tx, userId), action: "diploma.deleted", entityType: "diploma", entityId: diplomaId, details: { file: keys.length > 0 } });
    return keys;
  });
  if (dropped === null) return false;
  if (dropped.length) await runObjectDeletions(uploadDeps, { keys: dropped });
  return true;
}

/** For the dashboard: how many diplomas, and how many lack their file. */
export async function diplomaSummary(db: Queryable, userId: string): Promise<{ count: number; withoutFile: number }> {
  const list = await listDiplomas(db, userId);
  return { count: list.length, withoutFile: list.filter((diploma) => !diploma.file).length };
}
