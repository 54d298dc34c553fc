"use server";

import { formInput, formState, serverAction } from "@/app/_data/action";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type StaffSession, safeNextPath, staffHome } from "@/app/_data/session";
import type { PasskeyOptions, PasskeyOutcome } from "@/components/admin/passkeys";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { passkeyAuthenticationOptions, readPasskeyAnswer, verifySessionCode, verifySessionPasskey, type VerificationResult } from "@/lib/staff/factors";

/**
 * A session waiting for its second factor, or one confirming it again before changing its
 * factors; one that must enrol first goes to the enrolment.
 */
async function pendingSession(session: StaffSession) {
  if (session.gate === "enrol") redirect("/admin/securite");
  return session;
}

const afterVerification = (next: unknown) => {
  const target = safeNextPath(next, staffHome);
  return target.startsWith("/admin") ? target : staffHome;
};

export const passkeyVerificationOptions = serverAction("staff-session", [], async (session): Promise<PasskeyOptions> => {
  const { staff } = await pendingSession(session);
  const { challengeId, options } = await passkeyAuthenticationOptions(staff.id);
  return { ok: true, challengeId, options };
});

export const verifyWithPasskey = serverAction("staff-session", [z.unknown(), z.unknown(), z.unknown()], async (session, challengeId, response, next): Promise<PasskeyOutcome> => {
  const { staff, sessionId } = await pendingSession(session);
  const parsed = z.object({ challengeId: z.uuid(), response: z.string().min(2).max(20_000) }).safeParse({ challengeId, response });
  if (!parsed.success) return { ok: false, message: "La clé d'accès n'a pas pu être lue. Réessayez." };
  const answer = readPasskeyAnswer<AuthenticationResponseJSON>(parsed.data.response);
  if (!answer) return { ok: false, message: "La clé d'accès n'a pas pu être lue. Réessayez." };
  const result = await verifySessionPasskey(staff, sessionId, parsed.data.challengeId, answer);
  if (!result.ok && result.ended) redirect("/admin/connexion?bloque=1");
  if (!result.ok) return result;
  redirect(afterVerification(next));
});

export type CodeState = { attempt: number; message?: string };

const codeForm = z.object({ methode: z.enum(["totp", "recovery"]), code: z.string().trim().min(1).max(40), suivant: z.string().max(500).optional() });

/** The 6 digits of the authenticator app, or a recovery code. */
export const verifyWithCode = serverAction("staff-session", [formState<CodeState>(), formInput], async (session, previous, formData): Promise<CodeState> => {
  const { staff, sessionId } = await pendingSession(session);
  const parsed = codeForm.safeParse(Object.fromEntries(formData));
  const attempt = previous.attempt + 1;
  if (!parsed.success) {
    return { attempt, message: formData.get("methode") === "recovery" ? "Saisissez un de vos codes de secours." : "Saisissez les 6 chiffres affichés par votre application." };
  }
  const result: VerificationResult = await verifySessionCode(staff, sessionId, parsed.data.methode, parsed.data.code);
  if (!result.ok && result.ended) redirect("/admin/connexion?bloque=1");
  if (!result.ok) return { attempt, message: result.message };
  redirect(afterVerification(parsed.data.suivant));
});
