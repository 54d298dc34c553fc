import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { and, desc, eq, like, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, inject, it } from "vitest";
import yauzl from "yauzl";
import { updateProfile } from "@/lib/accounts/account";
import { authenticate } from "@/lib/auth/login";
import { confirmAttachmentUpload, startAttachmentUpload } from "@/lib/applications/attachments";
import { createApplication } from "@/lib/applications/commands";
import { findApplication, lastDecision, loadApplicationDetails, loadApplications } from "@/lib/applications/queries";
import { getDb } from "@/lib/db/client";
import { applications, attachmentTypes, auditLog, postTypes, statusEvents, teachingTypes, users, workingTimes, zones } from "@/lib/db/schema";
import { addMonths, todayIso } from "@/lib/format/date";
import { listMessages, replyAsCandidate, sendStaffMessage } from "@/lib/messages/messages";
import { StaffForbidden, type StaffMember } from "@/lib/staff/access";
import { listApplications, neighbours } from "@/lib/staff/applications";
import { loadCandidate, listCandidates, resetCandidatePassword } from "@/lib/staff/candidates";
import { loadStaffCandidature } from "@/lib/staff/candidature";
import { loadDashboard } from "@/lib/staff/dashboard";
import { addNote, changeStatus, extendValidity } from "@/lib/staff/decisions";
import { buildDossier, DossierStorageUnavailable } from "@/lib/staff/dossier";
import { exportApplications, exportBatches } from "@/lib/staff/exports";
import { openFileAsStaff } from "@/lib/staff/files";
import { parseApplicationFilters } from "@/lib/staff/list-filters";
import { getStorage } from "@/lib/storage/client";
import { DeleteObjectCommand } from "@aws-sdk/client-s3";
import { files } from "@/lib/db/schema";
import { samplePdf } from "../../scripts/services/sample-pdf";
import { applicationForm } from "../support/applications";
import { insertCandidate, uniqueEmail } from "../support/factories";
import { inboxClient } from "../support/inbox";
import { postToStorage, stoppedStorage } from "../support/storage";

const inbox = inboxClient(inject("inboxUrl"));
const db = () => getDb();

async function staffMember(role: "gestionnaire" | "admin"): Promise<StaffMember> {
  const email = uniqueEmail(role);
  const [row] = await db().insert(users).values({ identifier: email, email, emailVerifiedAt: new Date(), passwordHash: "test:not-a-hash", role }).returning({ id: users.id });
  return { id: row!.id, role, label: email, address: "198.51.100.7", departements: [] };
}

async function reference() {
  const [postType] = await db().select().from(postTypes).where(eq(postTypes.label, "AESH EN PIAL INTER-DEGRE"));
  const [aesh] = await db().select().from(teachingTypes).where(eq(teachingTypes.label, "AESH"));
  const zoneRows = await db().select().from(zones);
  const timeRows = await db().select().from(workingTimes);
  const [identity] = await db().select().from(attachmentTypes).where(and(eq(attachmentTypes.postTypeId, postType!.id), eq(attachmentTypes.label, "Pièce d'identité")));
  return {
    aesh: aesh!.id,
    zone: (label: string) => zoneRows.find((row) => row.label === label)!.id,
    time: (label: string) => timeRows.find((row) => row.label === label)!.id,
    identity: identity!.id,
  };
}

/** A candidate named after `token`, with one application shaped by `form`. */
async function candidate(token: string, names: { firstName?: string; birthName?: string; email?: string | null }, form: Parameters<typeof applicationForm>[0] = {}) {
  const base = await insertCandidate(token);
  await db()
    .update(users)
    .set({ firstName: names.firstName ?? "Camille", birthName: names.birthName ?? `Token${token}`, ...(names.email === null ? { email: null, identifier: `aesh-${token.slice(0, 4)}-${randomUUID().slice(0, 4)}` } : {}) })
    .where(eq(users.id, base.id));
  const created = await createApplication(base.id, await applicationForm(form));
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return { userId: base.id, email: names.email === null ? null : base.email, applicationId: created.id };
}

