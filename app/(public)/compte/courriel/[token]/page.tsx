import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { SubmitButton } from "@/components/ui/submit-button";
import { peekToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { confirmNewEmail } from "./actions";

export const metadata: Metadata = { title: "Nouvelle adresse électronique" };

const failures: Record<string, string> = {
  unknown: "Ce lien n'est pas valide. Vérifiez que vous avez copié l'adresse en entier.",
  used: "Ce lien a déjà servi.",
  superseded: "Vous avez demandé un autre changement d'adresse depuis : ce lien ne fonctionne plus. Utilisez le lien du dernier message reçu.",
  expired: "Ce lien a expiré (il est valable 48 heures). Refaites la demande depuis votre compte.",
  taken: "Cette adresse est déjà utilisée par un autre compte : elle ne peut pas remplacer la vôtre.",
};

/** Reached from the mail sent to the new address. A GET changes nothing; the button confirms. */
export default async function ConfirmEmailPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ confirme?: string; echec?: string }>;
}) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  if (query.confirme) {
    return (
      <div className="max-w-3xl space-y-6">
        <PageTitle>Nouvelle adresse électronique</PageTitle>
        <Alert tone="success" role="status">
          Votre nouvelle adresse est confirmée. C&apos;est désormais votre identifiant de connexion. Par sécurité, vos sessions ouvertes ont été fermées :
          connectez-vous avec votre nouvelle adresse.
        </Alert>
        <Link href="/?suivant=%2Fcompte" className="text-france underline">
          Me connecter
        </Link>
      </div>
    );
  }
  const state = query.echec ? { ok: false as const, reason: query.echec } : await peekToken(getDb(), token, "email_change");
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>Nouvelle adresse électronique</PageTitle>
      {state.ok ? (
        <form action={confirmNewEmail} className="space-y-4">
          <p>Cliquez sur le bouton pour que cette adresse remplace l&apos;ancienne sur votre compte.</p>
          <input type="hidden" name="token" value={token} />
          <SubmitButton pendingLabel="Confirmation…">Confirmer ma nouvelle adresse</SubmitButton>
        </form>
      ) : (
        <Alert tone="error" role="alert">
          {failures[state.reason] ?? failures.unknown}
        </Alert>
      )}
    </div>
  );
}
