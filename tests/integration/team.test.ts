import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { createApplication } from "@/lib/applications/commands";
import { authenticate } from "@/lib/auth/login";
import { getDb } from "@/lib/db/client";
import { listMessages, markCandidateMessagesRead, replyAsCandidate } from "@/lib/messages/messages";
import { staffSessions, users, zones } from "@/lib/db/schema";
import { StaffForbidden, type StaffMember } from "@/lib/staff/access";
import { listApplications } from "@/lib/staff/applications";
import { loadCandidate } from "@/lib/staff/candidates";
import { loadStaffCandidature } from "@/lib/staff/candidature";
import { addNote, changeStatus } from "@/lib/staff/decisions";
import { exportApplications } from "@/lib/staff/exports";
import { parseApplicationFilters } from "@/lib/staff/list-filters";
import { loadStaffMember } from "@/lib/staff/member";
import { openStaffSession } from "@/lib/staff/sessions";
import { acceptInvitation, describeInvitation, inviteStaff, listTeam, resendInvitation, setMemberActive, updateMember } from "@/lib/staff/team";
import { applicationForm } from "../support/applications";
import { insertCandidate, uniqueEmail } from "../support/factories";
import { tokenFromMail } from "../support/candidates";
import { inboxClient } from "../support/inbox";

const inbox = inboxClient(inject("inboxUrl"));
const db = () => getDb();
const password = "Une équipe soudée pour la rentrée 2026 !";

async function admin(): Promise<StaffMember> {
  const email = uniqueEmail("direction");
  const [row] = await db().insert(users).values({ identifier: email, email, emailVerifiedAt: new Date(), passwordHash: "test:not-a-hash", role: "admin" }).returning({ id: users.id });
  return { id: row!.id, role: "admin", label: email, address: "198.51.100.9", departements: [] };
}

async function invited(by: StaffMember, role: "gestionnaire" | "admin", departements: string[] = []) {
  const email = uniqueEmail("agent");
  expect(await inviteStaff(by, { email, role, departements })).toEqual({ ok: true });
  const [row] = await db().select({ id: users.id }).from(users).where(eq(users.identifier, email));
  return { id: row!.id, email };
}

async function applicationIn(zoneLabel: string) {
  const [zone] = await db().select({ id: zones.id }).from(zones).where(eq(zones.label, zoneLabel));
  const candidate = await insertCandidate("perimetre");
  const created = await createApplication(candidate.id, await applicationForm({ zones: [zone!.id] }));
  if (!created.ok) throw new Error("refused");
  return { applicationId: created.id, userId: candidate.id, email: candidate.email };
}

