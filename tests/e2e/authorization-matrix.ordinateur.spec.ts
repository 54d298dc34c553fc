import { readFile } from "node:fs/promises";
import type { APIRequestContext, Browser, BrowserContext } from "@playwright/test";
import postgres from "postgres";
import { actionRoute, builtActions, builtRoutes, callAction, Form, type ActionAnswer } from "./action-calls";
import { registerAndActivate } from "./candidates";
import { concreteRoute, seedCandidateRecords, type CandidateRecords } from "./records";
import { expect, test } from "./fixtures";
import { e2eBaseUrl, e2eEnvFile, e2eInboxUrl } from "./ports";
import { signedInStaff } from "./staff";

/**
 * Issue 13, item 2: every page, route handler and server action the production build serves,
 * called by six people — nobody, candidate A, candidate B (on A's records), a gestionnaire of
 * A's département, a gestionnaire of another département, an admin — and the answer each gets.
 * The lists come from the build's manifests: a page or action added without a line here fails.
 */

type Access = "staff-login" | "public" | "candidate" | "provisional-candidate" | "staff-session" | "staff" | "admin" | "cron";
type Persona = "anonyme" | "candidat A" | "candidat B" | "gestionnaire 59" | "gestionnaire 62" | "administrateur";
const personas: Persona[] = ["anonyme", "candidat A", "candidat B", "gestionnaire 59", "gestionnaire 62", "administrateur"];

/**
 * Who each page or route handler is for. `owned`: it shows one of candidate A's records (or A's
 * application to staff); `handler`: a route handler (downloads), which answers a lapsed session
 * with a 303 to the sign-in and anyone else with a 404; `post`: it only answers POST.
 */
type Route = { access: Access; owned?: boolean; handler?: boolean; post?: Record<string, string> };
const routes: Record<string, Route> = {
  "/": { access: "public" },
  "/accessibilite": { access: "public" },
  "/aide": { access: "public" },
  "/donnees-personnelles": { access: "public" },
  "/inscription": { access: "public" },
  "/mot-de-passe-perdu": { access: "public" },
  "/verification": { access: "public" },
  "/verification/[token]": { access: "public" },
  "/compte/courriel/[token]": { access: "public" },
  "/invitation/[token]": { access: "public" },
  "/reinitialisation/[token]": { access: "public" },
  "/renouvellement/[token]": { access: "public" },
  "/admin/connexion": { access: "staff-login" },
  "/api/health": { access: "public" },
  "/api/auth/[...nextauth]": { access: "public" },
  "/icon.svg": { access: "public" },
  "/api/cron/renewals": { access: "cron" },
  "/mot-de-passe-provisoire": { access: "provisional-candidate" },
  "/tableau-de-bord": { access: "candidate" },
  "/candidatures": { access: "candidate" },
  "/candidatures/nouvelle": { access: "candidate" },
  "/candidatures/[id]": { access: "candidate", owned: true },
  "/candidatures/[id]/modifier": { access: "candidate", owned: true },
  "/compte": { access: "candidate" },
  "/compte/donnees": { access: "candidate", handler: true },
  "/diplomes": { access: "candidate" },
  "/diplomes/nouveau": { access: "candidate" },
  "/diplomes/[id]/modifier": { access: "candidate", owned: true },
  "/fichiers/[id]": { access: "candidate", owned: true, handler: true },
  "/admin/securite": { access: "staff-session" },
  "/admin/verification": { access: "staff-session" },
  "/admin": { access: "staff" },
  "/admin/candidatures": { access: "staff" },
  "/admin/candidatures/[id]": { access: "staff", owned: true },
  "/admin/candidatures/[id]/dossier": { access: "staff", owned: true, handler: true },
  "/admin/candidatures/export": { access: "staff", handler: true, post: { format: "csv", query: "statut=submitted" } },
  "/admin/candidats": { access: "staff" },
  "/admin/candidats/[id]": { access: "staff", owned: true },
  "/admin/candidats/renouvellements": { access: "staff" },
  "/admin/fichiers/[id]": { access: "staff", owned: true, handler: true },
  "/admin/equipe": { access: "admin" },
  "/admin/equipe/[id]": { access: "admin" },
  "/admin/journal": { access: "admin" },
  "/admin/journal/export": { access: "admin", handler: true },
  "/admin/etat": { access: "admin" },
  "/admin/parametres": { access: "admin" },
  "/admin/referentiels": { access: "admin" },
  "/admin/referentiels/[kind]": { access: "admin" },
  "/admin/referentiels/[kind]/[id]": { access: "admin" },
};

