"use server";

import { formInput, serverAction } from "@/app/_data/action";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { tokenShape } from "@/lib/auth/tokens";

/** The POST behind "Activer mon espace candidat": confirms the address and opens a session. */
export const activate = serverAction("public", [formInput], async (_caller, formData): Promise<void> => {
  const token = z.string().regex(tokenShape).safeParse(formData.get("token"));
  if (!token.success) redirect("/verification/invalide");
  try {
    await signIn("email-verification", { token: token.data, redirectTo: "/tableau-de-bord?bienvenue=1" });
  } catch (error) {
    // The page explains why the link no longer works (used or expired).
    if (error instanceof AuthError) redirect(`/verification/${token.data}`);
    throw error;
  }
});
