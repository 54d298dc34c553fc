import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { describeResetToken } from "@/lib/accounts/password-reset";
import { NewPasswordForm } from "./new-password-form";

export const metadata: Metadata = { title: "Nouveau mot de passe" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await describeResetToken(token);
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>Choisir un nouveau mot de passe</PageTitle>
      {state.ok ? (
        <>
          <p>Une fois enregistré, toutes les sessions ouvertes sur votre compte seront fermées.</p>
          <NewPasswordForm token={token} />
        </>
      ) : (
        <>
          <Alert tone="error" role="alert">
            {state.message}
          </Alert>
          <Link href="/mot-de-passe-perdu" className="text-france underline">
            Demander un nouveau lien
          </Link>
        </>
      )}
    </div>
  );
}
