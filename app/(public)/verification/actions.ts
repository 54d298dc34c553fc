"use server";

import { formInput, formState, serverAction } from "@/app/_data/action";
import { z } from "zod";
import { resendAfterResponse, tooManyMailRequests } from "@/app/_data/mail-requests";
import { tryAgainAt } from "@/lib/auth/allowance";

export type ResendState = { sent: boolean; error?: string; email?: string };

/** A new activation link; the answer is the same, in the same time, whether or not the address has an account. */
export const requestNewLink = serverAction("public", [formState<ResendState>(), formInput], async (_caller, _previous, formData): Promise<ResendState> => {
  const raw = String(formData.get("email") ?? "").trim().toLowerCase().slice(0, 254);
  const email = z.email().safeParse(raw);
  if (!email.success) return { sent: false, email: raw, error: "Indiquez une adresse électronique valide, par exemple prenom.nom@exemple.fr." };
  const until = await resendAfterResponse(email.data);
  if (until) return { sent: false, email: raw, error: `${tooManyMailRequests} : ${tryAgainAt(until)}.` };
  return { sent: true };
});