async function attachIdentity(userId: string, applicationId: string, identityType: string) {
  const started = await startAttachmentUpload(userId, applicationId, identityType, { name: "identite.pdf", size: 4096, type: "application/pdf" });
  if (!started.ok || !("ticket" in started)) throw new Error("upload refused");
  await postToStorage(started.ticket, samplePdf(4096));
  const confirmed = await confirmAttachmentUpload(userId, applicationId, identityType, started.ticket.fileId);
  if (!confirmed.ok) throw new Error("confirm refused");
  return started.ticket.fileId;
}

async function lastAudit(action: string, entityId?: string) {
  const [row] = await db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), entityId ? eq(auditLog.entityId, entityId) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

async function streamToBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

function zipEntries(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          void streamToBuffer(stream as Readable).then((content) => {
            entries.set(entry.fileName, content);
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(entries));
      zip.readEntry();
    });
  });
}

const filters = (query: string) => parseApplicationFilters(new URLSearchParams(query));

describe("staff space: who may do what", () => {
  it("refuses every staff capability to anyone who is not a gestionnaire or an admin", async () => {
    const token = randomUUID().slice(0, 8);
    const { userId, applicationId } = await candidate(token, {});
    const asCandidate = { id: userId, role: "candidate", label: "candidat", address: null } as unknown as StaffMember;
    const anonymous = null as unknown as StaffMember;
    const calls: [string, (staff: StaffMember) => Promise<unknown>][] = [
      ["liste", (staff) => listApplications(db(), staff, filters(""))],
      ["précédente / suivante", (staff) => neighbours(db(), staff, filters(""), applicationId)],
      ["candidature", (staff) => loadStaffCandidature(db(), staff, applicationId)],
      ["tableau de bord", (staff) => loadDashboard(db(), staff)],
      ["statut", (staff) => changeStatus(staff, [applicationId], { status: "in_review", reason: "" })],
      ["message", (staff) => sendStaffMessage(staff, applicationId, "Bonjour")],
      ["note", (staff) => addNote(staff, applicationId, "Note")],
      ["prolongation", (staff) => extendValidity(staff, applicationId)],
      ["fichier", (staff) => openFileAsStaff(db(), staff, randomUUID())],
      ["export", (staff) => exportApplications(db(), staff, { ids: [applicationId] }, { format: "csv", includeRqth: false })],
      ["dossier", (staff) => buildDossier({ db: db(), storage: getStorage() }, staff, applicationId)],
      ["candidats", (staff) => listCandidates(db(), staff, { q: null, withoutEmail: false, page: 1 })],
      ["candidat", (staff) => loadCandidate(db(), staff, userId)],
      ["mot de passe provisoire", (staff) => resetCandidatePassword(staff, userId)],
    ];
    for (const [name, call] of calls) {
      await expect(call(asCandidate), `${name} (candidat)`).rejects.toBeInstanceOf(StaffForbidden);
      await expect(call(anonymous), `${name} (anonyme)`).rejects.toBeInstanceOf(StaffForbidden);
    }
    // Nothing changed for the candidate.
    expect((await findApplication(db(), userId, applicationId))?.status).toBe("submitted");
    for (const role of ["gestionnaire", "admin"] as const) {
      const staff = await staffMember(role);
      expect((await listApplications(db(), staff, filters(`q=Token${token}`))).total).toBe(1);
      expect(await loadStaffCandidature(db(), staff, applicationId)).not.toBeNull();
      expect(await addNote(staff, applicationId, `Note de ${role}`)).toEqual({ ok: true });
    }
  });
});

