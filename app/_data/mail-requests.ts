import "server-only";
import { after } from "next/server";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { resendVerification } from "@/lib/accounts/registration";
import { takeMailRequest } from "@/lib/auth/allowance";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { requestAddressSubject } from "./session";

/**
 * Requests that mail someone — "Mot de passe perdu", "Renvoyer le message" — answer the same,
 * in the same time, whoever the target: only this connection's allowance is counted before the
 * answer (lib/auth/allowance); the lookup, the recipient's own allowance and the mail come
 * after the response. Null when accepted, else when this connection may ask again.
 */
async function afterResponse(work: () => Promise<void>, event: string): Promise<Date | null> {
  const until = await takeMailRequest(getDb(), await requestAddressSubject());
  if (until) return until;
  after(() => work().catch((error: unknown) => logger.error(event, { error })));
  return null;
}

export function resendAfterResponse(email: string): Promise<Date | null> {
  return afterResponse(() => resendVerification(email), "verification.resend_failed");
}

export function resetAfterResponse(identifier: string): Promise<Date | null> {
  return afterResponse(() => requestPasswordReset(identifier), "password_reset.request_failed");
}

export const tooManyMailRequests = "Trop de demandes d'envoi de courriel depuis votre connexion ces dernières minutes. Aucun message n'est parti";