/** Who may call each server action (the first argument of its serverAction, restated here on purpose). */
const actions: Record<string, Access> = {
  "app/(candidat)/candidatures/actions.ts#submitNewApplication": "candidate",
  "app/(candidat)/candidatures/actions.ts#submitApplicationChanges": "candidate",
  "app/(candidat)/candidatures/actions.ts#removeApplication": "candidate",
  "app/(candidat)/candidatures/actions.ts#startAttachment": "candidate",
  "app/(candidat)/candidatures/actions.ts#confirmAttachment": "candidate",
  "app/(candidat)/candidatures/actions.ts#removeAttachment": "candidate",
  "app/(candidat)/candidatures/actions.ts#keepApplication": "candidate",
  "app/(candidat)/candidatures/actions.ts#replyToService": "candidate",
  "app/(candidat)/compte/actions.ts#saveProfile": "candidate",
  "app/(candidat)/compte/actions.ts#changeEmail": "candidate",
  "app/(candidat)/compte/actions.ts#updatePassword": "candidate",
  "app/(candidat)/compte/actions.ts#removeAccount": "candidate",
  "app/(candidat)/compte/actions.ts#newRecoveryCodes": "candidate",
  "app/(candidat)/diplomes/actions.ts#submitNewDiploma": "candidate",
  "app/(candidat)/diplomes/actions.ts#submitDiplomaChanges": "candidate",
  "app/(candidat)/diplomes/actions.ts#removeDiploma": "candidate",
  "app/(candidat)/diplomes/actions.ts#startDiplomaFile": "candidate",
  "app/(candidat)/diplomes/actions.ts#verifyDiplomaFile": "candidate",
  "app/(public)/mot-de-passe-provisoire/actions.ts#replaceTemporaryPassword": "provisional-candidate",
  "app/(public)/compte/courriel/[token]/actions.ts#confirmNewEmail": "public",
  "app/(public)/inscription/actions.ts#register": "public",
  "app/(public)/inscription/actions.ts#resend": "public",
  "app/(public)/invitation/[token]/actions.ts#choosePassword": "public",
  "app/(public)/login-actions.ts#login": "public",
  "app/(public)/login-actions.ts#resendFromLogin": "public",
  "app/(public)/mot-de-passe-perdu/actions.ts#recoverWithCode": "public",
  "app/(public)/mot-de-passe-perdu/actions.ts#requestReset": "public",
  "app/(public)/reinitialisation/[token]/actions.ts#setNewPassword": "public",
  "app/(public)/renouvellement/[token]/actions.ts#answer": "public",
  "app/(public)/verification/[token]/actions.ts#activate": "public",
  "app/(public)/verification/actions.ts#requestNewLink": "public",
  "app/actions.ts#logout": "public",
  "app/admin/connexion/actions.ts#passkeySignInOptions": "public",
  "app/admin/connexion/actions.ts#signInWithPasskey": "public",
  "app/admin/securite/actions.ts#addPasskey": "staff-session",
  "app/admin/securite/actions.ts#newRecoveryCodes": "staff-session",
  "app/admin/securite/actions.ts#passkeyEnrolmentOptions": "staff-session",
  "app/admin/securite/actions.ts#removeFactor": "staff-session",
  "app/admin/securite/actions.ts#totpStep": "staff-session",
  "app/admin/verification/actions.ts#passkeyVerificationOptions": "staff-session",
  "app/admin/verification/actions.ts#verifyWithCode": "staff-session",
  "app/admin/verification/actions.ts#verifyWithPasskey": "staff-session",
  "app/admin/(espace)/candidats/actions.ts#giveProvisionalPassword": "staff",
  "app/admin/(espace)/candidatures/actions.ts#addPrivateNote": "staff",
  "app/admin/(espace)/candidatures/actions.ts#changeApplicationStatus": "staff",
  "app/admin/(espace)/candidatures/actions.ts#changeStatusInBulk": "staff",
  "app/admin/(espace)/candidatures/actions.ts#extendByOneMonth": "staff",
  "app/admin/(espace)/candidatures/actions.ts#sendMessageToCandidate": "staff",
  "app/admin/(espace)/candidatures/actions.ts#showRqth": "staff",
  "app/admin/(espace)/equipe/actions.ts#invite": "admin",
  "app/admin/(espace)/equipe/actions.ts#resend": "admin",
  "app/admin/(espace)/equipe/actions.ts#resetFactors": "admin",
  "app/admin/(espace)/equipe/actions.ts#saveMember": "admin",
  "app/admin/(espace)/equipe/actions.ts#toggleMember": "admin",
  "app/admin/(espace)/etat/actions.ts#runStorageCheck": "admin",
  "app/admin/(espace)/parametres/actions.ts#saveCampaign": "admin",
  "app/admin/(espace)/parametres/actions.ts#saveSecondFactor": "admin",
  "app/admin/(espace)/parametres/actions.ts#saveSettings": "admin",
  "app/admin/(espace)/referentiels/actions.ts#importZones": "admin",
  "app/admin/(espace)/referentiels/actions.ts#moveEntry": "admin",
  "app/admin/(espace)/referentiels/actions.ts#saveEntry": "admin",
  "app/admin/(espace)/referentiels/actions.ts#toggleEntry": "admin",
};