describe("staff list: filters and search", () => {
  it("finds by name without accents or case, by INE, and narrows by zone, quotité, status and completeness", async () => {
    const ref = await reference();
    const token = randomUUID().slice(0, 8).replace(/\d/g, "x");
    const helene = await candidate(token, { firstName: "Hélène", birthName: `Dépré${token}` }, {
      teachingType1: ref.aesh,
      zones: [ref.zone("CAMBRESIS - BASSIN 9"), ref.zone("DOUAIS - BASSIN 6")],
      workingTimes: [ref.time("Temps plein")],
      ine: "2068113589L",
    });
    const noe = await candidate(token, { firstName: "Noé", birthName: `Lefèvre${token}` }, {
      teachingType1: ref.aesh,
      zones: [ref.zone("DOUAIS - BASSIN 6"), ref.zone("CAMBRESIS - BASSIN 9")],
      workingTimes: [ref.time("Temps partiel 24 h (62 %)")],
    });
    const empty = await candidate(token, { firstName: "Zoé", birthName: `Martin${token}` });
    await attachIdentity(helene.userId, helene.applicationId, ref.identity);
    const staff = await staffMember("gestionnaire");
    const ids = async (query: string) => (await listApplications(db(), staff, filters(query))).rows.map((row) => row.id).sort();
    const all = [helene.applicationId, noe.applicationId, empty.applicationId].sort();

    // Search folds accents and case, on any part of the name, identifier or email.
    expect(await ids(`q=${token.toUpperCase()}`)).toEqual(all);
    expect(await ids(`q=${encodeURIComponent(`DEPRE${token} helene`)}`)).toEqual([helene.applicationId]);
    expect(await ids(`q=${encodeURIComponent(`noé depre${token}`)}`)).toEqual([]);
    expect(await ids(`q=depre${token}`)).toEqual([helene.applicationId]);
    expect(await ids(`q=lefevre${token}`)).toEqual([noe.applicationId]);
    expect(await ids(`q=${encodeURIComponent("2068 113 589l")}`)).toContain(helene.applicationId);

    const zone = ref.zone("CAMBRESIS - BASSIN 9");
    expect(await ids(`q=${token}&zone=${zone}`)).toEqual([helene.applicationId]);
    expect(await ids(`q=${token}&zone=${zone}&voeu=tous`)).toEqual([helene.applicationId, noe.applicationId].sort());
    expect(await ids(`q=${token}&quotite=${ref.time("Temps partiel 24 h (62 %)")}`)).toEqual([noe.applicationId]);
    expect(await ids(`q=${token}&enseignement=${ref.aesh}`)).toEqual([helene.applicationId, noe.applicationId].sort());
    // Complete: wishes and the identity document; the others lack something.
    expect(await ids(`q=${token}&complete=oui`)).toEqual([helene.applicationId]);
    expect(await ids(`q=${token}&complete=non`)).toEqual([noe.applicationId, empty.applicationId].sort());
    const today = todayIso();
    expect(await ids(`q=${token}&depuis=${today}&jusqua=${today}`)).toEqual(all);
    expect(await ids(`q=${token}&jusqua=${addMonths(today, -1)}`)).toEqual([]);
    expect(await ids(`q=${token}&valide_avant=${addMonths(today, 7)}`)).toEqual(all);
    expect(await ids(`q=${token}&valide_avant=${today}`)).toEqual([]);

    await changeStatus(staff, [noe.applicationId], { status: "in_review", reason: "" });
    expect(await ids(`q=${token}&statut=in_review`)).toEqual([noe.applicationId]);
    expect(await ids(`q=${token}&statut=submitted`)).toEqual([helene.applicationId, empty.applicationId].sort());

    // Sorted by name, with the total; "précédente / suivante" walks the same order.
    const byName = await listApplications(db(), staff, filters(`q=${token}&tri=nom`));
    expect(byName.total).toBe(3);
    expect((await listApplications(db(), staff, filters(`q=${token}&complete=non`))).total).toBe(2);
    // Past the end (a shared link to a list that shrank): the last page, with its total.
    const past = await listApplications(db(), staff, filters(`q=${token}&tri=nom&page=7`));
    expect([past.page, past.pages, past.total, past.rows.length]).toEqual([1, 1, 3, 3]);
    expect(byName.rows.map((row) => row.candidate)).toEqual([`Hélène DÉPRÉ${token.toUpperCase()}`, `Noé LEFÈVRE${token.toUpperCase()}`, `Zoé MARTIN${token.toUpperCase()}`]);
    expect(await neighbours(db(), staff, filters(`q=${token}&tri=nom`), noe.applicationId)).toEqual({
      previous: helene.applicationId,
      next: empty.applicationId,
      position: 2,
      total: 3,
    });
    // In the date order the list opens with, the same walk.
    const byDate = (await listApplications(db(), staff, filters(`q=${token}`))).rows.map((row) => row.id);
    expect(await neighbours(db(), staff, filters(`q=${token}`), byDate[1]!)).toEqual({ previous: byDate[0], next: byDate[2], position: 2, total: 3 });
    expect(await neighbours(db(), staff, filters(`q=${token}`), byDate[0]!)).toMatchObject({ previous: null, next: byDate[1], position: 1 });
    // Opened from a list it is not in (its status changed since): no position, no neighbours.
    expect(await neighbours(db(), staff, filters(`q=${token}&statut=submitted&tri=nom`), noe.applicationId)).toEqual({ previous: null, next: null, position: null, total: 2 });
    expect(await neighbours(db(), staff, filters(`q=${token}`), "pas-un-identifiant")).toEqual({ previous: null, next: null, position: null, total: 0 });
  });

  it("sorts by last name then first name, accents folded, and follows a change of name", async () => {
    const token = randomUUID().slice(0, 8).replace(/\d/g, "x");
    const elie = await candidate(token, { firstName: "Bruno", birthName: `Élie${token}` });
    const zoe = await candidate(token, { firstName: "Zoé", birthName: `Fabre${token}` });
    const anne = await candidate(token, { firstName: "Anne", birthName: `Fabre${token}` });
    const lea = await candidate(token, { firstName: "Léa", birthName: `Zorn${token}` });
    const staff = await staffMember("gestionnaire");
    const order = async (query: string) => (await listApplications(db(), staff, filters(`q=${token}&${query}`))).rows.map((row) => row.candidate.split(" ")[0]);

    // « Élie » among the E (lower() under the C collation put it after Z), namesakes by first name.
    expect(await order("tri=nom")).toEqual(["Bruno", "Anne", "Zoé", "Léa"]);
    expect(await order("tri=-nom")).toEqual(["Léa", "Zoé", "Anne", "Bruno"]);
    expect(await neighbours(db(), staff, filters(`q=${token}&tri=nom`), anne.applicationId)).toEqual({ previous: elie.applicationId, next: zoe.applicationId, position: 2, total: 4 });

    // A usage name given on the profile comes first, and the list follows at once.
    await updateProfile(lea.userId, {
      civility: "madame",
      usageName: `Abel${token}`,
      birthName: `Zorn${token}`,
      firstName: "Léa",
      birthDate: "1990-07-14",
      birthPlace: "Lille",
      nationality: "FR",
      phone: "0611223344",
      misc: null,
    });
    expect(await order("tri=nom")).toEqual(["Léa", "Bruno", "Anne", "Zoé"]);
    expect(await neighbours(db(), staff, filters(`q=${token}&tri=nom`), lea.applicationId)).toEqual({ previous: null, next: elie.applicationId, position: 1, total: 4 });
    // The key cannot be written by hand: PostgreSQL takes it from the person again.
    await db().update(applications).set({ candidateSortName: "aaa" }).where(eq(applications.id, zoe.applicationId));
    expect(await order("tri=nom")).toEqual(["Léa", "Bruno", "Anne", "Zoé"]);
  });

  it("keeps the stored completeness equal to what the candidate's page computes", async () => {
    const ref = await reference();
    const person = await candidate(randomUUID().slice(0, 8), {}, { teachingType1: ref.aesh, zones: [ref.zone("LILLE")], workingTimes: [ref.time("Temps plein")] });
    const stored = async () => (await db().select({ complete: applications.complete }).from(applications).where(eq(applications.id, person.applicationId)))[0]!.complete;
    const computed = async () => (await findApplication(db(), person.userId, person.applicationId))!.missing.length === 0;
    expect([await stored(), await computed()]).toEqual([false, false]);
    await attachIdentity(person.userId, person.applicationId, ref.identity);
    expect([await stored(), await computed()]).toEqual([true, true]);
  });
});

