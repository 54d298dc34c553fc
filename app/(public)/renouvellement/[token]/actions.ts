"use server";

import { formInput, formState, serverAction } from "@/app/_data/action";
import { z } from "zod";
import { tokenShape } from "@/lib/auth/tokens";
import { answerRenewal, type RenewalResult } from "@/lib/renewals/renewals";

export type RenewalState = { result?: RenewalResult };

const input = z.object({ token: z.string().regex(tokenShape), choice: z.enum(["keep", "withdraw"]) });

/** The only request that acts on a renewal link (a POST: the page's GET changes nothing). */
export const answer = serverAction("public", [formState<RenewalState>(), formInput], async (_caller, _previous, formData): Promise<RenewalState> => {
  const parsed = input.safeParse({ token: formData.get("token"), choice: formData.get("choice") });
  if (!parsed.success) return { result: { ok: false, reason: "unknown" } };
  return { result: await answerRenewal(parsed.data.token, parsed.data.choice) };
});
