import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { SubmitButton } from "@/components/ui/submit-button";
import { peekToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { activate } from "./actions";

export const metadata: Metadata = { title: "Activation du compte" };

const failures = {
  unknown: "Ce lien d'activation n'est pas valide. Vérifiez que vous avez copié l'adresse en entier.",
  used: "Ce lien d'activation a déjà servi : votre compte est activé. Connectez-vous avec votre adresse électronique et votre mot de passe.",
  superseded:
    "Un lien d'activation plus récent vous a été envoyé : celui-ci ne fonctionne plus et votre compte n'est pas encore activé. Ouvrez le dernier message reçu, ou demandez un nouveau lien ci-dessous.",
  expired: "Ce lien d'activation a expiré (il est valable 48 heures). Demandez un nouveau message ci-dessous.",
} as const;

/** Reached from the verification mail. A GET changes nothing (mail scanners follow links); the button acts. */
export default async function VerificationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const result = await peekToken(getDb(), token, "email_verification");
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>Activation de votre espace candidat</PageTitle>
      {result.ok ? (
        <form action={activate} className="space-y-4">
          <p>Votre adresse électronique est presque confirmée. Cliquez sur le bouton pour activer votre compte et entrer dans votre espace candidat.</p>
          <input type="hidden" name="token" value={token} />
          <SubmitButton pendingLabel="Activation…">Activer mon espace candidat</SubmitButton>
        </form>
      ) : (
        <>
          <Alert tone={result.reason === "used" || result.reason === "superseded" ? "info" : "error"} role="alert">
            {failures[result.reason]}
          </Alert>
          <ul className="list-disc space-y-1 pl-6">
            <li>
              <Link href="/" className="text-france underline">
                Me connecter
              </Link>
            </li>
            <li>
              <Link href="/verification" className="text-france underline">
                Recevoir un nouveau lien d&apos;activation
              </Link>
            </li>
          </ul>
        </>
      )}
    </div>
  );
}