/** Actions that read their arguments themselves and answer a wrong one in French (`{ ok: false, message }`) rather than with a 404. */
const answersInFrench = new Set([
  "app/(candidat)/diplomes/actions.ts#startDiplomaFile",
  "app/(candidat)/diplomes/actions.ts#verifyDiplomaFile",
  "app/(candidat)/candidatures/actions.ts#startAttachment",
  "app/(candidat)/candidatures/actions.ts#confirmAttachment",
  "app/admin/connexion/actions.ts#signInWithPasskey",
  "app/admin/securite/actions.ts#addPasskey",
  "app/admin/verification/actions.ts#verifyWithPasskey",
]);

/** Public actions that take no argument: called with none, they answer. */
const argumentless = new Set(["app/admin/connexion/actions.ts#passkeySignInOptions", "app/admin/securite/actions.ts#passkeyEnrolmentOptions", "app/admin/verification/actions.ts#passkeyVerificationOptions"]);

type Records = CandidateRecords & { colleagueId: string };

function isCandidate(persona: Persona) {
  return persona === "candidat A" || persona === "candidat B";
}
function isStaff(persona: Persona) {
  return persona === "gestionnaire 59" || persona === "gestionnaire 62" || persona === "administrateur";
}

/** What a GET of `route` must answer `persona`, as a status and (for redirects) where to. */
function expectedPage(route: string, persona: Persona): { status: number | "ok"; to?: RegExp } {
  const { access, owned, handler } = routes[route]!;
  const redirect = (to: RegExp) => ({ status: handler ? 303 : 307, to });
  switch (access) {
    case "public":
      return { status: "ok" };
    case "staff-login":
      return isCandidate(persona) ? { status: 404 } : { status: "ok" }; // no staff space for candidates
    case "cron":
      return { status: 401 };
    case "candidate":
    case "provisional-candidate":
      if (persona === "anonyme") return redirect(/^\/\?suivant=/);
      if (isStaff(persona)) return handler ? { status: 404 } : redirect(/^\/admin$/);
      if (access === "provisional-candidate") return redirect(/^\/tableau-de-bord$/); // A and B chose their password
      return persona === "candidat B" && owned ? { status: 404 } : { status: "ok" };
    case "staff-session":
    case "staff":
    case "admin":
      if (persona === "anonyme") return redirect(/^\/admin\/connexion\?suivant=/);
      if (isCandidate(persona)) return { status: 404 };
      if (access === "admin" && persona !== "administrateur") return { status: 404 };
      if (access === "staff-session" && route === "/admin/verification") return { status: "ok" }; // confirms the factor again
      return persona === "gestionnaire 62" && owned ? { status: 404 } : { status: "ok" };
  }
}

