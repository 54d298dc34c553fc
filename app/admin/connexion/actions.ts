"use server";

import { serverAction } from "@/app/_data/action";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { requestAddressSubject, safeNextPath, staffHome } from "@/app/_data/session";
import { allowanceKeys, allowances, takeAllowance, tryAgainAt } from "@/lib/auth/allowance";
import { getDb } from "@/lib/db/client";
import { signIn } from "@/lib/auth/auth";
import { passkeyAuthenticationOptions } from "@/lib/staff/factors";
import type { PasskeyOptions, PasskeyOutcome } from "@/components/admin/passkeys";

/** "Se connecter avec une clé d'accès", step 1: a challenge any of this site's passkeys can answer. */
export const passkeySignInOptions = serverAction("public", [], async (_caller): Promise<PasskeyOptions> => {
  const until = await takeAllowance(getDb(), allowanceKeys.passkeyChallengesFrom(await requestAddressSubject()), allowances.passkeyChallengesFrom);
  if (until) return { ok: false, message: `Trop de tentatives depuis votre connexion : ${tryAgainAt(until)}, ou connectez-vous avec votre mot de passe.` };
  const { challengeId, options } = await passkeyAuthenticationOptions(null);
  return { ok: true, challengeId, options };
});

const passkeyAnswer = z.object({ challengeId: z.uuid(), response: z.string().min(2).max(20_000), suivant: z.string().max(500).optional() });

/** Step 2: the authenticator's answer opens a staff session that has both factors. */
export const signInWithPasskey = serverAction("public", [z.unknown(), z.unknown(), z.unknown()], async (_caller, challengeId, response, next): Promise<PasskeyOutcome> => {
  const parsed = passkeyAnswer.safeParse({ challengeId, response, suivant: next });
  if (!parsed.success) return { ok: false, message: "La clé d'accès n'a pas pu être lue. Réessayez." };
  const target = safeNextPath(parsed.data.suivant, staffHome);
  try {
    await signIn("passkey", { challengeId: parsed.data.challengeId, response: parsed.data.response, redirectTo: target.startsWith("/admin") ? target : staffHome });
    return { ok: true };
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { ok: false, message: "Cette clé d'accès n'ouvre aucun compte actif de l'équipe, ou la demande a expiré. Réessayez, ou connectez-vous avec votre mot de passe." };
    }
    if (error instanceof AuthError) return { ok: false, message: "La connexion a échoué. Réessayez dans un instant." };
    throw error; // the redirect after a successful sign-in
  }
});
