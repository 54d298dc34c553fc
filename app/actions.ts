"use server";

import { optionalFormInput, serverAction } from "@/app/_data/action";
import { signOut } from "@/lib/auth/auth";

/** "DÉCONNECTER": ends the session (the cookie goes) and returns to the home page. */
export const logout = serverAction("public", [optionalFormInput], async (): Promise<void> => {
  await signOut({ redirectTo: "/?deconnecte=1" });
});
