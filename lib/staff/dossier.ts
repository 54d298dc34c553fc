import "server-only";
import { GetObjectCommand, HeadObjectCommand, NotFound } from "@aws-sdk/client-s3";
import { Readable } from "node:stream";
import { ZipFile } from "yazl";
import { staffStatusLabel } from "../applications/status";
import { recordAudit } from "../audit/audit";
import type { Database } from "../db/client";
import { files } from "../db/schema";
import { formatFileSize, formatFrenchDate } from "../format/date";
import type { Storage } from "../storage/client";
import { inArray } from "drizzle-orm";
import { staffActor, type StaffMember } from "./access";
import { loadStaffCandidature, type StaffCandidature } from "./candidature";

/**
 * "Télécharger le dossier": one ZIP streamed from storage (nothing is held in memory or on
 * disk), with every attachment and diploma under a human name and a printable summary. RQTH
 * stays out of it (the file may be forwarded; the staff space shows it behind its notice).
 */

/** A file name any system accepts, from a label a person wrote. */
export function safeFileName(label: string): string {
  const cleaned = label
    .normalize("NFC")
    .replace(/[\u0000-\u001f\\/:*?"<>|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  return (cleaned || "document").slice(0, 120);
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The printable summary: identity, wishes, completeness, documents, history. */
export function dossierSummaryHtml(candidature: StaffCandidature): string {
  const { application, candidate } = candidature;
  const row = (label: string, value: string | null | undefined) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value || "—")}</td></tr>`;
  const ranked = (items: { label: string }[]) => (items.length ? `<ol>${items.map((item) => `<li>${escapeHtml(item.label)}</li>`).join("")}</ol>` : "<p>—</p>");
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Candidature ${escapeHtml(application.postType.label)} – ${escapeHtml(candidate.name)}</title>
<style>body{font-family:Arial,sans-serif;font-size:12pt;margin:2cm;color:#161616}h1{font-size:18pt}h2{font-size:14pt;border-bottom:1px solid #999;margin-top:1.5em}table{border-collapse:collapse}th{text-align:left;padding:2px 12px 2px 0;vertical-align:top}td{padding:2px 0}</style>
</head><body>
<h1>Candidature ${escapeHtml(application.postType.label)}</h1>
<p>${escapeHtml(candidate.name)} — statut : ${escapeHtml(staffStatusLabel(application.status, application.missing.length === 0))} — déposée le ${formatFrenchDate(application.submittedAt)}, valable jusqu'au ${formatFrenchDate(application.validUntil)}</p>
<h2>Identité et coordonnées</h2>
<table>${row("Civilité", candidate.civility)}${row("Nom d'usage", candidate.usageName)}${row("Nom patronymique", candidate.birthName)}${row("Prénom", candidate.firstName)}${row("Date de naissance", candidate.birthDate ? formatFrenchDate(candidate.birthDate) : null)}${row("Lieu de naissance", candidate.birthPlace)}${row("Nationalité", candidate.nationality)}${row("Identifiant", candidate.identifier)}${row("Courriel", candidate.email)}${row("Téléphone", candidate.phone)}${row("Informations complémentaires", candidate.misc)}</table>
<h2>Complétude</h2>
${application.missing.length ? `<ul>${application.missing.map((item) => `<li>${escapeHtml(item.message)}</li>`).join("")}</ul>` : "<p>Candidature complète.</p>"}
<h2>Types d'enseignement souhaités</h2>${ranked(application.teachingTypes)}
<h2>Zones géographiques souhaitées</h2>${ranked(application.zones)}
<h2>Quotités souhaitées</h2>${ranked(application.workingTimes)}
<h2>Inscription universitaire</h2>
<table>${row("Université", application.university)}${row("Composante", application.component)}${row("Formation", application.program)}${row("Cursus", application.curriculum)}${row("Niveau d'inscription", application.level)}${row("INE", application.ine)}</table>
<h2>Pièces jointes</h2>
<ul>${application.attachments.map((slot) => `<li>${escapeHtml(slot.label)} : ${slot.file ? `${escapeHtml(slot.file.name)} (${formatFileSize(slot.file.size)})` : "aucun fichier"}</li>`).join("")}</ul>
<h2>Diplômes</h2>
${candidature.diplomas.length ? `<ul>${candidature.diplomas.map((diploma) => `<li>${escapeHtml(diploma.label)} — ${escapeHtml(diploma.diplomaType.label)}${diploma.obtainedOn ? `, obtenu le ${formatFrenchDate(diploma.obtainedOn)}` : ""}, ${escapeHtml(diploma.institution)} (${escapeHtml(diploma.city)}, ${escapeHtml(diploma.countryName)})${diploma.file ? "" : " — sans fichier"}</li>`).join("")}</ul>` : "<p>Aucun diplôme indiqué.</p>"}
<h2>Historique</h2>
<ul>${candidature.history.map((entry) => `<li>${formatFrenchDate(entry.at)} — ${escapeHtml(entry.title)}${entry.detail ? ` : ${escapeHtml(entry.detail)}` : ""}${entry.actor ? ` (${escapeHtml(entry.actor)})` : ""}</li>`).join("")}</ul>
<p><small>La reconnaissance de la qualité de travailleur handicapé n'est pas reprise dans ce dossier : elle se consulte dans l'espace de gestion.</small></p>
</body></html>
`;
}

export type Dossier = { fileName: string; stream: Readable };

/** Storage did not answer while the dossier was being prepared: nothing was sent yet. */
export class DossierStorageUnavailable extends Error {}

/** The ZIP of one candidature, or null when it is not visible to this staff member. */
export async function buildDossier(deps: { db: Database; storage: Storage }, staff: StaffMember, applicationId: string): Promise<Dossier | null> {
  const candidature = await loadStaffCandidature(deps.db, staff, applicationId);
  if (!candidature) return null;
  const { application, candidate } = candidature;
  const entries: { path: string; fileId: string }[] = [];
  application.attachments.forEach((slot, index) => {
    if (slot.file) entries.push({ path: `${String(index + 1).padStart(2, "0")} - ${safeFileName(slot.label)} - ${safeFileName(slot.file.name)}`, fileId: slot.file.id });
  });
  candidature.diplomas.forEach((diploma, index) => {
    if (diploma.file) entries.push({ path: `Diplômes/${String(index + 1).padStart(2, "0")} - ${safeFileName(diploma.label)} - ${safeFileName(diploma.file.name)}`, fileId: diploma.file.id });
  });
  const keys = entries.length
    ? await deps.db.select({ id: files.id, key: files.storageKey }).from(files).where(inArray(files.id, entries.map((entry) => entry.fileId)))
    : [];
  // Every object is looked up before the first byte goes out: once the ZIP streams, a failure
  // can only cut the download short. A missing object is named in the ZIP; storage that does
  // not answer gets the staff member a message instead of a broken file.
  const present: typeof entries = [];
  const missing: string[] = [];
  for (const entry of entries) {
    const key = keys.find((row) => row.id === entry.fileId)?.key;
    if (!key) continue;
    try {
      await deps.storage.client.send(new HeadObjectCommand({ Bucket: deps.storage.bucket, Key: key }));
      present.push(entry);
    } catch (error) {
      if (!(error instanceof NotFound)) throw new DossierStorageUnavailable("storage_unavailable", { cause: error });
      missing.push(entry.path);
    }
  }
  await recordAudit(deps.db, {
    actor: staffActor(staff),
    action: "application.dossier_downloaded",
    entityType: "application",
    entityId: applicationId,
    details: { files: entries.length },
  });

  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(dossierSummaryHtml(candidature), "utf8"), "00 - Récapitulatif de la candidature.html");
  if (missing.length) {
    const note = `Ces fichiers sont enregistrés pour la candidature mais introuvables dans le stockage ; le candidat peut les déposer à nouveau :\r\n\r\n${missing.map((path) => `- ${path}`).join("\r\n")}\r\n`;
    zip.addBuffer(Buffer.from(note, "utf8"), "00 - Fichiers introuvables.txt");
  }
  for (const entry of present) {
    const key = keys.find((row) => row.id === entry.fileId)?.key;
    if (!key) continue;
    // Fetched one at a time, when the ZIP reaches it: memory stays flat whatever the sizes.
    zip.addReadStreamLazy(entry.path.endsWith(".pdf") ? entry.path : `${entry.path}.pdf`, { compress: false }, (callback) => {
      deps.storage.client
        .send(new GetObjectCommand({ Bucket: deps.storage.bucket, Key: key }))
        .then((object) => callback(null, object.Body as Readable))
        .catch((error: unknown) => callback(error, Readable.from([])));
    });
  }
  zip.end();
  const output = Readable.from(zip.outputStream as Readable);
  // A read failing mid-way (storage gone since the lookup) ends the download with an error
  // instead of leaving it hanging.
  zip.on("error", (error: Error) => output.destroy(error));
  const name = safeFileName(`Candidature ${application.postType.label} - ${candidate.name}`);
  return { fileName: `${name}.zip`, stream: output };
}
