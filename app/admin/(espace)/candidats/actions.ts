"use server";

import { formState, serverAction } from "@/app/_data/action";
import { z } from "zod";
import { notFound } from "next/navigation";
import { resetCandidatePassword } from "@/lib/staff/candidates";
import { idSchema } from "@/lib/validation";

export type ProvisionalState = { password?: string; error?: string; attempt: number };

/** "Donner un mot de passe provisoire" to a candidate without email (shown once, here). */
export const giveProvisionalPassword = serverAction("staff", [z.unknown(), formState<ProvisionalState>()], async (staff, userId, previous): Promise<ProvisionalState> => {
  const id = idSchema.safeParse(userId);
  if (!id.success) notFound();
  const result = await resetCandidatePassword(staff, id.data);
  if (!result.ok && "notFound" in result) notFound();
  if (!result.ok) return { error: result.error, attempt: previous.attempt + 1 };
  return { password: result.password, attempt: previous.attempt + 1 };
});
