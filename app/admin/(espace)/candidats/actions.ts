"use server";

import { notFound } from "next/navigation";
import { requireStaff } from "@/app/_data/session";
import { resetCandidatePassword } from "@/lib/staff/candidates";
import { idSchema } from "@/lib/validation";

export type ProvisionalState = { password?: string; error?: string; attempt: number };

/** "Donner un mot de passe provisoire" to a candidate without email (shown once, here). */
export async function giveProvisionalPassword(userId: unknown, previous: ProvisionalState): Promise<ProvisionalState> {
  const staff = await requireStaff();
  const id = idSchema.safeParse(userId);
  if (!id.success) notFound();
  const result = await resetCandidatePassword(staff, id.data);
  if (!result.ok && "notFound" in result) notFound();
  if (!result.ok) return { error: result.error, attempt: previous.attempt + 1 };
  return { password: result.password, attempt: previous.attempt + 1 };
}