describe("staff decisions", () => {
  it("changes the status with a reason: event, audit, mail, and the candidate sees it", async () => {
    const token = randomUUID().slice(0, 8);
    const person = await candidate(token, {});
    const staff = await staffMember("gestionnaire");
    expect(await changeStatus(staff, [person.applicationId], { status: "recruited", reason: "" })).toEqual({
      ok: false,
      errors: { reason: "Indiquez le motif de cette décision : il est communiqué au candidat." },
    });
    expect(await changeStatus(staff, [person.applicationId], { status: "recruited", reason: "Affectation à Cambrai à la rentrée." })).toEqual({ ok: true, changed: 1, skipped: 0 });
    const mail = await inbox.waitFor(person.email!, (m) => m.subject === "AcloE – Votre candidature AESH est retenue");
    // The reason stays in the candidate's space (it may speak of health); the mail says where to read it.
    expect(mail.text).not.toContain("Affectation à Cambrai");
    expect(mail.text).toContain("vous le lirez dans votre espace candidat");
    expect(await lastDecision(db(), person.applicationId)).toMatchObject({ status: "recruited", reason: "Affectation à Cambrai à la rentrée." });
    expect((await loadApplications(db(), person.userId))[0]?.status).toBe("recruited");
    const [event] = await db().select().from(statusEvents).where(and(eq(statusEvents.applicationId, person.applicationId), eq(statusEvents.kind, "status_changed")));
    expect(event).toMatchObject({ fromStatus: "submitted", toStatus: "recruited", actorId: staff.id, comment: "Affectation à Cambrai à la rentrée." });
    expect(await lastAudit("application.status_changed", person.applicationId)).toMatchObject({ actorId: staff.id, address: "198.51.100.7", details: { from: "submitted", to: "recruited" } });
  });

  it("changes a selection at once, skipping what cannot take the decision, at most 500", async () => {
    const token = randomUUID().slice(0, 8);
    const first = await candidate(token, {});
    const second = await candidate(token, {});
    await db().update(applications).set({ status: "withdrawn" }).where(eq(applications.id, second.applicationId));
    const staff = await staffMember("admin");
    expect(await changeStatus(staff, [first.applicationId, second.applicationId], { status: "rejected", reason: "Campagne close." })).toEqual({ ok: true, changed: 1, skipped: 1 });
    expect(await changeStatus(staff, Array.from({ length: 501 }, () => randomUUID()), { status: "in_review", reason: "" })).toEqual({
      ok: false,
      errors: { selection: "Au plus 500 candidatures à la fois : affinez les filtres." },
    });
  });

  it("extends validity by one month from the renewal rules, restarting the renewal", async () => {
    const person = await candidate(randomUUID().slice(0, 8), {});
    await db().update(applications).set({ validUntil: todayIso(), renewalNoticeSentAt: new Date() }).where(eq(applications.id, person.applicationId));
    const staff = await staffMember("gestionnaire");
    expect(await extendValidity(staff, person.applicationId)).toEqual({ ok: true, validUntil: addMonths(todayIso(), 1) });
    const [row] = await db().select().from(applications).where(eq(applications.id, person.applicationId));
    expect(row).toMatchObject({ validUntil: addMonths(todayIso(), 1), renewalNoticeSentAt: null });
    expect(await lastAudit("application.validity_extended", person.applicationId)).toMatchObject({ actorId: staff.id });
  });

  it("carries messages both ways: the candidate is mailed and reads; staff see the unread answer", async () => {
    const token = randomUUID().slice(0, 8);
    const person = await candidate(token, {});
    const staff = await staffMember("gestionnaire");
    expect(await sendStaffMessage(staff, person.applicationId, "  ")).toEqual({ ok: false, error: "Écrivez votre message." });
    expect(await sendStaffMessage(staff, person.applicationId, "Votre pièce d'identité est illisible.")).toEqual({ ok: true, mailed: true });
    const mail = await inbox.waitFor(person.email!, (m) => m.subject === "AcloE – Un message du service de recrutement vous attend");
    expect(mail.text).not.toContain("illisible");
    const [unread] = await loadApplications(db(), person.userId);
    expect([unread!.id, unread!.postType.label, unread!.unreadFromService]).toEqual([person.applicationId, "AESH EN PIAL INTER-DEGRE", 1]);
    expect(await replyAsCandidate(db(), person.userId, person.applicationId, "Je la dépose de nouveau.")).toEqual({ ok: true });
    // Another candidate cannot write into it.
    const other = await insertCandidate("autre");
    expect(await replyAsCandidate(db(), other.id, person.applicationId, "Intrus")).toEqual({ ok: false, notFound: true });
    expect((await listApplications(db(), staff, filters(`q=${token}&non_lus=1`))).rows.map((row) => [row.id, row.unread])).toEqual([[person.applicationId, 1]]);
    const seen = await loadStaffCandidature(db(), staff, person.applicationId);
    expect(seen?.messages.map((message) => [message.fromStaff, message.body])).toEqual([
      [true, "Votre pièce d'identité est illisible."],
      [false, "Je la dépose de nouveau."],
    ]);
    const { markCandidateMessagesRead } = await import("@/lib/messages/messages");
    await markCandidateMessagesRead(db(), staff, person.applicationId);
    expect((await listApplications(db(), staff, filters(`q=${token}&non_lus=1`))).total).toBe(0);
    expect((await listMessages(db(), person.applicationId)).every((message) => message.body.length > 0)).toBe(true);
    expect(await lastAudit("application.message_sent", person.applicationId)).toMatchObject({ actorId: staff.id });
    expect(await lastAudit("application.message_answered", person.applicationId)).toMatchObject({ actorId: person.userId });
  });
});

