import { randomUUID } from "node:crypto";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../lib/db/client";
import { applicationAttachments, applications, attachmentTypes, files, postTypes, users } from "../../lib/db/schema";
import { getStorage } from "../../lib/storage/client";

/** `count` applications whose validity ended yesterday, each with an attachment stored in S3: the daily job's work. */
export async function prepareDueApplications(db: Database, count: number): Promise<void> {
  const storage = getStorage();
  const [postType] = await db.select({ id: postTypes.id }).from(postTypes).limit(1);
  const [identity] = await db.select({ id: attachmentTypes.id }).from(attachmentTypes).where(eq(attachmentTypes.label, "Pièce d'identité"));
  const pdf = Buffer.from("%PDF-1.4\n% bench\n%%EOF\n");
  for (let start = 0; start < count; start += 500) {
    const size = Math.min(500, count - start);
    const people = Array.from({ length: size }, (_, i) => {
      const email = `bench-${start + i}-${randomUUID().slice(0, 6)}@exemple.fr`;
      return { id: randomUUID(), identifier: email, email, emailVerifiedAt: new Date(), passwordHash: "bench", role: "candidate" as const, firstName: "Banc", birthName: "Essai" };
    });
    await db.insert(users).values(people);
    const rows = people.map((person) => ({ id: randomUUID(), userId: person.id, postTypeId: postType!.id, validUntil: sql`current_date - 1` as unknown as string }));
    await db.insert(applications).values(rows);
    const stored = rows.map((row) => ({ id: randomUUID(), userId: row.userId, purpose: "application_attachment" as const, storageKey: `pieces-jointes/${randomUUID()}.pdf`, originalName: "cni.pdf", size: pdf.length, contentType: "application/pdf", status: "ready" as const }));
    await db.insert(files).values(stored);
    await db.insert(applicationAttachments).values(rows.map((row, i) => ({ applicationId: row.id, attachmentTypeId: identity!.id, fileId: stored[i]!.id })));
    for (let i = 0; i < stored.length; i += 25) {
      await Promise.all(stored.slice(i, i + 25).map((file) => storage.client.send(new PutObjectCommand({ Bucket: storage.bucket, Key: file.storageKey, Body: pdf, ContentType: "application/pdf" }))));
    }
  }
}
