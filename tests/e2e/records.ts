import { readFile } from "node:fs/promises";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type postgres from "postgres";
import { samplePdf } from "../../scripts/services/sample-pdf";
import { e2eEnvFile } from "./ports";

export type CandidateRecords = {
  candidateId: string;
  applicationId: string;
  diplomaId: string;
  attachmentFileId: string;
  diplomaFileId: string;
  attachmentTypeId: string;
  zoneId: string;
};

/**
 * A candidate's records written straight to the e2e database (faster than the forms, which
 * other tests drive): an application whose first wish is in the Nord (59), an attachment, a
 * diploma with its scan, both stored (opening a file checks that storage has it).
 */
export async function seedCandidateRecords(sql: postgres.Sql, email: string, tag: string): Promise<CandidateRecords> {
  const [candidate] = await sql<{ id: string }[]>`select id from users where email = ${email}`;
  const [reference] = await sql<{ postTypeId: string; zoneId: string; workingTimeId: string; attachmentTypeId: string; diplomaTypeId: string }[]>`
    select (select id from post_types where active order by rank limit 1) as "postTypeId",
           (select id from zones where department = '59' and active order by rank limit 1) as "zoneId",
           (select id from working_times order by rank limit 1) as "workingTimeId",
           (select a.id from attachment_types a join post_types p on p.id = a.post_type_id where p.active order by p.rank, a.rank limit 1) as "attachmentTypeId",
           (select id from diploma_types order by rank limit 1) as "diplomaTypeId"`;
  const [application] = await sql<{ id: string }[]>`
    insert into applications (user_id, post_type_id, rqth, valid_until) values (${candidate!.id}, ${reference!.postTypeId}, 'no', current_date + 180) returning id`;
  await sql`insert into application_zones (application_id, zone_id, rank) values (${application!.id}, ${reference!.zoneId}, 1)`;
  await sql`insert into application_working_times (application_id, working_time_id, rank) values (${application!.id}, ${reference!.workingTimeId}, 1)`;
  const fileRow = (purpose: string) =>
    sql<{ id: string }[]>`insert into files (user_id, purpose, storage_key, original_name, size, content_type, status, confirmed_at)
      values (${candidate!.id}, ${purpose}, ${`${tag}/${purpose}.pdf`}, 'piece.pdf', 1000, 'application/pdf', 'ready', now()) returning id`;
  const [attachmentFile] = await fileRow("application_attachment");
  const [diplomaFile] = await fileRow("diploma");
  await storeObjects([`${tag}/application_attachment.pdf`, `${tag}/diploma.pdf`]);
  await sql`insert into application_attachments (application_id, attachment_type_id, file_id) values (${application!.id}, ${reference!.attachmentTypeId}, ${attachmentFile!.id})`;
  const [diploma] = await sql<{ id: string }[]>`
    insert into diplomas (user_id, label, diploma_type_id, institution, country, city, file_id)
    values (${candidate!.id}, 'Baccalauréat', ${reference!.diplomaTypeId}, 'Lycée Châtelet', 'FR', 'Douai', ${diplomaFile!.id}) returning id`;
  return {
    candidateId: candidate!.id,
    applicationId: application!.id,
    diplomaId: diploma!.id,
    attachmentFileId: attachmentFile!.id,
    diplomaFileId: diplomaFile!.id,
    attachmentTypeId: reference!.attachmentTypeId,
    zoneId: reference!.zoneId,
  };
}

/**
 * A route of the build's manifest ("/candidatures/[id]") as a path to request, its dynamic
 * segments filled with the candidate's records (a staff member for "/admin/equipe/[id]") and
 * an unknown token for one-time links.
 */
export function concreteRoute(route: string, records: CandidateRecords & { staffMemberId: string }): string {
  return route
    .replace("/candidatures/[id]", `/candidatures/${records.applicationId}`)
    .replace("/diplomes/[id]", `/diplomes/${records.diplomaId}`)
    .replace("/admin/fichiers/[id]", `/admin/fichiers/${records.attachmentFileId}`)
    .replace("/fichiers/[id]", `/fichiers/${records.diplomaFileId}`)
    .replace("/candidats/[id]", `/candidats/${records.candidateId}`)
    .replace("/equipe/[id]", `/equipe/${records.staffMemberId}`)
    .replace("/referentiels/[kind]/[id]", `/referentiels/zones/${records.zoneId}`)
    .replace("/referentiels/[kind]", "/referentiels/zones")
    .replace("/api/auth/[...nextauth]", "/api/auth/session")
    .replace(/\[token\]/, "jeton-inconnu-0123456789abcdefghijklmnopqrstuv");
}

/** Puts a small PDF under each key in the e2e stack's storage. */
async function storeObjects(keys: string[]) {
  const env = JSON.parse(await readFile(e2eEnvFile, "utf8")) as Record<string, string>;
  const client = new S3Client({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === "true",
    credentials: { accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY! },
  });
  try {
    for (const key of keys) {
      await client.send(new PutObjectCommand({ Bucket: env.S3_BUCKET, Key: key, Body: samplePdf(1000), ContentType: "application/pdf" }));
    }
  } finally {
    client.destroy();
  }
}
