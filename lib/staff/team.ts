import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, count, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { createElement } from "react";
import { z } from "zod";
import { StaffInvitationEmail, staffInvitationSubject } from "../../emails/staff-invitation";
import { staffRoleLabels } from "../accounts/staff";
import { checkPassword } from "../accounts/password-policy";
import { recordAudit } from "../audit/audit";
import { hashPassword } from "../auth/password-hash";
import { consumeToken, issueToken, peekToken, supersedeTokens, type TokenFailure } from "../auth/tokens";
import { getDb, type Queryable, type Transaction } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { staffDepartements, staffPasskeys, staffTotp, users, zones } from "../db/schema";
import { appLink, loadBranding } from "../mail/branding";
import { transactionWithMail, type MailDeps, type Outbox } from "../mail/outbox";
import { isUuid } from "../validation";
import { assertAdmin, departementCode, isStaffRole, staffActor, type StaffMember, type StaffRole } from "./access";
import { endStaffSessionsOf } from "./sessions";

/**
 * "Équipe" (/admin/equipe, admins): invitations by mail (a link valid 48 hours, once, to set a
 * password), roles, a gestionnaire's départements, deactivation (their sessions end at once).
 */

export const invitationValidHours = 48;

export type TeamMember = {
  id: string;
  email: string;
  role: StaffRole;
  departements: string[];
  state: "active" | "invited" | "disabled";
  lastLoginAt: Date | null;
  createdAt: Date;
  /** Their second factors: passkeys and whether an authenticator app is set. */
  factors: { passkeys: number; totp: boolean };
};

/** The départements zones belong to, for the perimeter checkboxes. */
export async function knownDepartements(db: Queryable): Promise<string[]> {
  const rows = await db.selectDistinct({ code: zones.department }).from(zones).orderBy(asc(zones.department));
  return rows.map((row) => row.code);
}

export async function listTeam(db: Queryable, admin: StaffMember): Promise<TeamMember[]> {
  assertAdmin(admin);
  const [people, perimeters, passkeys, apps] = await Promise.all([
    db
      .select({ id: users.id, email: users.identifier, role: users.role, verifiedAt: users.emailVerifiedAt, disabledAt: users.disabledAt, lastLoginAt: users.lastLoginAt, createdAt: users.createdAt })
      .from(users)
      .where(inArray(users.role, ["gestionnaire", "admin"]))
      .orderBy(asc(users.identifier)),
    db.select({ userId: staffDepartements.userId, code: staffDepartements.departement }).from(staffDepartements),
    db.select({ userId: staffPasskeys.userId, n: count() }).from(staffPasskeys).groupBy(staffPasskeys.userId),
    db.select({ userId: staffTotp.userId }).from(staffTotp).where(isNotNull(staffTotp.secret)),
  ]);
  return people
    .filter((person): person is typeof person & { role: StaffRole } => isStaffRole(person.role))
    .map((person) => ({
      id: person.id,
      email: person.email,
      role: person.role,
      departements: person.role === "admin" ? [] : perimeters.filter((row) => row.userId === person.id).map((row) => row.code).sort(),
      state: person.disabledAt ? "disabled" : person.verifiedAt ? "active" : "invited",
      lastLoginAt: person.lastLoginAt,
      createdAt: person.createdAt,
      factors: { passkeys: passkeys.find((row) => row.userId === person.id)?.n ?? 0, totp: apps.some((row) => row.userId === person.id) },
    }));
}

const departementsSchema = z
  .array(z.string().regex(departementCode, "Choisissez les départements dans la liste."), { message: "Choisissez les départements dans la liste." })
  .max(20, "Choisissez au plus 20 départements.");

export const invitationSchema = z.object({
  email: z
    .string({ message: "Indiquez l'adresse électronique de la personne." })
    .trim()
    .toLowerCase()
    .pipe(z.email("Indiquez une adresse électronique valide, par exemple prenom.nom@ac-lille.fr.")),
  role: z.enum(["gestionnaire", "admin"], { message: "Choisissez le rôle : gestionnaire ou administrateur." }),
  departements: departementsSchema,
});

export type TeamResult = { ok: true } | { ok: false; errors: Partial<Record<string, string>> } | { ok: false; notFound: true };

