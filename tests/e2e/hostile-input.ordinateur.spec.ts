import { readFile } from "node:fs/promises";
import fc from "fast-check";
import type { APIRequestContext } from "@playwright/test";
import postgres from "postgres";
import { actionRoute, builtActions, callAction, Form, type ActionAnswer } from "./action-calls";
import { registerAndActivate } from "./candidates";
import { expect, test } from "./fixtures";
import { e2eEnvFile, e2eInboxUrl } from "./ports";
import { concreteRoute, seedCandidateRecords } from "./records";
import { signedInStaff } from "./staff";
import { settingsCacheMs } from "@/lib/settings/cache-time";

/**
 * Issue 13, item 3: every server action of the build called with generated hostile input —
 * random, oversized, wrong-typed, Unicode-confusable, script-injecting — by someone allowed to
 * call it. Each answer must be a French refusal or a 404, never a 500; and what is refused
 * writes nothing (row counts of every table people write to, before and after).
 */

const hostileStrings = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'; drop table users; --",
  '=HYPERLINK("http://exemple.org")',
  "\u0000",
  "a\u0000b",
  "\u202Eevil.pdf",
  "ａｄｍｉｎ@ｅｘｅｍｐｌｅ.ｆｒ",
  "admin\u200B@exemple.fr",
  "../../etc/passwd",
  "%00%2e%2e%2f",
  "${7*7}{{7*7}}",
  "\u001b[31mrouge",
  "\r\nBcc: victime@exemple.fr",
  "💥".repeat(40),
  "-1",
  "1e309",
  "00000000-0000-0000-0000-000000000000",
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 3000, maxLength: 12_000 }) },
);

const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

/** The field names our forms use, so generated forms reach the validation behind the shape checks. */
const fieldNames = [
  "email", "emailConfirmation", "password", "passwordConfirmation", "currentPassword", "newEmail", "deletePassword", "regeneratePassword",
  "identifier", "code", "token", "choice", "civility", "usageName", "birthName", "firstName", "birthDate", "birthPlace", "nationality",
  "phone", "misc", "noEmail", "postTypeId", "teachingType1", "teachingType2", "zones", "workingTimes", "rqth", "university", "ine", "level",
  "label", "diplomaTypeId", "obtainedOn", "institution", "country", "city", "fileId", "fileName", "applicationId", "attachmentTypeId",
  "diplomaId", "reponse", "body", "note", "status", "reason", "scope", "ids", "query", "kind", "id", "actif", "sens", "etape", "contenu",
  "role", "departements", "userId", "ouverte", "message", "methode", "suivant", "administrateurs", "gestionnaires", "academyName", "validityMonths",
];

const form = fc.dictionary(fc.constantFrom(...fieldNames), hostileString, { maxKeys: 8 }).map((fields) => new Form(fields));
const state = fc.oneof(fc.constant({ errors: {}, attempt: 0 }), fc.record({ attempt: fc.integer({ min: 0, max: 5 }) }), fc.dictionary(hostileString, jsonValue, { maxKeys: 2 }));

/** Argument lists in the shapes our actions take — (state, form), (id, state, form), (form), (values…) — and any other. */
function argumentLists(ids: string[]) {
  const id = fc.oneof(fc.constantFrom(...ids), hostileString);
  return fc.oneof(
    fc.tuple(state, form),
    fc.tuple(id, state, form),
    fc.tuple(form),
    fc.tuple(jsonValue, jsonValue),
    fc.tuple(id),
    fc.tuple(fc.dictionary(fc.constantFrom("applicationId", "attachmentTypeId", "name", "size", "type"), jsonValue), jsonValue),
    fc.array(fc.oneof(jsonValue, form), { maxLength: 5 }),
  ) as fc.Arbitrary<unknown[]>;
}

/** A crash, whatever the status: an error digest other than notFound's or a redirect's. */
function crashed(answer: ActionAnswer): boolean {
  if (answer.status >= 500) return true;
  const digest = /:E\{"digest":"([^"]*)"/.exec(answer.body);
  return Boolean(digest && !/^NEXT_(HTTP_ERROR_FALLBACK;404|REDIRECT)/.test(digest[1]!));
}