/** What a call with arguments no browser of ours sends (`[]`) must answer. */
function expectedForgedCall(key: string, persona: Persona): { status: number; to?: RegExp } {
  const access = actions[key]!;
  const refusedWith404 = { status: 404 };
  switch (access) {
    case "public":
      return argumentless.has(key) ? { status: 200 } : refusedWith404;
    case "candidate":
    case "provisional-candidate":
      if (persona === "anonyme") return { status: 200, to: /^\/\?suivant=/ };
      if (isStaff(persona)) return { status: 200, to: /^\/admin;/ };
      return refusedWith404;
    default:
      if (persona === "anonyme") return { status: 200, to: /^\/admin\/connexion\?suivant=/ };
      if (isCandidate(persona)) return refusedWith404;
      return argumentless.has(key) ? { status: 200 } : refusedWith404;
  }
}

async function signedIn(browser: Browser, login: (context: BrowserContext) => Promise<void>): Promise<APIRequestContext> {
  const context = await browser.newContext();
  await login(context);
  return context.request;
}

test.describe.configure({ mode: "serial" });

test("issue 13: the authorization matrix of every page, route handler and action", async ({ browser }) => {
  test.setTimeout(600_000);
  const env = JSON.parse(await readFile(e2eEnvFile, "utf8")) as { DATABASE_URL: string };
  const sql = postgres(env.DATABASE_URL, { max: 1, prepare: false, onnotice: () => {} });
  const run = Date.now().toString(36);
  const people = new Map<Persona, APIRequestContext>();
  try {
    // Nothing in the build is left out of the matrix, and nothing in the matrix is gone from the build.
    const built = builtActions();
    expect(built.map((action) => action.key).sort()).toEqual(Object.keys(actions).sort());
    expect(builtRoutes().sort()).toEqual(Object.keys(routes).sort());

    const candidateEmails = { a: `matrice-a-${run}@exemple.fr`, b: `matrice-b-${run}@exemple.fr` };
    people.set("anonyme", (await browser.newContext()).request);
    for (const [persona, email, name] of [["candidat A", candidateEmails.a, "Alice"], ["candidat B", candidateEmails.b, "Berthe"]] as const) {
      people.set(persona, await signedIn(browser, async (context) => registerAndActivate(await context.newPage(), e2eInboxUrl, email, name)));
    }
    const staffPassword = "Une grue cendrée 2025 !";
    const staff = { "gestionnaire 59": `matrice-g59-${run}@ac-exemple.fr`, "gestionnaire 62": `matrice-g62-${run}@ac-exemple.fr`, administrateur: `matrice-admin-${run}@ac-exemple.fr` } as const;
    for (const [persona, email] of Object.entries(staff) as [keyof typeof staff, string][]) {
      const context = await signedInStaff(browser, email, staffPassword, persona === "administrateur" ? "admin" : "gestionnaire");
      // The perimeter applies from the next request: set before any page of theirs is checked.
      if (persona !== "administrateur") {
        await sql`insert into staff_departements (user_id, departement) select id, ${persona.slice(-2)} from users where identifier = ${email}`;
      }
      people.set(persona, context.request);
    }

    // Candidate A's records: an application whose first wish is in the Nord (59), an attachment, a diploma with its scan.
    const [colleague] = await sql<{ id: string }[]>`select id from users where identifier = ${staff["gestionnaire 59"]}`;
    const records: Records = { ...(await seedCandidateRecords(sql, candidateEmails.a, `matrice/${run}`)), colleagueId: colleague!.id };
    const concrete = (route: string) => concreteRoute(route, { ...records, staffMemberId: records.colleagueId });

    const failures: string[] = [];
    let cells = 0;
    const check = (cell: string, ok: boolean, detail: string) => {
      cells += 1;
      if (!ok) failures.push(`${cell} → ${detail}`);
    };

    // 1. Pages and route handlers, read by each person.
    for (const route of Object.keys(routes)) {
      for (const persona of personas) {
        const post = routes[route]!.post;
        const response = post
          ? await people.get(persona)!.post(concrete(route), { multipart: post, headers: { Origin: e2eBaseUrl }, maxRedirects: 0, timeout: 30_000 })
          : await people.get(persona)!.get(concrete(route), { maxRedirects: 0, timeout: 30_000 });
        const location = response.headers()["location"] ?? "";
        const expected = expectedPage(route, persona);
        const status = response.status();
        const ok =
          expected.status === "ok" ? status < 400 : status === expected.status && (!expected.to || expected.to.test(location.replace(/^https?:\/\/[^/]+/, "")));
        check(`GET ${route} (${persona})`, ok, `${status} ${location}, attendu ${expected.status} ${expected.to ?? ""}`);
      }
    }

    // 2. Every action, called by each person with arguments no form of ours sends ("Déconnecter"
    // last: it takes no argument, and ends the session of whoever calls it).
    const logoutKey = "app/actions.ts#logout";
    for (const action of built.filter((candidate) => candidate.key !== logoutKey)) {
      const path = concrete(actionRoute(action));
      for (const persona of personas) {
        const expected = expectedForgedCall(action.key, persona);
        for (const raw of ["[]", '["x"]', '[{"attempt":-1},"x",null]']) {
          const answer = await callAction(people.get(persona)!, path, action.id, { raw });
          const status = raw === "[]" ? expected.status : expected.to ? 200 : 404;
          const inFrench = status === 404 && answersInFrench.has(action.key) && answer.status === 200 && answer.body.includes('"ok":false');
          check(
            `${action.key} ${raw} (${persona})`,
            inFrench || (answer.status === status && (!expected.to || expected.to.test(answer.redirect ?? ""))),
            `${answer.status} ${answer.redirect ?? ""}, attendu ${status} ${expected.to ?? ""}`,
          );
        }
      }
    }

    // 3. Well-formed calls on A's records: only A (or staff of A's département, or an admin) get through.
    const id = (key: string) => built.find((action) => action.key === key)!;
    const state = { errors: {}, attempt: 0 };
    // `notFound()` in an action: a 404, or (for a multipart call) the 404 fallback in the RSC payload.
    const notFound = (a: ActionAnswer) => a.status === 404 || a.body.includes("NEXT_HTTP_ERROR_FALLBACK;404");
    const refusedInFrench = (a: ActionAnswer) => a.status === 200 && a.body.includes('"ok":false');
    // `onlyRefused`: A's own call would change A's records, which later cells read; other tests cover it.
    const ownership: { key: string; path: string; args: unknown[]; allowed: Persona[]; onlyRefused?: boolean; refused: (answer: ActionAnswer) => boolean }[] = [
      { key: "app/(candidat)/candidatures/actions.ts#keepApplication", path: "/candidatures", args: [new Form({ applicationId: records.applicationId })], allowed: ["candidat A"], refused: notFound },
      { key: "app/(candidat)/candidatures/actions.ts#replyToService", path: "/candidatures", args: [records.applicationId, state, new Form({ reponse: "Bonjour, voici ma réponse." })], allowed: ["candidat A"], refused: notFound },
      { key: "app/(candidat)/candidatures/actions.ts#startAttachment", path: "/candidatures", args: [{ applicationId: records.applicationId, attachmentTypeId: records.attachmentTypeId }, { name: "b.pdf", size: 1000, type: "application/pdf" }], allowed: ["candidat A"], refused: (a) => refusedInFrench(a) && a.body.includes("Cette candidature est introuvable.") },
      { key: "app/(candidat)/candidatures/actions.ts#removeApplication", path: "/candidatures", args: [new Form({ applicationId: records.applicationId })], allowed: [], onlyRefused: true, refused: notFound },
      { key: "app/(candidat)/candidatures/actions.ts#submitApplicationChanges", path: "/candidatures", args: [records.applicationId, state, new Form({})], allowed: [], onlyRefused: true, refused: notFound },
      { key: "app/(candidat)/candidatures/actions.ts#removeAttachment", path: "/candidatures", args: [new Form({ applicationId: records.applicationId, attachmentTypeId: records.attachmentTypeId })], allowed: [], onlyRefused: true, refused: notFound },
      { key: "app/(candidat)/candidatures/actions.ts#confirmAttachment", path: "/candidatures", args: [{ applicationId: records.applicationId, attachmentTypeId: records.attachmentTypeId }, records.attachmentFileId], allowed: [], onlyRefused: true, refused: (a) => refusedInFrench(a) && a.body.includes("Cette candidature est introuvable.") },
      { key: "app/(candidat)/diplomes/actions.ts#submitDiplomaChanges", path: "/diplomes", args: [records.diplomaId, state, new Form({})], allowed: [], onlyRefused: true, refused: notFound },
      { key: "app/(candidat)/diplomes/actions.ts#removeDiploma", path: "/diplomes", args: [new Form({ diplomaId: records.diplomaId })], allowed: [], onlyRefused: true, refused: notFound },
      { key: "app/(candidat)/diplomes/actions.ts#verifyDiplomaFile", path: "/diplomes", args: [records.diplomaFileId], allowed: [], onlyRefused: true, refused: refusedInFrench },
      { key: "app/admin/(espace)/candidatures/actions.ts#showRqth", path: "/admin/candidatures", args: [records.applicationId], allowed: ["gestionnaire 59", "administrateur"], refused: notFound },
      { key: "app/admin/(espace)/candidatures/actions.ts#addPrivateNote", path: "/admin/candidatures", args: [records.applicationId, state, new Form({ note: "Vue par la matrice." })], allowed: ["gestionnaire 59", "administrateur"], refused: notFound },
      { key: "app/admin/(espace)/candidatures/actions.ts#sendMessageToCandidate", path: "/admin/candidatures", args: [records.applicationId, state, new Form({ body: "Votre pièce d'identité est illisible." })], allowed: ["gestionnaire 59", "administrateur"], refused: notFound },
      { key: "app/admin/(espace)/referentiels/actions.ts#toggleEntry", path: "/admin/referentiels", args: [new Form({ kind: "zones", id: records.zoneId, actif: "oui" })], allowed: ["administrateur"], refused: notFound },
      { key: "app/admin/(espace)/parametres/actions.ts#saveSecondFactor", path: "/admin/parametres", args: [state, new Form({ administrateurs: "on" })], allowed: ["administrateur"], refused: notFound },
    ];
    const notesBefore = await sql<{ n: number }[]>`select count(*)::int as n from staff_notes where application_id = ${records.applicationId}`;
    for (const cell of ownership) {
      const access = actions[cell.key]!;
      for (const persona of personas) {
        // Anonymous callers and the wrong kind of account were covered above; here: the right kind, the wrong record or role.
        if (persona === "anonyme" || (access === "candidate" ? !isCandidate(persona) : !isStaff(persona))) continue;
        if (cell.onlyRefused && persona === "candidat A") continue;
        const answer = await callAction(people.get(persona)!, cell.path, id(cell.key).id, cell.args);
        const allowed = cell.allowed.includes(persona);
        check(`${cell.key} sur les données de A (${persona})`, allowed ? answer.status < 400 && !cell.refused(answer) && !answer.body.includes(':E{"digest"') : cell.refused(answer), `${answer.status} ${answer.redirect ?? ""} ${answer.body.slice(0, 80)}`);
      }
    }
    // What was refused changed nothing: A's records are all there, and only the two allowed notes were written.
    const [left] = await sql<{ applications: number; diplomas: number; attachments: number; notes: number }[]>`
      select (select count(*)::int from applications where id = ${records.applicationId}) as applications,
             (select count(*)::int from diplomas where id = ${records.diplomaId} and file_id is not null) as diplomas,
             (select count(*)::int from application_attachments where file_id = ${records.attachmentFileId}) as attachments,
             (select count(*)::int from staff_notes where application_id = ${records.applicationId}) as notes`;
    const logout = built.find((action) => action.key === logoutKey)!;
    for (const persona of personas) {
      const answer = await callAction(people.get(persona)!, "/", logout.id, { raw: "[]" });
      check(`${logoutKey} [] (${persona})`, answer.status === 200 && /\/\?deconnecte=1;/.test(answer.redirect ?? ""), `${answer.status} ${answer.redirect ?? ""}`);
      const after = await people.get(persona)!.get("/tableau-de-bord", { maxRedirects: 0, timeout: 30_000 });
      check(`${logoutKey} ferme la session (${persona})`, after.status() === 307 && /^\/\?suivant=/.test((after.headers()["location"] ?? "").replace(/^https?:\/\/[^/]+/, "")), `${after.status()} ${after.headers()["location"] ?? ""}`);
    }

    console.log(`Matrice d'autorisation : ${cells} cases vérifiées (${Object.keys(routes).length} pages et routes, ${built.length} actions, ${personas.length} personnes).`);
    expect(failures).toEqual([]);
    expect(left).toEqual({ applications: 1, diplomas: 1, attachments: 1, notes: notesBefore[0]!.n + 2 });
  } finally {
    await sql.end();
  }
});
