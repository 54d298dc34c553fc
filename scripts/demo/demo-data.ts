import { randomUUID } from "node:crypto";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { and, count, eq, lt, sql } from "drizzle-orm";
import { todayIso } from "../../lib/format/date";
import { hashPassword } from "../../lib/auth/password-hash";
import { writeChoices } from "../../lib/applications/choices";
import { refreshCompleteness } from "../../lib/applications/commands";
import { initialValidity } from "../../lib/renewals/rules";
import type { Database } from "../../lib/db/client";
import {
  applicationAttachments,
  applicationMessages,
  applications,
  attachmentTypes,
  diplomas,
  diplomaTypes,
  files,
  postTypes,
  staffNotes,
  statusEvents,
  teachingTypes,
  users,
  workingTimes,
  zones,
} from "../../lib/db/schema";
import { env } from "../../lib/env";
import type { Storage } from "../../lib/storage/client";
import { samplePdf } from "../services/sample-pdf";

/**
 * Fictional candidates for a local platform (`npm run db:seed -- --demo`, and `npm run dev` on
 * an empty database), so a newcomer sees a populated staff space: applications in every
 * status, complete or not, with wishes, small PDFs, diplomas, messages and notes. Refused on
 * anything but a local address.
 */

export const demoPassword = "Démonstration 2026 !";

const firstNames = ["Camille", "Léa", "Chloé", "Manon", "Inès", "Hélène", "Zoé", "Maëlys", "Sarah", "Nadia", "Claire", "Aurélie", "Sophie", "Élodie", "Julie", "Marie", "Fatima", "Océane", "Justine", "Amandine", "Lucas", "Hugo", "Noé", "Benoît", "Thomas", "Karim", "Mathis", "Jérôme", "Nicolas", "Sébastien", "Dominique", "Alix", "Yannick", "Loïc", "François", "Rémi", "Anaïs", "Solène", "Mélanie", "Gaëlle"];
const lastNames = ["Martin", "Bernard", "Dubois", "Lefèvre", "Leroy", "Moreau", "Lemaire", "Dupont", "Delattre", "Vandenbussche", "Lefebvre", "Duhamel", "Carpentier", "Dufour", "Mercier", "Benali", "Durand", "Fontaine", "Deschamps", "Caron", "Lecomte", "Bouchez", "Dhainaut", "Wattel", "Delannoy", "Boulanger", "Hérault", "Lemoine", "Van de Walle", "Debève"];
const cities = ["Lille", "Douai", "Cambrai", "Arras", "Lens", "Valenciennes", "Dunkerque", "Roubaix", "Tourcoing", "Béthune", "Calais", "Boulogne-sur-Mer", "Maubeuge", "Saint-Omer"];
const staffMessages = [
  "Bonjour, votre pièce d'identité est illisible : pourriez-vous la déposer à nouveau, en couleur ?",
  "Bonjour, pouvez-vous préciser vos disponibilités pour un entretien la semaine prochaine ?",
  "Bonjour, votre diplôme n'est pas joint : merci de l'ajouter dans « Mes diplômes ».",
];
const candidateAnswers = ["Bonjour, c'est fait, je l'ai déposée de nouveau ce matin. Cordialement.", "Je suis disponible mardi et jeudi après-midi.", "Merci, je l'ajoute ce soir."];

