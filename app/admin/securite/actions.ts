"use server";

import { formInput, formState, serverAction } from "@/app/_data/action";
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { type StaffSession } from "@/app/_data/session";
import type { PasskeyOptions, PasskeyOutcome } from "@/components/admin/passkeys";
import { reconfirmPath } from "./paths";
import { getDb } from "@/lib/db/client";
import {
  confirmTotpEnrolment,
  hasSecondFactor,
  passkeyRegistrationOptions,
  readPasskeyAnswer,
  regenerateRecoveryCodes,
  registerPasskey,
  removePasskey,
  removeTotp,
  startTotpEnrolment,
  type TotpEnrolment,
} from "@/lib/staff/factors";

/**
 * The staff member's own second factors. Reachable from a verified session, or from a session
 * that must enrol its first factor; never from one that still owes its second factor (a
 * password alone must not add a device).
 */
async function enrollingSession(session: StaffSession) {
  if (session.gate === "verify") redirect("/admin/verification");
  if (session.gate === "ok" && !session.recentFactor && (await hasSecondFactor(getDb(), session.staff.id))) redirect(reconfirmPath);
  return session;
}

export const passkeyEnrolmentOptions = serverAction("staff-session", [], async (session): Promise<PasskeyOptions<PublicKeyCredentialCreationOptionsJSON>> => {
  const { staff } = await enrollingSession(session);
  const { challengeId, options } = await passkeyRegistrationOptions(staff);
  return { ok: true, challengeId, options };
});

const passkeyAnswer = z.object({ challengeId: z.uuid(), response: z.string().min(2).max(20_000), label: z.string().max(200) });

export const addPasskey = serverAction("staff-session", [z.unknown(), z.unknown(), z.unknown()], async (session, challengeId, response, label): Promise<PasskeyOutcome> => {
  const { staff, sessionId } = await enrollingSession(session);
  const parsed = passkeyAnswer.safeParse({ challengeId, response, label });
  if (!parsed.success) return { ok: false, message: "La clé d'accès n'a pas pu être lue. Réessayez." };
  const answer = readPasskeyAnswer<RegistrationResponseJSON>(parsed.data.response);
  if (!answer) return { ok: false, message: "La clé d'accès n'a pas pu être lue. Réessayez." };
  const result = await registerPasskey(staff, sessionId, parsed.data.challengeId, answer, parsed.data.label);
  if (result.ok) revalidatePath("/admin/securite");
  return result;
});

export type TotpState = { attempt: number; enrolment?: Omit<TotpEnrolment, "uri">; message?: string; recoveryCodes?: string[] | null; done?: boolean };

/** "Configurer une application" (etape=debut), then the first code (etape=code). */
export const totpStep = serverAction("staff-session", [formState<TotpState>(), formInput], async (session, previous, formData): Promise<TotpState> => {
  const { staff, sessionId } = await enrollingSession(session);
  const attempt = previous.attempt + 1;
  if (formData.get("etape") !== "code") {
    const { secret, qrSvg } = await startTotpEnrolment(staff);
    return { attempt, enrolment: { secret, qrSvg } };
  }
  const code = z.string().trim().min(1).max(12).safeParse(formData.get("code"));
  if (!code.success) return { ...previous, attempt, message: "Saisissez les 6 chiffres affichés par votre application." };
  const result = await confirmTotpEnrolment(staff, sessionId, code.data);
  if (!result.ok) return { ...previous, attempt, message: result.message };
  revalidatePath("/admin/securite");
  return { attempt, done: true, recoveryCodes: result.recoveryCodes };
});

export type CodesState = { attempt: number; codes?: string[] };

export const newRecoveryCodes = serverAction("staff-session", [formState<CodesState>()], async (session, previous): Promise<CodesState> => {
  const { staff, gate } = await enrollingSession(session);
  if (gate !== "ok") redirect("/admin/securite");
  const codes = await regenerateRecoveryCodes(staff);
  revalidatePath("/admin/securite");
  return { attempt: previous.attempt + 1, codes };
});

/** "Retirer" a passkey or the app, from a confirmation dialog. */
export const removeFactor = serverAction("staff-session", [formInput], async (session, formData): Promise<void> => {
  const { staff, gate } = await enrollingSession(session);
  if (gate !== "ok") redirect("/admin/securite");
  const kind = formData.get("facteur");
  let outcome: "retire" | "dernier";
  if (kind === "application") {
    outcome = (await removeTotp(staff)).ok ? "retire" : "dernier";
  } else {
    const id = z.uuid().safeParse(formData.get("id"));
    if (!id.success) notFound();
    const result = await removePasskey(staff, id.data);
    if (!result) notFound();
    outcome = result.ok ? "retire" : "dernier";
  }
  revalidatePath("/admin/securite");
  redirect(`/admin/securite?${outcome}=1`);
});
