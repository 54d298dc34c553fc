"use server";

import { signOut } from "@/lib/auth/auth";

/** "DÉCONNECTER": ends the session (the cookie goes) and returns to the home page. */
export async function logout(): Promise<void> {
  await signOut({ redirectTo: "/?deconnecte=1" });
}
