"use client";

import { PasskeyButton } from "@/components/admin/passkeys";
import { passkeySignInOptions, signInWithPasskey } from "./actions";

export function PasskeySignIn({ next }: { next: string }) {
  return <PasskeyButton label="Se connecter avec une clé d'accès" getOptions={passkeySignInOptions} submit={(challengeId, response) => signInWithPasskey(challengeId, response, next)} />;
}
