import "server-only";
import { and, count, desc, eq, exists, isNull, sql, type SQL } from "drizzle-orm";
import { setProvisionalPassword } from "../accounts/password-reset";
import { displayName } from "../accounts/personal-details";
import { loadApplications, type ApplicationDetail } from "../applications/queries";
import { recordAudit } from "../audit/audit";
import { getDb, type Queryable } from "../db/client";
import { applications, users } from "../db/schema";
import { listDiplomas, type DiplomaDetail } from "../diplomas/diplomas";
import { isUuid } from "../validation";
import { applicationPerimeter, assertStaff, staffActor, type StaffMember } from "./access";
import { personSearch } from "./applications";
import { loadIdentity, type CandidateIdentity } from "./identity";
import { pageSize } from "./list-filters";

/**
 * "Candidats": the accounts behind the applications, those without email included (staff
 * reach them by phone, and can hand them a temporary password).
 */

export type CandidateFilters = { q: string | null; withoutEmail: boolean; page: number };

export function parseCandidateFilters(input: Record<string, string | string[] | undefined>): CandidateFilters {
  const get = (name: string) => {
    const value = input[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const page = Number.parseInt(get("page") ?? "1", 10);
  return {
    q: get("q")?.trim().slice(0, 100) || null,
    withoutEmail: get("sans_courriel") === "1",
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/**
 * Candidates a staff member may see: everyone for the whole académie; for a gestionnaire
 * limited to départements, those with an application there (an account with no application
 * belongs to no département).
 */
function candidateScope(staff: StaffMember): SQL | undefined {
  const perimeter = applicationPerimeter(staff);
  if (!perimeter) return undefined;
  return exists(sql`(select 1 from ${applications} where ${applications.userId} = ${users.id} and ${perimeter})`);
}

export async function listCandidates(db: Queryable, staff: StaffMember, filters: CandidateFilters) {
  assertStaff(staff);
  const where = and(
    eq(users.role, "candidate"),
    candidateScope(staff),
    filters.q ? personSearch(filters.q) : undefined,
    filters.withoutEmail ? isNull(users.email) : undefined,
  );
  const [totalRow] = await db.select({ total: count() }).from(users).where(where);
  const total = totalRow?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page, pages);
  const rows = await db
    .select({
      id: users.id,
      identifier: users.identifier,
      email: users.email,
      phone: users.phone,
      firstName: users.firstName,
      usageName: users.usageName,
      birthName: users.birthName,
      createdAt: users.createdAt,
      lastLoginAt: users.lastLoginAt,
      // Spelled out: in a one-table select list drizzle writes columns unqualified, and
      // "user_id" = "id" would compare two columns of applications.
      applications: sql<number>`(select count(*)::int from applications where applications.user_id = users.id)`,
    })
    .from(users)
    .where(where)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { total, page, pages, rows: rows.map((row) => ({ ...row, name: displayName(row) || row.identifier })) };
}

export type StaffCandidate = CandidateIdentity & {
  mustChangePassword: boolean;
  applications: ApplicationDetail[];
  diplomas: DiplomaDetail[];
};

export async function loadCandidate(db: Queryable, staff: StaffMember, userId: string): Promise<StaffCandidate | null> {
  assertStaff(staff);
  if (!isUuid(userId)) return null;
  const [account] = await db
    .select({ mustChangePassword: users.mustChangePassword })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.role, "candidate"), candidateScope(staff)));
  if (!account) return null;
  const perimeter = applicationPerimeter(staff);
  const [identity, applicationList, diplomaList, visible] = await Promise.all([
    loadIdentity(db, userId),
    loadApplications(db, userId),
    listDiplomas(db, userId),
    perimeter ? db.select({ id: applications.id }).from(applications).where(and(eq(applications.userId, userId), perimeter)) : null,
  ]);
  if (!identity) return null;
  const visibleIds = visible ? new Set(visible.map((row) => row.id)) : null;
  return {
    ...identity,
    mustChangePassword: account.mustChangePassword,
    applications: visibleIds ? applicationList.filter((application) => visibleIds.has(application.id)) : applicationList,
    diplomas: diplomaList,
  };
}

export type ProvisionalPasswordResult = { ok: true; password: string } | { ok: false; error: string } | { ok: false; notFound: true };

/**
 * For a candidate without email who called the service: a temporary password, shown once to
 * the staff member, to be changed at the next login. Candidates with an address use
 * "Mot de passe perdu" instead (the link proves they own the mailbox).
 */
export async function resetCandidatePassword(staff: StaffMember, userId: string): Promise<ProvisionalPasswordResult> {
  assertStaff(staff);
  if (!isUuid(userId)) return { ok: false, notFound: true };
  return getDb().transaction(async (tx) => {
    const [person] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.role, "candidate"), candidateScope(staff)))
      .for("update");
    if (!person) return { ok: false as const, notFound: true as const };
    if (person.email) {
      return { ok: false as const, error: "Ce candidat a une adresse électronique : indiquez-lui « Mot de passe perdu » sur la page d'accueil." };
    }
    const password = await setProvisionalPassword(tx, userId);
    await recordAudit(tx, { actor: staffActor(staff), action: "account.password_reset_by_staff", entityType: "user", entityId: userId });
    return { ok: true as const, password };
  });
}