async function drain(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

describe("team: invitations", () => {
  it("mail a single-use link valid 48 hours that sets the password; a weak one leaves the link usable", async () => {
    const boss = await admin();
    const agent = await invited(boss, "gestionnaire");
    const mail = await inbox.waitFor(agent.email, (m) => m.subject === "AcloE – Votre accès à l'espace de gestion du recrutement des AESH");
    const token = tokenFromMail(mail.text, "invitation");
    expect(await describeInvitation(db(), token)).toEqual({ ok: true, email: agent.email });
    // Not signed in before the invitation is accepted (nobody knows the placeholder password).
    expect((await authenticate(db(), { identifier: agent.email, password, address: "203.0.113.20" })).status).toBe("invalid");
    expect(await acceptInvitation(token, "court")).toMatchObject({ ok: false, field: "password" });
    expect(await acceptInvitation(token, password)).toEqual({ ok: true, email: agent.email });
    expect(await acceptInvitation(token, password)).toMatchObject({ ok: false, field: "token", message: expect.stringContaining("déjà servi") });
    expect(await authenticate(db(), { identifier: agent.email, password, address: "203.0.113.21" })).toMatchObject({ status: "ok" });
    expect((await listTeam(db(), boss)).find((member) => member.id === agent.id)).toMatchObject({ role: "gestionnaire", state: "active" });
    expect(await inviteStaff(boss, { email: agent.email, role: "admin", departements: [] })).toEqual({ ok: false, errors: { email: "Un compte existe déjà pour cette adresse." } });
  });

  it("a resent invitation replaces the first link", async () => {
    const boss = await admin();
    const agent = await invited(boss, "gestionnaire");
    const first = tokenFromMail((await inbox.waitFor(agent.email)).text, "invitation");
    expect(await resendInvitation(boss, agent.id)).toEqual({ ok: true });
    const second = tokenFromMail((await inbox.waitFor(agent.email, (m) => tokenFromMail(m.text, "invitation") !== first)).text, "invitation");
    expect(await describeInvitation(db(), first)).toEqual({ ok: false, reason: "superseded" });
    expect(await acceptInvitation(second, password)).toMatchObject({ ok: true });
  });

  it("only admins manage the team; nobody changes their own role or deactivates themselves; deactivation ends sessions", async () => {
    const boss = await admin();
    const agent = await invited(boss, "gestionnaire");
    const asAgent: StaffMember = { id: agent.id, role: "gestionnaire", label: agent.email, address: null, departements: [] };
    await expect(inviteStaff(asAgent, { email: uniqueEmail("x"), role: "admin", departements: [] })).rejects.toBeInstanceOf(StaffForbidden);
    await expect(updateMember(asAgent, agent.id, { role: "admin", departements: [] })).rejects.toBeInstanceOf(StaffForbidden);
    await expect(setMemberActive(asAgent, boss.id, false)).rejects.toBeInstanceOf(StaffForbidden);
    expect(await updateMember(boss, boss.id, { role: "gestionnaire", departements: [] })).toMatchObject({ ok: false, errors: { role: expect.stringContaining("propre rôle") } });
    expect(await setMemberActive(boss, boss.id, false)).toMatchObject({ ok: false, errors: { form: expect.stringContaining("propre compte") } });
    expect(await updateMember(boss, agent.id, { role: "gestionnaire", departements: ["62", "nimporte"] })).toMatchObject({ ok: false, errors: { departements: expect.any(String) } });

    const session = await openStaffSession(db(), agent.id, null);
    expect(await setMemberActive(boss, agent.id, false)).toEqual({ ok: true });
    const [row] = await db().select({ endedAt: staffSessions.endedAt }).from(staffSessions).where(eq(staffSessions.id, session));
    expect(row?.endedAt).not.toBeNull();
    expect((await listTeam(db(), boss)).find((member) => member.id === agent.id)?.state).toBe("disabled");
    expect(await setMemberActive(boss, agent.id, true)).toEqual({ ok: true });
  });
});

describe("a gestionnaire limited to départements", () => {
  it("sees, decides on and exports only applications with a wish there; anything else is not found", async () => {
    const boss = await admin();
    const agent = await invited(boss, "gestionnaire", ["62"]);
    await db().update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, agent.id));
    const limited = await loadStaffMember(db(), { id: agent.id, role: "gestionnaire", identifier: agent.email }, null);
    expect(limited.departements).toEqual(["62"]);
    const inside = await applicationIn("ARRAS");
    const outside = await applicationIn("CAMBRESIS - BASSIN 9");
    const mine = async (query: string) => (await listApplications(db(), limited, parseApplicationFilters(new URLSearchParams(query)))).rows.map((row) => row.id);

    expect(await mine(`q=${encodeURIComponent(inside.email)}`)).toEqual([inside.applicationId]);
    expect(await mine(`q=${encodeURIComponent(outside.email)}`)).toEqual([]);
    expect(await loadStaffCandidature(db(), limited, inside.applicationId)).not.toBeNull();
    expect(await loadStaffCandidature(db(), limited, outside.applicationId)).toBeNull();
    expect(await loadCandidate(db(), limited, outside.userId)).toBeNull();
    expect(await addNote(limited, outside.applicationId, "Hors périmètre")).toEqual({ ok: false, notFound: true });
    expect(await changeStatus(limited, [outside.applicationId], { status: "in_review", reason: "" })).toEqual({ ok: false, notFound: true });
    // The candidate's answers stay unread for the service when someone outside the perimeter asks.
    expect(await replyAsCandidate(db(), outside.userId, outside.applicationId, "Ma réponse")).toEqual({ ok: true });
    await markCandidateMessagesRead(db(), limited, outside.applicationId);
    expect((await listMessages(db(), outside.applicationId)).map((message) => message.readAt)).toEqual([null]);
    await markCandidateMessagesRead(db(), boss, outside.applicationId);
    expect((await listMessages(db(), outside.applicationId)).map((message) => message.readAt)).toEqual([expect.any(Date)]);
    const csv = await drain(
      (await exportApplications(db(), limited, { ids: [inside.applicationId, outside.applicationId] }, { format: "csv", includeRqth: false })).stream,
    );
    const rows = parse(csv.slice(1), { delimiter: ";" }) as string[][];
    expect(rows.slice(1).map((row) => row[rows[0]!.indexOf("Courriel")])).toEqual([inside.email]);
    // The admin, and a gestionnaire without départements, see both.
    expect((await loadStaffCandidature(db(), boss, outside.applicationId))?.application.id).toBe(outside.applicationId);

    // Widened by the admin: effective on the next request (the member is loaded per request).
    expect(await updateMember(boss, agent.id, { role: "gestionnaire", departements: [] })).toEqual({ ok: true });
    const widened = await loadStaffMember(db(), { id: agent.id, role: "gestionnaire", identifier: agent.email }, null);
    expect(await loadStaffCandidature(db(), widened, outside.applicationId)).not.toBeNull();
  });
});
