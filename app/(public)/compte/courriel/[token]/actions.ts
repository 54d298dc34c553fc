"use server";

import { formInput, serverAction } from "@/app/_data/action";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { confirmEmailChange } from "@/lib/accounts/account";
import { tokenShape } from "@/lib/auth/tokens";

/** The POST behind "Confirmer ma nouvelle adresse". */
export const confirmNewEmail = serverAction("public", [formInput], async (_caller, formData): Promise<void> => {
  const token = z.string().regex(tokenShape).safeParse(formData.get("token"));
  if (!token.success) redirect("/compte/courriel/invalide");
  const result = await confirmEmailChange(token.data);
  // Every session of the account just ended: the menu must stop showing it signed in.
  if (result.ok) revalidatePath("/", "layout");
  redirect(result.ok ? `/compte/courriel/${token.data}?confirme=1` : `/compte/courriel/${token.data}?echec=${result.reason}`);
});