async function sendInvitation(tx: Transaction, outbox: Outbox, member: { id: string; email: string; role: StaffRole }) {
  await supersedeTokens(tx, member.id, "staff_invitation");
  const token = await issueToken(tx, { userId: member.id, purpose: "staff_invitation", validMinutes: invitationValidHours * 60 });
  await outbox.enqueue({
    template: "staff-invitation",
    to: member.email,
    userId: member.id,
    subject: staffInvitationSubject(),
    element: createElement(StaffInvitationEmail, {
      branding: await loadBranding(tx),
      roleLabel: staffRoleLabels[member.role],
      invitationUrl: appLink(`/invitation/${token}`),
      validHours: invitationValidHours,
    }),
  });
}

async function writeDepartements(tx: Transaction, userId: string, role: StaffRole, codes: string[]) {
  await tx.delete(staffDepartements).where(eq(staffDepartements.userId, userId));
  // An admin sees the whole académie: a perimeter would mean nothing.
  if (role === "gestionnaire" && codes.length) await tx.insert(staffDepartements).values([...new Set(codes)].map((departement) => ({ userId, departement })));
}

/** "Inviter": a staff account without a usable password, and a mailed link to choose one. */
export async function inviteStaff(admin: StaffMember, input: unknown, deps?: MailDeps): Promise<TeamResult> {
  assertAdmin(admin);
  const parsed = invitationSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Partial<Record<string, string>> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { ok: false, errors };
  }
  const { email, role, departements } = parsed.data;
  // Nobody knows this password: the invitation sets the real one.
  const unusable = await hashPassword(randomBytes(32).toString("base64url"));
  try {
    return await transactionWithMail(async (tx, outbox) => {
      const [created] = await tx.insert(users).values({ identifier: email, email, passwordHash: unusable, role }).returning({ id: users.id });
      await writeDepartements(tx, created!.id, role, departements);
      await sendInvitation(tx, outbox, { id: created!.id, email, role });
      await recordAudit(tx, { actor: staffActor(admin), action: "staff.invited", entityType: "user", entityId: created!.id, details: { email, role, departements } });
      return { ok: true as const };
    }, deps);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { email: "Un compte existe déjà pour cette adresse." } };
    throw error;
  }
}

async function lockMember(tx: Transaction, userId: string) {
  if (!isUuid(userId)) return null;
  const [member] = await tx
    .select({ id: users.id, email: users.identifier, role: users.role, verifiedAt: users.emailVerifiedAt, disabledAt: users.disabledAt })
    .from(users)
    .where(and(eq(users.id, userId), inArray(users.role, ["gestionnaire", "admin"])))
    .for("update");
  return member && isStaffRole(member.role) ? { ...member, role: member.role } : null;
}

/** Active admins other than `userId`: the académie must keep at least one. */
async function otherActiveAdmins(tx: Transaction, userId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, userId)));
  return row?.n ?? 0;
}

/** Role and départements of a member, changed together. Nobody changes their own role. */
export async function updateMember(admin: StaffMember, userId: string, input: unknown): Promise<TeamResult> {
  assertAdmin(admin);
  const parsed = z.object({ role: invitationSchema.shape.role, departements: departementsSchema }).safeParse(input);
  if (!parsed.success) {
    const errors: Partial<Record<string, string>> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { ok: false, errors };
  }
  return getDb().transaction(async (tx) => {
    const member = await lockMember(tx, userId);
    if (!member) return { ok: false as const, notFound: true as const };
    const { role, departements } = parsed.data;
    if (member.id === admin.id && role !== member.role) return { ok: false as const, errors: { role: "Vous ne pouvez pas changer votre propre rôle : demandez-le à un autre administrateur." } };
    if (member.role === "admin" && role !== "admin" && (await otherActiveAdmins(tx, member.id)) === 0) {
      return { ok: false as const, errors: { role: "C'est le dernier administrateur actif : nommez-en un autre d'abord." } };
    }
    const before = await tx.select({ code: staffDepartements.departement }).from(staffDepartements).where(eq(staffDepartements.userId, member.id));
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, member.id));
    await writeDepartements(tx, member.id, role, departements);
    await recordAudit(tx, {
      actor: staffActor(admin),
      action: "staff.updated",
      entityType: "user",
      entityId: member.id,
      details: { from: { role: member.role, departements: before.map((row) => row.code).sort() }, to: { role, departements: role === "admin" ? [] : [...new Set(departements)].sort() } },
    });
    return { ok: true as const };
  });
}

