import "server-only";
import { createElement } from "react";
import { z } from "zod";
import { StaffAccountCreatedEmail, staffAccountCreatedSubject } from "../../emails/staff-account-created";
import { recordAudit, type AuditActor } from "../audit/audit";
import { hashPassword } from "../auth/password-hash";
import { isUniqueViolation } from "../db/errors";
import { users } from "../db/schema";
import { appLink, loadBranding } from "../mail/branding";
import { transactionWithMail, type MailDeps } from "../mail/outbox";
import { checkPassword } from "./password-policy";

export const staffRoles = ["gestionnaire", "admin"] as const;
export type StaffRole = (typeof staffRoles)[number];
export const staffRoleLabels: Record<StaffRole, string> = { gestionnaire: "gestionnaire", admin: "administrateur" };

export const staffAccountInput = z.object({
  email: z.email("L'adresse électronique n'est pas valide.").transform((value) => value.trim().toLowerCase()),
  password: z.string(),
  role: z.enum(staffRoles, "Le rôle doit être « gestionnaire » ou « admin »."),
});

export class StaffAccountError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(" "));
    this.name = "StaffAccountError";
  }
}

/** Creates a staff account and tells its owner by mail (never the password). */
export async function createStaffAccount(
  input: z.input<typeof staffAccountInput>,
  actor: AuditActor,
  deps?: MailDeps,
): Promise<{ id: string }> {
  const parsed = staffAccountInput.safeParse(input);
  if (!parsed.success) throw new StaffAccountError(parsed.error.issues.map((issue) => issue.message));
  const { email, password, role } = parsed.data;
  const { problems } = checkPassword(password, [email]);
  if (problems.length > 0) throw new StaffAccountError(problems);
  const passwordHash = await hashPassword(password);

  try {
    return await insertStaffAccount({ email, passwordHash, role }, actor, deps);
  } catch (error) {
    if (isUniqueViolation(error)) throw new StaffAccountError([`Un compte existe déjà pour ${email}.`]);
    throw error;
  }
}

async function insertStaffAccount(
  account: { email: string; passwordHash: string; role: StaffRole },
  actor: AuditActor,
  deps?: MailDeps,
): Promise<{ id: string }> {
  const { email, passwordHash, role } = account;
  return transactionWithMail(async (tx, outbox) => {
    const [created] = await tx
      .insert(users)
      .values({ identifier: email, email, emailVerifiedAt: new Date(), passwordHash, role })
      .returning({ id: users.id });
    if (!created) throw new Error("users insert returned no row");
    await recordAudit(tx, {
      actor,
      action: "staff.created",
      entityType: "user",
      entityId: created.id,
      details: { email, role },
    });
    const branding = await loadBranding(tx);
    await outbox.enqueue({
      template: "staff-account-created",
      to: email,
      userId: created.id,
      subject: staffAccountCreatedSubject(branding),
      element: createElement(StaffAccountCreatedEmail, {
        branding,
        email,
        roleLabel: staffRoleLabels[role],
        loginUrl: appLink("/"),
      }),
    });
    return created;
  }, deps);
}