/** A refusal: a 404, or a state carrying errors or `ok: false` (what our forms show in French). */
function refused(answer: ActionAnswer): boolean {
  if (answer.redirect || answer.body.includes('"ok":true')) return false;
  return answer.status === 404 || answer.body.includes("NEXT_HTTP_ERROR_FALLBACK;404") || /"errors":\{"/.test(answer.body) || answer.body.includes('"ok":false') || /"(error|message)":"/.test(answer.body);
}

/** Tables a person's action writes to; a refused call must leave them as they were. */
const watched = ["users", "applications", "application_zones", "application_working_times", "application_teaching_types", "application_attachments", "application_messages", "diplomas", "staff_notes", "status_events", "settings", "zones", "post_types", "working_times", "teaching_types", "diploma_types", "attachment_types", "staff_departements", "staff_passkeys", "staff_totp", "candidate_recovery_codes", "deleted_applications"];

/**
 * Never called: they end the caller's session or account, which the other calls need; or,
 * for the two-checkbox second-factor settings, every input is valid (an unticked box is a
 * choice), so generated forms would only switch the team's second factor off for later tests.
 */
const leftOut = new Set([
  "app/actions.ts#logout",
  "app/(candidat)/compte/actions.ts#removeAccount",
  "app/(candidat)/compte/actions.ts#updatePassword",
  "app/admin/(espace)/parametres/actions.ts#saveSecondFactor",
]);

test("issue 13: generated hostile input to every action is refused in French or with a 404, and writes nothing", async ({ browser }) => {
  test.setTimeout(600_000);
  const env = JSON.parse(await readFile(e2eEnvFile, "utf8")) as { DATABASE_URL: string };
  const sql = postgres(env.DATABASE_URL, { max: 1, prepare: false, onnotice: () => {} });
  const run = Date.now().toString(36);
  let settingsBefore: { key: string; value: unknown }[] = [];
  try {
    const email = `fuzz-${run}@exemple.fr`;
    const candidateContext = await browser.newContext();
    await registerAndActivate(await candidateContext.newPage(), e2eInboxUrl, email, "Fanny");
    const records = await seedCandidateRecords(sql, email, `fuzz/${run}`);
    const adminContext = await signedInStaff(browser, `fuzz-admin-${run}@ac-exemple.fr`, "Une mouette rieuse 2026 !", "admin");
    const anonymous = (await browser.newContext()).request;
    const callers: Record<string, APIRequestContext> = { candidate: candidateContext.request, staff: adminContext.request, public: anonymous };
    // Real ids, so generated calls also reach the checks behind "is it yours?" (the candidate's
    // own user id left out: a provisional password given to them would end their session).
    const ids = [records.applicationId, records.diplomaId, records.attachmentFileId, records.diplomaFileId, records.zoneId];

    const countQuery = `select ${watched.map((table) => `(select count(*)::int from ${table}) as "${table}"`).join(", ")}`;
    const counts = async () => (await sql.unsafe<Record<string, number>[]>(countQuery))[0]!;

    // What an accepted generated call may change for everyone, put back at the end for the tests that follow.
    settingsBefore = await sql<{ key: string; value: unknown }[]>`select key, value from settings`;
    const actions = builtActions().filter((action) => !leftOut.has(action.key));
    const failures: string[] = [];
    let calls = 0;
    let refusals = 0;
    for (const action of actions) {
      const path = concreteRoute(actionRoute(action), { ...records, staffMemberId: records.candidateId });
      const caller = action.key.startsWith("app/admin/") ? callers.staff! : action.key.startsWith("app/(candidat)/") ? callers.candidate! : callers.public!;
      await fc.assert(
        fc.asyncProperty(argumentLists(ids), async (args) => {
          calls += 1;
          const before = await counts();
          const answer = await callAction(caller, path, action.id, args);
          const call = `${action.key} ${JSON.stringify(args).slice(0, 160)} → ${answer.status} ${answer.redirect ?? ""} ${answer.body.slice(0, 160)}`;
          if (crashed(answer)) failures.push(`erreur : ${call}`);
          else if (refused(answer)) {
            refusals += 1;
            const after = await counts();
            if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`refusé mais écrit : ${call}`);
          }
          return true;
        }),
        { numRuns: 25, seed: 20261130 },
      );
    }
    console.log(`Entrées hostiles : ${calls} appels générés sur ${actions.length} actions, ${refusals} refus sans écriture vérifiés, ${failures.length} défaut(s).`);
    expect(failures).toEqual([]);
    // Most generated calls must be refused: otherwise the generators stopped producing hostile input.
    expect(refusals).toBeGreaterThan(calls * 0.8);
  } finally {
    await sql.begin(async (tx) => {
      await tx`delete from settings`;
      for (const row of settingsBefore) await tx`insert into settings (key, value) values (${row.key}, ${tx.json(row.value as postgres.JSONValue)})`;
    }).catch(() => undefined);
    await sql.end();
    // Put back behind the server's back, as another instance would: pages see it once their copy expires.
    await new Promise((resolve) => setTimeout(resolve, settingsCacheMs));
  }
});