/** Deactivates (every session ends at once) or reactivates a member. Nobody deactivates themselves. */
export async function setMemberActive(admin: StaffMember, userId: string, active: boolean): Promise<TeamResult> {
  assertAdmin(admin);
  return getDb().transaction(async (tx) => {
    const member = await lockMember(tx, userId);
    if (!member) return { ok: false as const, notFound: true as const };
    if (member.id === admin.id) return { ok: false as const, errors: { form: "Vous ne pouvez pas désactiver votre propre compte." } };
    if (!active && member.role === "admin" && (await otherActiveAdmins(tx, member.id)) === 0) {
      return { ok: false as const, errors: { form: "C'est le dernier administrateur actif : il ne peut pas être désactivé." } };
    }
    await tx
      .update(users)
      .set({ disabledAt: active ? null : sql`now()`, sessionVersion: active ? users.sessionVersion : sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, member.id));
    if (!active) await endStaffSessionsOf(tx, member.id);
    await recordAudit(tx, { actor: staffActor(admin), action: active ? "staff.reactivated" : "staff.deactivated", entityType: "user", entityId: member.id });
    return { ok: true as const };
  });
}

/** "Renvoyer l'invitation" to someone who has not set a password yet (the previous link stops working). */
export async function resendInvitation(admin: StaffMember, userId: string, deps?: MailDeps): Promise<TeamResult> {
  assertAdmin(admin);
  return transactionWithMail(async (tx, outbox) => {
    const member = await lockMember(tx, userId);
    if (!member) return { ok: false as const, notFound: true as const };
    if (member.verifiedAt) return { ok: false as const, errors: { form: "Cette personne a déjà activé son accès." } };
    await sendInvitation(tx, outbox, member);
    await recordAudit(tx, { actor: staffActor(admin), action: "staff.invitation_resent", entityType: "user", entityId: member.id });
    return { ok: true as const };
  }, deps);
}

export const invitationFailures: Record<TokenFailure, string> = {
  unknown: "Ce lien d'invitation n'est pas valide. Vérifiez que vous avez copié l'adresse en entier.",
  used: "Ce lien a déjà servi : votre accès est activé. Connectez-vous avec votre adresse et votre mot de passe.",
  superseded: "Une invitation plus récente vous a été envoyée : utilisez le lien du dernier message reçu.",
  expired: "Ce lien a expiré (il est valable 48 heures). Demandez une nouvelle invitation à l'administrateur de la plateforme.",
};

/** What the invitation page shows before the password is chosen. */
export async function describeInvitation(db: Queryable, token: string): Promise<{ ok: true; email: string } | { ok: false; reason: TokenFailure }> {
  const found = await peekToken(db, token, "staff_invitation");
  if (!found.ok) return found;
  const [member] = await db.select({ email: users.identifier }).from(users).where(eq(users.id, found.token.userId));
  return member ? { ok: true, email: member.email } : { ok: false, reason: "unknown" };
}

/** The invited person chooses their password: the link is used, the address counts as verified. */
export async function acceptInvitation(token: string, password: string): Promise<{ ok: true; email: string } | { ok: false; field: "token" | "password"; message: string }> {
  const db = getDb();
  const found = await describeInvitation(db, token);
  if (!found.ok) return { ok: false, field: "token", message: invitationFailures[found.reason] };
  const { problems } = checkPassword(password, [found.email]);
  // A weak password leaves the link usable for a second try.
  if (problems.length) return { ok: false, field: "password", message: problems.join(" ") };
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const consumed = await consumeToken(tx, token, "staff_invitation");
    if (!consumed.ok) return { ok: false as const, field: "token" as const, message: invitationFailures[consumed.reason] };
    await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, consumed.token.userId));
    await recordAudit(tx, { actor: { id: consumed.token.userId, label: found.email }, action: "staff.invitation_accepted", entityType: "user", entityId: consumed.token.userId });
    return { ok: true as const, email: found.email };
  });
}
