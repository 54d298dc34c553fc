"use server";

import { formInput, formState, serverAction } from "@/app/_data/action";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { safeNextPath } from "@/app/_data/session";
import { resendAfterResponse, tooManyMailRequests } from "@/app/_data/mail-requests";
import { tryAgainAt } from "@/lib/auth/allowance";
import { signIn } from "@/lib/auth/auth";
import { formatParisTime } from "@/lib/format/date";

export type LoginState = { message?: string; unverified?: boolean; identifier?: string; resent?: boolean };

const loginForm = z.object({
  identifier: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
  suivant: z.string().optional(),
});

function refusalMessage(code: string): LoginState {
  if (code.startsWith("throttled:")) {
    const retryAt = new Date(code.slice("throttled:".length));
    return {
      message: `Trop de tentatives de connexion pour cet identifiant. Par sécurité, réessayez à partir de ${formatParisTime(retryAt)}, ou choisissez un nouveau mot de passe avec « Mot de passe perdu ».`,
    };
  }
  if (code === "unverified") {
    return {
      unverified: true,
      message:
        "Votre adresse électronique n'est pas encore confirmée. Ouvrez le message que nous vous avons envoyé lors de l'inscription (pensez au dossier « indésirables »), ou demandez un nouveau message.",
    };
  }
  return { message: "Identifiant ou mot de passe incorrect." };
}

/** "Connecter": every failure gets one generic message, except throttling and an unconfirmed address. */
export const login = serverAction("public", [formState<LoginState>(), formInput], async (_caller, _previous, formData): Promise<LoginState> => {
  const parsed = loginForm.safeParse(Object.fromEntries(formData));
  const identifier = String(formData.get("identifier") ?? "").slice(0, 320);
  if (!parsed.success) return { message: "Indiquez votre identifiant et votre mot de passe.", identifier };
  try {
    await signIn("password", {
      identifier: parsed.data.identifier,
      password: parsed.data.password,
      redirectTo: safeNextPath(parsed.data.suivant),
    });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) return { ...refusalMessage(error.code), identifier };
    if (error instanceof AuthError) return { message: "La connexion a échoué. Réessayez dans un instant.", identifier };
    throw error; // the redirect after a successful login
  }
});

/** "Renvoyer le message" from the login block, for an account whose address is not confirmed. */
export const resendFromLogin = serverAction("public", [formState<LoginState>(), formInput], async (_caller, _previous, formData): Promise<LoginState> => {
  const identifier = z.string().trim().max(320).safeParse(formData.get("identifier"));
  const until = identifier.success && identifier.data ? await resendAfterResponse(identifier.data) : null;
  if (until) return { identifier: identifier.success ? identifier.data : "", unverified: true, message: `${tooManyMailRequests} : ${tryAgainAt(until)}.` };
  return {
    identifier: identifier.success ? identifier.data : "",
    resent: true,
    message: "Si cette adresse attend sa confirmation, un nouveau message vient de lui être envoyé.",
  };
});
