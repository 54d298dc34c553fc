import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { createStaffAccount, StaffAccountError } from "@/lib/accounts/staff";
import { shellActor } from "@/lib/audit/audit";
import { verifyPassword } from "@/lib/auth/password-hash";
import { getDb } from "@/lib/db/client";
import { auditLog, users } from "@/lib/db/schema";
import { strongPassword, uniqueEmail } from "../support/factories";
import { inboxClient } from "../support/inbox";

const inbox = inboxClient(inject("inboxUrl"));
const run = promisify(execFile);

async function findUser(identifier: string) {
  const [user] = await getDb()
    .select({ id: users.id, role: users.role, passwordHash: users.passwordHash, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.identifier, identifier));
  return user;
}

describe("staff accounts", () => {
  it("creates a verified staff account, logs it and tells its owner without the password", async () => {
    const email = uniqueEmail("Gestion");
    const password = strongPassword();
    const { id } = await createStaffAccount({ email, password, role: "gestionnaire" }, shellActor);

    const user = await findUser(email.toLowerCase());
    expect(user).toMatchObject({ id, role: "gestionnaire" });
    expect(user?.emailVerifiedAt).not.toBeNull();
    expect(await verifyPassword(password, user!.passwordHash)).toBe(true);
    expect(await verifyPassword(`${password}x`, user!.passwordHash)).toBe(false);

    const [entry] = await getDb().select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(entry).toMatchObject({ action: "staff.created", actorLabel: "ligne de commande" });

    const mail = await inbox.waitFor(email);
    expect(mail.text).toContain("gestionnaire");
    expect(mail.text).not.toContain(password);
  });

  it("refuses a weak password and a taken address, changing nothing", async () => {
    const email = uniqueEmail("faible");
    await expect(createStaffAccount({ email, password: "Azerty123!", role: "admin" }, shellActor)).rejects.toThrow(
      /trop facile à deviner/,
    );
    expect(await findUser(email)).toBeUndefined();

    const taken = uniqueEmail("pris");
    await createStaffAccount({ email: taken, password: strongPassword(), role: "admin" }, shellActor);
    const error = await createStaffAccount({ email: taken, password: strongPassword(), role: "admin" }, shellActor).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StaffAccountError);
    expect((error as Error).message).toBe(`Un compte existe déjà pour ${taken}.`);
  });

  it("is reachable from the shell: npm run staff:create refuses a weak password with a French message", async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const email = uniqueEmail("cli");
    const result = await run(
      path.join(root, "node_modules/.bin/tsx"),
      ["--import", "./scripts/node/register.mjs", "scripts/staff-create.ts", "--email", email, "--password", "court", "--role", "admin"],
      { cwd: root },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr).toContain("Le mot de passe doit contenir au moins 8 caractères.");
    expect(await findUser(email)).toBeUndefined();

    const created = await run(
      path.join(root, "node_modules/.bin/tsx"),
      ["--import", "./scripts/node/register.mjs", "scripts/staff-create.ts", "--email", email, "--password", strongPassword(), "--role", "admin"],
      { cwd: root },
    );
    expect(created.stdout).toContain(`Compte admin créé pour ${email}`);
    expect(await findUser(email)).toMatchObject({ role: "admin" });
  });
});
