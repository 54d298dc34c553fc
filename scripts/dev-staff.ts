import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createStaffAccount, StaffAccountError } from "../lib/accounts/staff";
import { shellActor } from "../lib/audit/audit";

export const devStaffEmail = "admin@aesh.localhost";

/** The development admin account: created once, its generated password kept under .data/. */
export async function ensureDevStaff(dataDir: string): Promise<{ email: string; password: string | null }> {
  const file = path.join(dataDir, "dev-staff.json");
  const saved = await readFile(file, "utf8")
    .then((text) => JSON.parse(text) as { email: string; password: string })
    .catch(() => null);
  if (saved) return saved;
  const password = `Dev-${randomBytes(9).toString("base64url")}!a1`;
  try {
    await createStaffAccount({ email: devStaffEmail, password, role: "admin" }, shellActor);
  } catch (error) {
    // The account exists but its password file was removed: leave it as is.
    if (error instanceof StaffAccountError) return { email: devStaffEmail, password: null };
    throw error;
  }
  await writeFile(file, JSON.stringify({ email: devStaffEmail, password }, null, 2), { mode: 0o600 });
  return { email: devStaffEmail, password };
}