/** A small deterministic generator: the same demo every time. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (probability: number) => next() < probability,
  };
}

const fold = (value: string) => value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z]+/g, "-");

export function assertLocalPlatform(): void {
  const host = new URL(env().APP_URL).hostname;
  if (env().NODE_ENV === "production" || !["localhost", "127.0.0.1", "::1"].includes(host)) {
    throw new Error(`Données de démonstration refusées : la plateforme n'est pas locale (${env().APP_URL}).`);
  }
}

export async function hasCandidates(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.role, "candidate"));
  return (row?.n ?? 0) > 0;
}

/** Loads `size` fictional candidates (about 1.2 application each); returns how many applications. */
export async function loadDemoData(deps: { db: Database; storage: Storage }, size = 300): Promise<{ candidates: number; applications: number }> {
  assertLocalPlatform();
  const { db, storage } = deps;
  const rng = random(20261130);
  const [postTypeRows, zoneRows, timeRows, teachingRows, typeRows, diplomaTypeRows] = await Promise.all([
    db.select({ id: postTypes.id }).from(postTypes),
    db.select({ id: zones.id }).from(zones),
    db.select({ id: workingTimes.id }).from(workingTimes),
    db.select({ id: teachingTypes.id }).from(teachingTypes),
    db.select({ id: attachmentTypes.id, postTypeId: attachmentTypes.postTypeId, required: attachmentTypes.required, label: attachmentTypes.label }).from(attachmentTypes),
    db.select({ id: diplomaTypes.id, label: diplomaTypes.label }).from(diplomaTypes),
  ]);
  if (postTypeRows.length === 0 || zoneRows.length === 0) throw new Error("Chargez d'abord les données de référence (npm run db:seed).");
  const passwordHash = await hashPassword(demoPassword);
  const [staffMember] = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
  // Every stored file is one small PDF per kind, uploaded once under distinct keys.
  const pdfs = { identity: samplePdf(3000, "Piece d'identite (demonstration)"), cv: samplePdf(3000, "CV (demonstration)"), diploma: samplePdf(3000, "Diplome (demonstration)") };
  const uploads: { key: string; body: Buffer }[] = [];
  const now = Date.now();
  let applicationCount = 0;
  const createdApplications: string[] = [];

  await db.transaction(async (tx) => {
    for (let index = 0; index < size; index += 1) {
      const firstName = rng.pick(firstNames);
      const birthName = rng.pick(lastNames);
      const withEmail = !rng.chance(0.05);
      const identifier = withEmail ? `${fold(firstName)}.${fold(birthName)}.${index + 1}@exemple.fr` : `aesh-demo-${String(index + 1).padStart(4, "0")}`;
      const createdAt = new Date(now - rng.int(200) * 86_400_000 - rng.int(86_400_000));
      const [user] = await tx
        .insert(users)
        .values({
          identifier,
          email: withEmail ? identifier : null,
          emailVerifiedAt: withEmail ? createdAt : null,
          passwordHash,
          role: "candidate",
          civility: rng.chance(0.85) ? "madame" : "monsieur",
          firstName,
          birthName,
          usageName: rng.chance(0.2) ? rng.pick(lastNames) : null,
          birthDate: `${1965 + rng.int(40)}-${String(1 + rng.int(12)).padStart(2, "0")}-${String(1 + rng.int(28)).padStart(2, "0")}`,
          birthPlace: rng.pick(cities),
          nationality: "FR",
          phone: withEmail && rng.chance(0.4) ? null : `06${String(10_000_000 + rng.int(89_999_999))}`,
          createdAt,
          lastLoginAt: new Date(createdAt.getTime() + rng.int(20) * 86_400_000),
        })
        .returning({ id: users.id });
      const userId = user!.id;

      if (rng.chance(0.6)) {
        const fileId = randomUUID();
        const key = `diplomes/${fileId}.pdf`;
        uploads.push({ key, body: pdfs.diploma });
        await tx.insert(files).values({ id: fileId, userId, purpose: "diploma", storageKey: key, originalName: "diplome.pdf", size: pdfs.diploma.length, contentType: "application/pdf", status: "ready", confirmedAt: createdAt });
        const type = rng.pick(diplomaTypeRows);
        await tx.insert(diplomas).values({ userId, label: type.label, diplomaTypeId: type.id, obtainedOn: `${2000 + rng.int(24)}-07-01`, institution: `Lycée de ${rng.pick(cities)}`, country: "FR", city: rng.pick(cities), fileId });
      }

      if (rng.chance(0.08)) continue; // an account that never applied
      const postType = rng.pick(postTypeRows);
      const submittedAt = createdAt;
      const status = rng.chance(0.55) ? "submitted" : rng.pick(["in_review", "in_review", "recruited", "rejected", "withdrawn"] as const);
      const [application] = await tx
        .insert(applications)
        .values({
          userId,
          postTypeId: postType.id,
          status,
          rqth: rng.pick(["yes", "no", "no", "no", "pending", "undisclosed", null] as const),
          submittedAt,
          validUntil: initialValidity(submittedAt, 6),
          university: rng.chance(0.3) ? "Université de Lille" : null,
          curriculum: rng.chance(0.3) ? "MEEF" : null,
          level: rng.chance(0.3) ? "Master 1re année (M1)" : null,
          createdAt: submittedAt,
        })
        .returning({ id: applications.id });
      const applicationId = application!.id;
      createdApplications.push(applicationId);
      applicationCount += 1;
      const incomplete = rng.chance(0.25);
      await writeChoices(tx, applicationId, {
        teachingTypes: !incomplete || rng.chance(0.5) ? [rng.pick(teachingRows).id] : [],
        zones: !incomplete || rng.chance(0.5) ? [...new Set(Array.from({ length: 1 + rng.int(3) }, () => rng.pick(zoneRows).id))] : [],
        workingTimes: [rng.pick(timeRows).id],
      });
      for (const type of typeRows.filter((row) => row.postTypeId === postType.id)) {
        if (type.required ? incomplete && rng.chance(0.5) : rng.chance(0.5)) continue;
        const fileId = randomUUID();
        const key = `pieces-jointes/${fileId}.pdf`;
        const body = type.required ? pdfs.identity : pdfs.cv;
        uploads.push({ key, body });
        await tx.insert(files).values({ id: fileId, userId, purpose: "application_attachment", storageKey: key, originalName: `${fold(type.label)}.pdf`, size: body.length, contentType: "application/pdf", status: "ready", confirmedAt: submittedAt });
        await tx.insert(applicationAttachments).values({ applicationId, attachmentTypeId: type.id, fileId });
      }
      await tx.insert(statusEvents).values({ applicationId, kind: "submitted", toStatus: "submitted", actorId: userId, createdAt: submittedAt });
      if (status !== "submitted") {
        await tx.insert(statusEvents).values({ applicationId, kind: status === "withdrawn" ? "withdrawn" : "status_changed", fromStatus: "submitted", toStatus: status, actorId: status === "withdrawn" ? userId : (staffMember?.id ?? null), comment: status === "rejected" ? "Profil ne correspondant pas aux besoins actuels." : null });
      }
      if (staffMember && rng.chance(0.2)) {
        const message = rng.int(staffMessages.length);
        await tx.insert(applicationMessages).values({ applicationId, authorId: staffMember.id, fromStaff: true, body: staffMessages[message]!, createdAt: new Date(submittedAt.getTime() + 86_400_000), readAt: rng.chance(0.7) ? new Date() : null });
        if (rng.chance(0.6)) {
          await tx.insert(applicationMessages).values({ applicationId, authorId: userId, fromStaff: false, body: candidateAnswers[message]!, createdAt: new Date(submittedAt.getTime() + 2 * 86_400_000), readAt: rng.chance(0.4) ? new Date() : null });
        }
      }
      if (staffMember && rng.chance(0.1)) {
        await tx.insert(staffNotes).values({ applicationId, authorId: staffMember.id, body: "Entretien téléphonique positif ; expérience en IME." });
      }
    }
    await refreshCompleteness(tx, createdApplications);
    // As if the daily job had run: submitted applications past their validity have had their
    // renewal notice (the follow-up page and the dashboard then have something to show).
    await tx
      .update(applications)
      .set({ renewalNoticeSentAt: sql`(${applications.validUntil} + 1)::timestamp at time zone 'Europe/Paris'` })
      .where(and(eq(applications.status, "submitted"), lt(applications.validUntil, todayIso())));
  });
  for (const upload of uploads) {
    await storage.client.send(new PutObjectCommand({ Bucket: storage.bucket, Key: upload.key, Body: upload.body, ContentType: "application/pdf" }));
  }
  return { candidates: size, applications: applicationCount };
}