describe("staff files, dossier and exports", () => {
  it("opens attachments and diplomas through the audit log, and streams the dossier without RQTH", async () => {
    const ref = await reference();
    const person = await candidate(randomUUID().slice(0, 8), { firstName: "Alix" }, { rqth: "yes" });
    const fileId = await attachIdentity(person.userId, person.applicationId, ref.identity);
    const staff = await staffMember("gestionnaire");
    expect(await openFileAsStaff(db(), staff, fileId)).toMatchObject({ originalName: "identite.pdf" });
    expect(await lastAudit("application.file_opened", person.applicationId)).toMatchObject({ actorId: staff.id, address: "198.51.100.7", details: { fileId, name: "identite.pdf" } });
    expect(await openFileAsStaff(db(), staff, randomUUID())).toBeNull();

    const dossier = await buildDossier({ db: db(), storage: getStorage() }, staff, person.applicationId);
    const entries = await zipEntries(await streamToBuffer(dossier!.stream));
    const names = [...entries.keys()];
    expect(names).toEqual(["00 - Récapitulatif de la candidature.html", "01 - Pièce d'identité - identite.pdf"]);
    expect(entries.get(names[1]!)!.subarray(0, 5).toString()).toBe("%PDF-");
    const summary = entries.get(names[0]!)!.toString("utf8");
    expect(summary).toContain("Alix");
    expect(summary).not.toMatch(/RQTH\s*:|\bOui\b/);
    expect(await lastAudit("application.dossier_downloaded", person.applicationId)).toMatchObject({ actorId: staff.id, details: { files: 1 } });
  });

  it("names a file missing from storage inside the dossier, and refuses cleanly when storage does not answer", async () => {
    const ref = await reference();
    const person = await candidate(randomUUID().slice(0, 8), { firstName: "Odile" });
    const fileId = await attachIdentity(person.userId, person.applicationId, ref.identity);
    const staff = await staffMember("gestionnaire");
    const [file] = await db().select({ key: files.storageKey }).from(files).where(eq(files.id, fileId));
    await getStorage().client.send(new DeleteObjectCommand({ Bucket: getStorage().bucket, Key: file!.key }));

    // Before: the ZIP stream waited forever for the missing object (the download never ended).
    const dossier = await buildDossier({ db: db(), storage: getStorage() }, staff, person.applicationId);
    const entries = await zipEntries(await streamToBuffer(dossier!.stream));
    expect([...entries.keys()]).toEqual(["00 - Récapitulatif de la candidature.html", "00 - Fichiers introuvables.txt"]);
    expect(entries.get("00 - Fichiers introuvables.txt")!.toString("utf8")).toContain("01 - Pièce d'identité - identite.pdf");

    // Storage stopped: no half-sent ZIP, an error the route turns into a French 503.
    const stopped = stoppedStorage();
    await attachIdentity(person.userId, person.applicationId, ref.identity);
    await expect(buildDossier({ db: db(), storage: stopped }, staff, person.applicationId)).rejects.toBeInstanceOf(DossierStorageUnavailable);
  });

  it("gives every row to a slow reader, when the database has finished before the last batch is written", async () => {
    // postgres.js answers the read after a finished cursor with a plain { done: true }: the
    // read-ahead threw on it, and a download slower than the database failed at its end.
    const token = randomUUID().slice(0, 8).replace(/\d/g, "x");
    const [postType] = await db().select({ id: postTypes.id }).from(postTypes).where(eq(postTypes.label, "AESH EN PIAL INTER-DEGRE"));
    await db().execute(sql`
      with people as (
        insert into users (identifier, password_hash, birth_name, first_name)
        select 'lent' || ${token} || n || '@example.org', 'test:not-a-hash', 'Lent' || ${token}, 'P' || n from generate_series(1, 1050) n
        returning id
      )
      insert into applications (user_id, post_type_id, valid_until) select id, ${postType!.id}, current_date + 180 from people`);
    try {
      const staff = await staffMember("admin");
      let rows = 0;
      for await (const batch of exportBatches(db(), staff, { filters: filters(`q=lent${token}`) })) {
        rows += batch.length;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(rows).toBe(1050);
    } finally {
      await db().delete(users).where(like(users.identifier, `lent${token}%`));
    }
  });

  it("exports the filtered list as CSV for French Excel and as XLSX, RQTH only when asked and logged", async () => {
    const ref = await reference();
    const token = randomUUID().slice(0, 8).replace(/\d/g, "y");
    const withFormula = await candidate(token, { firstName: "=HYPERLINK(\"http://x\")", birthName: `Export${token}` }, { rqth: "yes", zones: [ref.zone("LILLE"), ref.zone("ARRAS")] });
    const zoe = await candidate(token, { firstName: "Zoé", birthName: `Export${token}` }, { rqth: "no" });
    await attachIdentity(zoe.userId, zoe.applicationId, ref.identity);
    const staff = await staffMember("gestionnaire");

    const csv = await exportApplications(db(), staff, { filters: filters(`q=export${token}&tri=nom`) }, { format: "csv", includeRqth: false });
    const bytes = await streamToBuffer(csv.stream);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(bytes.toString("utf8").slice(1), { delimiter: ";" }) as string[][];
    expect(rows[0]).toContain("Nom patronymique");
    expect(rows[0]).not.toContain("RQTH");
    expect(rows).toHaveLength(3);
    const header = rows[0]!;
    const firstNames = rows.slice(1).map((row) => row[header.indexOf("Prénom")]).sort();
    expect(firstNames).toEqual(["'=HYPERLINK(\"http://x\")", "Zoé"]);
    expect(rows.slice(1).some((row) => row[header.indexOf("Zones géographiques souhaitées")] === "1. LILLE ; 2. ARRAS")).toBe(true);
    // What is missing and which files are given: exactly what the candidate's page reads.
    const [pageOfFormula, pageOfZoe] = await Promise.all([loadApplications(db(), withFormula.userId), loadApplications(db(), zoe.userId)]);
    const cells = (firstName: string, column: string) => rows.find((row) => row[header.indexOf("Prénom")] === firstName)![header.indexOf(column)];
    expect(cells("Zoé", "Éléments manquants")).toBe(pageOfZoe[0]!.missing.map((item) => item.message).join(" ; "));
    const given = (page: typeof pageOfZoe) => page[0]!.attachments.map((slot) => `${slot.label} : ${slot.file ? "oui" : "non"}`).join(" ; ");
    expect(cells("Zoé", "Pièces jointes")).toBe(given(pageOfZoe));
    expect(cells("Zoé", "Pièces jointes")).toContain("Pièce d'identité : oui");
    expect(cells("'=HYPERLINK(\"http://x\")", "Éléments manquants")).toBe(pageOfFormula[0]!.missing.map((item) => item.message).join(" ; "));
    expect(cells("'=HYPERLINK(\"http://x\")", "Pièces jointes")).toBe(given(pageOfFormula));
    expect(cells("'=HYPERLINK(\"http://x\")", "Pièces jointes")).toContain("Pièce d'identité : non");
    expect(pageOfFormula[0]!.missing.length).toBeGreaterThan(0);
    expect(await lastAudit("applications.exported")).toMatchObject({ actorId: staff.id, details: { format: "csv" } });

    const xlsx = await exportApplications(db(), staff, { filters: filters(`q=export${token}`) }, { format: "xlsx", includeRqth: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await streamToBuffer(xlsx.stream)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Candidatures")!;
    const values = sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1).map((cell) => String(cell ?? "")));
    expect(values[0]).toContain("RQTH");
    expect(values).toHaveLength(3);
    // The header in bold, frozen above the rows; the rows in the plain style.
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(values.slice(1).map((row) => row[values[0]!.indexOf("RQTH")]).sort()).toEqual(["Non", "Oui"]);
    // In XLSX a leading "=" is text, as typed: a text cell is never evaluated, nothing to neutralise.
    expect(values.slice(1).map((row) => row[values[0]!.indexOf("Prénom")]).sort()).toEqual(["=HYPERLINK(\"http://x\")", "Zoé"]);
    expect(await lastAudit("applications.exported_with_rqth")).toMatchObject({ actorId: staff.id, details: { format: "xlsx" } });
  });
});

describe("candidates without email", () => {
  it("get a temporary password from staff, to change at the next login; those with email do not", async () => {
    const token = randomUUID().slice(0, 8);
    const person = await candidate(token, { email: null });
    const withEmail = await candidate(`${token}b`, {});
    const staff = await staffMember("gestionnaire");
    expect(await resetCandidatePassword(staff, withEmail.userId)).toMatchObject({ ok: false, error: expect.stringContaining("Mot de passe perdu") });
    const result = await resetCandidatePassword(staff, person.userId);
    if (!result.ok) throw new Error("refused");
    const [row] = await db().select({ identifier: users.identifier, mustChangePassword: users.mustChangePassword }).from(users).where(eq(users.id, person.userId));
    expect(row?.mustChangePassword).toBe(true);
    expect(await authenticate(db(), { identifier: row!.identifier, password: result.password, address: "203.0.113.9" })).toMatchObject({ status: "ok" });
    // Unchanged after 72 hours, it opens nothing any more.
    await db().update(users).set({ provisionalUntil: new Date(Date.now() - 1000) }).where(eq(users.id, person.userId));
    expect(await authenticate(db(), { identifier: row!.identifier, password: result.password, address: "203.0.113.10" })).toEqual({ status: "invalid" });
    expect(await lastAudit("account.password_reset_by_staff", person.userId)).toMatchObject({ actorId: staff.id });
    const { replaceProvisionalPassword } = await import("@/lib/accounts/password-reset");
    expect(await replaceProvisionalPassword(person.userId, "Un nouveau mot de passe bien à moi 2026 !")).toEqual({ ok: true });
    const [after] = await db().select({ mustChangePassword: users.mustChangePassword }).from(users).where(eq(users.id, person.userId));
    expect(after?.mustChangePassword).toBe(false);
    const list = await listCandidates(db(), staff, { q: `token${token}`, withoutEmail: true, page: 1 });
    expect(list.rows.map((item) => [item.id, item.applications])).toEqual([[person.userId, 1]]);
  });
});

describe("staff dashboard", () => {
  it("counts by status and completeness and by week", async () => {
    const staff = await staffMember("admin");
    const before = await loadDashboard(db(), staff);
    await candidate(randomUUID().slice(0, 8), {});
    const after = await loadDashboard(db(), staff);
    expect(after.statuses.submittedIncomplete).toBe(before.statuses.submittedIncomplete + 1);
    expect(after.perWeek).toHaveLength(26);
    expect(after.perWeek.at(-1)!.count).toBe(before.perWeek.at(-1)!.count + 1);
    expect((await loadApplicationDetails(db(), { ids: [] })).length).toBe(0);
  });
});

describe("the journal", () => {
  it("can only grow: no update, no deletion, whoever asks", async () => {
    const staff = await staffMember("admin");
    const person = await candidate(randomUUID().slice(0, 8), {});
    await addNote(staff, person.applicationId, "Une note");
    const entry = await lastAudit("application.note_added", person.applicationId);
    await expect(db().update(auditLog).set({ actorLabel: "quelqu'un d'autre" }).where(eq(auditLog.id, entry!.id))).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
    await expect(db().delete(auditLog).where(eq(auditLog.id, entry!.id))).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
    expect(await lastAudit("application.note_added", person.applicationId)).toEqual(entry);
  });
});
